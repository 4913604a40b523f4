using System.Diagnostics.CodeAnalysis;
using Admissions.Application.Common;
using Admissions.Application.Insurance;
using Admissions.Domain.Care;
using Admissions.Web.Components.Pages.Insurance;
using Admissions.Web.Tests.Support;
using AngleSharp.Dom;
using Bunit;
using Mediator;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using MudBlazor;

namespace Admissions.Web.Tests.Components;

[SuppressMessage("Design", "CA1001", Justification = "Disposed in IAsyncLifetime.DisposeAsync: xunit 2 does not call IAsyncDisposable.")]
public sealed class PhoneVerificationDialogTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly PageTestContext _page = new();
    private readonly Guid _checkId = Guid.NewGuid();
    private IRenderedComponent<MudDialogProvider> _dialogs = default!;
    private Task<bool> _saved = default!;

    public async Task InitializeAsync()
    {
        _dialogs = _page.Context.Render<MudDialogProvider>();
        var service = _page.Context.Services.GetRequiredService<IDialogService>();
        // Not awaited here: the task ends when the dialog closes.
        await _dialogs.InvokeAsync(() =>
        {
            _saved = PhoneVerificationDialog.ShowAsync(service, "Phone VOB", _checkId, new PhoneVerificationSubject(Guid.NewGuid(), "INQ-2026-000001", "Pat Doe"),
                "Aetna", [LevelOfCare.Residential, LevelOfCare.IntensiveOutpatient], null, null);
        });
        _dialogs.WaitForElement("[data-testid=phone-vob-dialog]", Timeout);
    }

    public async Task DisposeAsync() => await _page.DisposeAsync();

    private IElement Level(LevelOfCare level) => _dialogs.Find($"[data-testid=level-{level}]");

    private static void Type(IElement level, string field, string value) => level.QuerySelector($"[data-testid={field}]")!.Input(value);

    private void Save() => _dialogs.Find("[data-testid=save-phone-vob]").Click();

    private void FillCall()
    {
        _dialogs.Find("[data-testid=rep-name]").Input("Pat Rivera");
        _dialogs.Find("[data-testid=call-reference]").Input("REF-88213");
        _dialogs.Find("[data-testid=plan-name]").Input("Aetna Choice POS II");
    }

    [Fact]
    public void Offers_one_block_per_level_with_covered_and_in_network_on()
    {
        Assert.Single(_dialogs.FindAll("[data-testid=level-Residential]"));
        Assert.Single(_dialogs.FindAll("[data-testid=level-IntensiveOutpatient]"));
        Assert.Empty(_dialogs.FindAll("[data-testid=level-WithdrawalManagement]"));
        var residential = Level(LevelOfCare.Residential);
        Assert.True(residential.QuerySelector("[data-testid=covered]")!.HasAttribute("checked"));
        Assert.True(residential.QuerySelector("[data-testid=in-network]")!.HasAttribute("checked"));
        Assert.False(residential.QuerySelector("[data-testid=auth-required]")!.HasAttribute("checked"));
    }

    [Fact]
    public void Saving_an_empty_call_shows_what_is_missing_and_sends_nothing()
    {
        Save();

        _dialogs.WaitForAssertion(() =>
        {
            var text = _dialogs.Find("[data-testid=phone-vob-dialog]").TextContent;
            Assert.Contains("Enter the name of the payer representative you spoke to.", text, StringComparison.Ordinal);
            Assert.Contains("Enter the call reference number the representative gave.", text, StringComparison.Ordinal);
        }, Timeout);
        _page.Sender.Verify(s => s.Send(It.IsAny<EnterPhoneVerification>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.False(_saved.IsCompleted);
    }

    [Fact]
    public void A_level_field_shows_the_rule_it_breaks_next_to_that_level_only()
    {
        FillCall();
        var residential = Level(LevelOfCare.Residential);
        Type(residential, "deductible", "1000");
        Type(residential, "deductible-remaining", "1500");

        Save();

        _dialogs.WaitForAssertion(() => Assert.Contains("The remaining deductible cannot exceed the deductible.",
            Level(LevelOfCare.Residential).TextContent, StringComparison.Ordinal), Timeout);
        Assert.DoesNotContain("The remaining deductible", Level(LevelOfCare.IntensiveOutpatient).TextContent, StringComparison.Ordinal);
        _page.Sender.Verify(s => s.Send(It.IsAny<EnterPhoneVerification>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Saving_a_complete_call_sends_what_was_typed_and_closes()
    {
        FillCall();
        var residential = Level(LevelOfCare.Residential);
        Type(residential, "deductible", "1500");
        Type(residential, "deductible-remaining", "250.50");
        Type(residential, "oop-max", "6000");
        Type(residential, "oop-remaining", "4000");
        Type(residential, "coinsurance", "20");
        Type(residential, "day-limit", "30");
        Type(residential, "level-notes", "Precert within 24 h of admission");
        residential.QuerySelector("[data-testid=auth-required]")!.Change(true);
        var iop = Level(LevelOfCare.IntensiveOutpatient);
        iop.QuerySelector("[data-testid=in-network]")!.Change(false);
        Type(iop, "copay", "35");
        Type(iop, "visit-limit", "20");

        Save();

        _dialogs.WaitForAssertion(() => _page.Sender.Verify(s => s.Send(It.IsAny<EnterPhoneVerification>(), It.IsAny<CancellationToken>()), Times.Once), Timeout);
        var sent = Assert.IsType<EnterPhoneVerification>(_page.Sender.Invocations.Single(i => i.Arguments[0] is EnterPhoneVerification).Arguments[0]);
        Assert.Equal(_checkId, sent.CheckId);
        Assert.Equal("Pat Rivera", sent.Form.PayerRepName);
        Assert.Equal("REF-88213", sent.Form.CallReference);
        Assert.Equal("Aetna Choice POS II", sent.Form.PlanName);
        Assert.True(sent.Form.CoverageActive);
        Assert.Equal([LevelOfCare.Residential, LevelOfCare.IntensiveOutpatient], sent.Form.Levels.Select(l => l.Level));
        var res = sent.Form.Levels[0];
        Assert.True(res.Covered);
        Assert.True(res.InNetwork);
        Assert.True(res.AuthorizationRequired);
        Assert.Equal(1500m, res.Deductible);
        Assert.Equal(250.50m, res.DeductibleRemaining);
        Assert.Equal(6000m, res.OutOfPocketMax);
        Assert.Equal(4000m, res.OutOfPocketRemaining);
        Assert.Equal(20m, res.CoinsurancePercent);
        Assert.Equal(30m, res.DayLimit);
        Assert.Equal("Precert within 24 h of admission", res.Notes);
        var outpatient = sent.Form.Levels[1];
        Assert.False(outpatient.InNetwork);
        Assert.False(outpatient.AuthorizationRequired);
        Assert.Equal(35m, outpatient.Copay);
        Assert.Equal(20m, outpatient.VisitLimit);
        Assert.Null(outpatient.Deductible);

        var saved = await _saved.WaitAsync(Timeout);
        Assert.True(saved);
        Assert.Empty(_dialogs.FindAll("[data-testid=phone-vob-dialog]"));
    }

    [Fact]
    public void A_server_error_keeps_the_dialog_open_with_everything_typed()
    {
        _page.Sender.Setup(s => s.Send(It.IsAny<EnterPhoneVerification>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestValidationException(new Dictionary<string, string[]>
            {
                ["Form.CallReference"] = ["Enter the call reference number the representative gave."],
            }));
        FillCall();
        Type(Level(LevelOfCare.Residential), "copay", "50");

        Save();

        _dialogs.WaitForAssertion(() => Assert.Contains("Enter the call reference number the representative gave.",
            _dialogs.Find("[data-testid=phone-vob-errors]").TextContent, StringComparison.Ordinal), Timeout);
        Assert.False(_saved.IsCompleted);
        Assert.Equal("Pat Rivera", _dialogs.Find("[data-testid=rep-name]").GetAttribute("value"));
        Assert.Equal("50", Level(LevelOfCare.Residential).QuerySelector("[data-testid=copay]")!.GetAttribute("value"));
        Assert.False(_dialogs.Find("[data-testid=save-phone-vob]").HasAttribute("disabled"));
    }

    [Fact]
    public void Enter_in_a_field_does_not_save_but_ctrl_enter_saves_what_the_field_shows()
    {
        FillCall();
        var copay = Level(LevelOfCare.IntensiveOutpatient).QuerySelector("[data-testid=copay]")!;
        copay.Input("40");

        copay.KeyDown(new KeyboardEventArgs { Key = "Enter" });
        _page.Sender.Verify(s => s.Send(It.IsAny<EnterPhoneVerification>(), It.IsAny<CancellationToken>()), Times.Never);

        // Still focused, never blurred: the typed amount must count all the same.
        copay.KeyDown(new KeyboardEventArgs { Key = "Enter", CtrlKey = true });
        _dialogs.WaitForAssertion(() => _page.Sender.Verify(s => s.Send(
            It.Is<EnterPhoneVerification>(c => c.Form.Levels[1].Copay == 40m && c.Form.PayerRepName == "Pat Rivera"), It.IsAny<CancellationToken>()), Times.Once), Timeout);
    }
}
