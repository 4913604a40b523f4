using Admissions.Application.Common;
using Admissions.Domain.Security;
using Admissions.Web.Components.Ui;
using Bunit;
using Bunit.TestDoubles;
using Mediator;
using Microsoft.AspNetCore.Components;
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

    // bUnit waits one second for a render by default; CI runs these beside the browser tests on two cores, where a
    // render that does come can take longer. A wait for one that never comes still fails.
    static PageTestContext() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    public PageTestContext()
    {
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
        Context.Services.AddSingleton(Sender.Object);
        Context.Services.AddSingleton<TimeProvider>(Clock);
        var calendar = new TestCalendar(Clock);
        Context.Services.AddSingleton<IFacilityCalendar>(calendar);
        Context.Services.AddSingleton(new FacilityClock(calendar, Clock));
        Context.Services.AddScoped<Admissions.Web.Components.Drafts.DraftSession>();

        User.SetupGet(u => u.IsAuthenticated).Returns(true);
        User.SetupGet(u => u.Id).Returns(UserId);
        User.SetupGet(u => u.Name).Returns("Casey Nguyen");
        User.Setup(u => u.IsInRole(Roles.AdmissionsCoordinator)).Returns(true);
        Context.Services.AddSingleton(User.Object);
        Context.Services.AddSingleton(Live);

        Authorization = Context.AddAuthorization();
        Authorization.SetAuthorized("Casey Nguyen");
        Authorization.SetRoles(Roles.AdmissionsCoordinator);

        // Touching the renderer locks the service collection: register everything above first.
        Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public BunitContext Context { get; } = new();

    public Mock<ISender> Sender { get; } = new(MockBehavior.Loose);

    public Mock<ICurrentUser> User { get; } = new();

    /// <summary>The live-update hub components subscribe to; tests raise its events.</summary>
    public Admissions.Web.Security.LiveNotifier Live { get; } = new();

    public BunitAuthorizationContext Authorization { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 10, 17, 30, 0, TimeSpan.Zero));

    /// <summary>Where open selects and menus render their items (set by RenderPage).</summary>
    public IRenderedComponent<MudPopoverProvider> Popovers { get; private set; } = default!;

    public NavigationManager Navigation => Context.Services.GetRequiredService<NavigationManager>();

    /// <summary>Renders the page next to a popover provider, which MudSelect and friends need.</summary>
    public IRenderedComponent<TPage> RenderPage<TPage>()
        where TPage : IComponent
    {
        Popovers = Context.Render<MudPopoverProvider>();
        return Context.Render<TPage>();
    }

    /// <summary>Renders a page that takes route parameters, next to a popover provider.</summary>
    public IRenderedComponent<TPage> RenderPage<TPage>(Action<ComponentParameterCollectionBuilder<TPage>> parameters)
        where TPage : IComponent
    {
        Popovers = Context.Render<MudPopoverProvider>();
        return Context.Render(parameters);
    }

    /// <summary>Signs the user in with another role instead (call before rendering).</summary>
    public void SignInAs(string role)
    {
        Authorization.SetRoles(role);
        User.Setup(u => u.IsInRole(It.IsAny<string>())).Returns((string r) => r == role);
    }

    public ValueTask DisposeAsync() => Context.DisposeAsync();
}
