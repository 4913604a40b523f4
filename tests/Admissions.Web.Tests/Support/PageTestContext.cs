using Admissions.Application.Common;
using Admissions.Domain.Security;
using Admissions.Web.Components.Ui;
using Bunit;
using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;
using MudBlazor;
using MudBlazor.Services;

namespace Admissions.Web.Tests.Support;

/// <summary>
/// A bUnit context for one page: MudBlazor services, a mocked Mediator sender, a fake clock and a
/// signed-in coordinator. Owned by the test class and disposed asynchronously (MudBlazor needs it).
/// </summary>
public sealed class PageTestContext : IAsyncDisposable
{
    public const string UserId = "coordinator-1";

    public PageTestContext()
    {
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
        Context.Services.AddSingleton(Sender.Object);
        Context.Services.AddSingleton<TimeProvider>(Clock);
        Context.Services.AddSingleton(new FacilityClock(new ConfigurationBuilder().Build(), Clock));

        var user = new Mock<ICurrentUser>();
        user.SetupGet(u => u.IsAuthenticated).Returns(true);
        user.SetupGet(u => u.Id).Returns(UserId);
        user.SetupGet(u => u.Name).Returns("Casey Nguyen");
        user.Setup(u => u.IsInRole(Roles.AdmissionsCoordinator)).Returns(true);
        Context.Services.AddSingleton(user.Object);

        var authorization = Context.AddAuthorization();
        authorization.SetAuthorized("Casey Nguyen");
        authorization.SetRoles(Roles.AdmissionsCoordinator);

        // Touching the renderer locks the service collection: register everything above first.
        Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public BunitContext Context { get; } = new();

    public Mock<ISender> Sender { get; } = new(MockBehavior.Loose);

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 10, 17, 30, 0, TimeSpan.Zero));

    public NavigationManager Navigation => Context.Services.GetRequiredService<NavigationManager>();

    /// <summary>Renders the page next to a popover provider, which MudSelect and friends need.</summary>
    public IRenderedComponent<TPage> RenderPage<TPage>()
        where TPage : IComponent
    {
        Context.Render<MudPopoverProvider>();
        return Context.Render<TPage>();
    }

    public ValueTask DisposeAsync() => Context.DisposeAsync();
}
