using System.Diagnostics.CodeAnalysis;
using Admissions.Application.Insurance;
using Admissions.Domain.Insurance;
using Admissions.Web.Components.Pages.Inquiries.Insurance;
using Admissions.Web.Tests.Support;
using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using MudBlazor;

namespace Admissions.Web.Tests.Components;

[SuppressMessage("Design", "CA1001", Justification = "Disposed in IAsyncLifetime.DisposeAsync: xunit 2 does not call IAsyncDisposable.")]
public sealed class SingleCaseAgreementDialogTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly PageTestContext _page = new();
    private readonly Guid _authorizationId = Guid.NewGuid();
    private readonly SingleCaseAgreementForm _form = new()
    {
        Units = 14,
        StartsOn = new DateOnly(2026, 12, 31),
        EndsOn = new DateOnly(2027, 1, 13),
    };

    private IRenderedComponent<MudDialogProvider> _dialogs = default!;

    public async Task InitializeAsync()
    {
        _dialogs = _page.Context.Render<MudDialogProvider>();
        var service = _page.Context.Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<SingleCaseAgreementDialog>
        {
            { d => d.AuthorizationId, _authorizationId },
            { d => d.PayerName, "UnitedHealthcare" },
            { d => d.Level, "residential" },
            { d => d.Form, _form },
        };
        await _dialogs.InvokeAsync(() => service.ShowAsync<SingleCaseAgreementDialog>("Single case agreement · UnitedHealthcare", parameters));
        _dialogs.WaitForElement("[data-testid=sca-units]", Timeout);
    }

    public async Task DisposeAsync() => await _page.DisposeAsync();

    private IElement Field(string testId) => _dialogs.Find($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input, [data-testid={testId}] textarea");

    [Fact]
    public void Per_day_changing_the_days_moves_the_last_day_and_the_last_day_moves_the_days()
    {
        Field("sca-units").Input("10");
        _dialogs.WaitForAssertion(() => Assert.Equal("01/09/2027", Field("sca-ends").GetAttribute("value")), Timeout);

        Field("sca-ends").Change("01/20/2027");
        _dialogs.WaitForAssertion(() => Assert.Equal("21", Field("sca-units").GetAttribute("value")), Timeout);
        Assert.Equal((21, new DateOnly(2027, 1, 20)), (_form.Units!.Value, _form.EndsOn!.Value));
    }

    [Fact]
    public void Per_unit_the_dates_are_a_window_and_the_units_stay_as_typed()
    {
        _dialogs.InvokeAsync(() => _form.Basis = AgreementRateBasis.PerUnit);
        _dialogs.FindComponent<SingleCaseAgreementDialog>().Render();

        Field("sca-units").Input("20");

        _dialogs.WaitForAssertion(() => Assert.Equal(20, _form.Units), Timeout);
        Assert.Equal(new DateOnly(2027, 1, 13), _form.EndsOn);
        Assert.Contains("Per unit: the agreed units may be used any time between these days.", _dialogs.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_terms_are_shown_at_their_fields_and_nothing_is_sent()
    {
        _dialogs.Find("[data-testid=sca-save]").Click();

        _dialogs.WaitForAssertion(() =>
        {
            Assert.Contains("Enter the agreed rate.", _dialogs.Markup, StringComparison.Ordinal);
            Assert.Contains("agreement (reference) number.", _dialogs.Markup, StringComparison.Ordinal);
            Assert.Contains("phone or email, so billing can reach them.", _dialogs.Markup, StringComparison.Ordinal);
        }, Timeout);
        _page.Sender.Verify(s => s.Send(It.IsAny<RecordSingleCaseAgreement>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public void A_complete_agreement_is_sent_for_the_authorization()
    {
        _page.Sender.Setup(s => s.Send(It.IsAny<RecordSingleCaseAgreement>(), It.IsAny<CancellationToken>())).ReturnsAsync(Guid.NewGuid());
        Field("sca-rate").Change("1150");
        Field("sca-reference").Change("SCA-77120");
        Field("sca-contact").Change("Dana Whitfield");
        Field("sca-email").Change("dana@uhc.example");
        _dialogs.Find("[data-testid=sca-save]").Click();

        _dialogs.WaitForAssertion(() => _page.Sender.Verify(s => s.Send(
            It.Is<RecordSingleCaseAgreement>(c => c.AuthorizationId == _authorizationId && c.Form.Rate == 1150 && c.Form.Units == 14
                && c.Form.ReferenceNumber == "SCA-77120"), It.IsAny<CancellationToken>()), Times.Once), Timeout);
    }
}
