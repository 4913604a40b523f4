using System.Diagnostics.CodeAnalysis;
using Admissions.Application.Insurance;
using Admissions.Domain.Insurance;
using Admissions.Web.Components.Pages.Inquiries.Insurance;
using Admissions.Web.Tests.Support;
using AngleSharp.Dom;
using Bunit;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using MudBlazor;

namespace Admissions.Web.Tests.Components;

[SuppressMessage("Design", "CA1001", Justification = "Disposed in IAsyncLifetime.DisposeAsync: xunit 2 does not call IAsyncDisposable.")]
public sealed class AuthorizationDecisionDialogTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly PageTestContext _page = new();
    private readonly Guid _authorizationId = Guid.NewGuid();
    private readonly AuthorizationDecisionForm _form = new()
    {
        CertificationNumber = "AUTH-1",
        ApprovedDays = 12,
        ApprovedFrom = new DateOnly(2026, 12, 31),
        ApprovedTo = new DateOnly(2027, 1, 11),
    };

    private IRenderedComponent<MudDialogProvider> _dialogs = default!;

    public async Task InitializeAsync()
    {
        _dialogs = _page.Context.Render<MudDialogProvider>();
        var service = _page.Context.Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<AuthorizationDecisionDialog> { { d => d.AuthorizationId, _authorizationId }, { d => d.Form, _form } };
        await _dialogs.InvokeAsync(() => service.ShowAsync<AuthorizationDecisionDialog>("Decision from Aetna", parameters));
        _dialogs.WaitForElement("[data-testid=decision-days]", Timeout);
    }

    public async Task DisposeAsync() => await _page.DisposeAsync();

    private IElement Field(string testId) => _dialogs.Find($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input, [data-testid={testId}] textarea");

    [Fact]
    public void Changing_the_days_moves_the_last_day()
    {
        Field("decision-days").Input("6");

        _dialogs.WaitForAssertion(() => Assert.Equal("01/05/2027", Field("decision-to").GetAttribute("value")), Timeout);
        Assert.Equal(new DateOnly(2027, 1, 5), _form.ApprovedTo);
        Assert.Contains("6 days approved", _dialogs.Find("[data-testid=decision-summary]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_the_last_day_moves_the_days()
    {
        Field("decision-to").Change("01/09/2027");

        _dialogs.WaitForAssertion(() => Assert.Equal("10", Field("decision-days").GetAttribute("value")), Timeout);
        Assert.Equal((10, new DateOnly(2027, 1, 9)), (_form.ApprovedDays!.Value, _form.ApprovedTo!.Value));
    }

    [Fact]
    public void A_review_after_the_last_day_is_shown_at_the_review_field_and_nothing_is_sent()
    {
        Field("decision-review").Change("01/20/2027");
        _dialogs.Find("[data-testid=decision-save]").Click();

        _dialogs.WaitForAssertion(() => Assert.Contains("The next review must fall inside the covered period, 12/31/2026 to 01/11/2027.",
            _dialogs.Markup, StringComparison.Ordinal), Timeout);
        _page.Sender.Verify(s => s.Send(It.IsAny<RecordAuthorizationDecision>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public void A_denial_shows_no_days_and_is_sent_with_its_reason()
    {
        _page.Sender.Setup(s => s.Send(It.IsAny<RecordAuthorizationDecision>(), It.IsAny<CancellationToken>())).ReturnsAsync(Unit.Value);
        _dialogs.InvokeAsync(() => _form.Status = AuthorizationStatus.Denied);
        _dialogs.FindComponent<AuthorizationDecisionDialog>().Render();

        _dialogs.WaitForAssertion(() => Assert.Empty(_dialogs.FindAll("[data-testid=decision-days]")), Timeout);
        Assert.Contains("A denial approves no days.", _dialogs.Markup, StringComparison.Ordinal);
        Field("decision-denial-reason").Change("Not medically necessary");
        _dialogs.Find("[data-testid=decision-save]").Click();

        _dialogs.WaitForAssertion(() => _page.Sender.Verify(s => s.Send(
            It.Is<RecordAuthorizationDecision>(c => c.AuthorizationId == _authorizationId && c.Form.Status == AuthorizationStatus.Denied
                && c.Form.DenialReason == "Not medically necessary"), It.IsAny<CancellationToken>()), Times.Once), Timeout);
    }
}
