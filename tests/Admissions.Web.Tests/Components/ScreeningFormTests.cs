using System.Diagnostics.CodeAnalysis;
using Admissions.Application.Screening;
using Admissions.Domain.Screening;
using Admissions.Domain.Security;
using Admissions.Web.Components.Pages.Inquiries.Screening;
using Admissions.Web.Tests.Support;
using Bunit;
using Mediator;
using Moq;

namespace Admissions.Web.Tests.Components;

[SuppressMessage("Design", "CA1001", Justification = "Disposed in IAsyncLifetime.DisposeAsync: xunit 2 does not call IAsyncDisposable.")]
public sealed class ScreeningFormTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly PageTestContext _page = new();
    private readonly Guid _inquiryId = Guid.NewGuid();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _page.DisposeAsync();

    private IRenderedComponent<ScreeningForm> RenderForm(InstrumentCode code) =>
        _page.RenderPage<ScreeningForm>(p => p
            .Add(x => x.InquiryId, _inquiryId)
            .Add(x => x.Definition, InstrumentCatalog.Default.Get(code)));

    private static void Press(IRenderedComponent<ScreeningForm> cut, string itemId, string key) =>
        cut.Find($"[data-testid=item-{itemId}]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = key });

    [Fact]
    public void Number_keys_answer_items_and_the_total_and_band_follow_live()
    {
        var cut = RenderForm(InstrumentCode.Phq9);
        Assert.Equal(9, cut.FindAll("[data-testid^=item-]").Count);
        Assert.Contains("PHQ-9", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("Total 0", cut.Find("[data-testid=live-total]").TextContent.Trim());

        Press(cut, "q1", "2");
        Press(cut, "q2", "3");
        Press(cut, "q3", "9"); // not an answer on this item: ignored

        Assert.Equal("Total 5", cut.Find("[data-testid=live-total]").TextContent.Trim());
        Assert.Contains("7 to answer", cut.Find("[data-testid=live-band]").TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find("[data-testid=complete-screening]").HasAttribute("disabled"));

        foreach (var item in new[] { "q3", "q4", "q5", "q6", "q7", "q8", "q9" })
        {
            Press(cut, item, item == "q9" ? "0" : "1");
        }

        Assert.Equal("Total 11", cut.Find("[data-testid=live-total]").TextContent.Trim());
        Assert.Contains("Moderate", cut.Find("[data-testid=live-band]").TextContent, StringComparison.Ordinal);
        Assert.False(cut.Find("[data-testid=complete-screening]").HasAttribute("disabled"));
        Assert.Empty(cut.FindAll("[data-testid=live-safety]"));
    }

    [Fact]
    public void Choosing_a_radio_option_answers_the_item()
    {
        var cut = RenderForm(InstrumentCode.Phq9);

        cut.FindAll("[data-testid=item-q1] input[type=radio]")[3].Click();

        cut.WaitForAssertion(() => Assert.Equal("Total 3", cut.Find("[data-testid=live-total]").TextContent.Trim()), Timeout);
    }

    [Fact]
    public void Phq9_item_9_above_zero_warns_at_once()
    {
        var cut = RenderForm(InstrumentCode.Phq9);

        Press(cut, "q9", "1");

        Assert.Contains("safety alert", cut.Find("[data-testid=live-safety]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Cssrs_follow_up_questions_appear_only_when_asked_and_clear_when_no_longer_asked()
    {
        var cut = RenderForm(InstrumentCode.Cssrs);
        Assert.Empty(cut.FindAll("[data-testid=item-q3]"));
        Assert.Empty(cut.FindAll("[data-testid=item-q6-recent]"));

        Press(cut, "q2", "1");
        Assert.Single(cut.FindAll("[data-testid=item-q3]"));
        Assert.Single(cut.FindAll("[data-testid=item-q5]"));

        Press(cut, "q3", "1");
        Assert.Contains("Moderate", cut.Find("[data-testid=live-risk]").TextContent, StringComparison.Ordinal);
        Press(cut, "q4", "1");
        Assert.Contains("High", cut.Find("[data-testid=live-risk]").TextContent, StringComparison.Ordinal);
        Assert.Single(cut.FindAll("[data-testid=live-safety]"));

        Press(cut, "q2", "0");
        Assert.Empty(cut.FindAll("[data-testid=item-q3]"));
        Assert.DoesNotContain("High", cut.Find("[data-testid=live-risk]").TextContent, StringComparison.Ordinal);

        Press(cut, "q6", "1");
        Assert.Single(cut.FindAll("[data-testid=item-q6-recent]"));
    }

    [Fact]
    public void Save_draft_sends_the_answers_so_far_and_ctrl_enter_completes()
    {
        var screeningId = Guid.NewGuid();
        var sent = new List<SaveScreening>();
        _page.Sender.Setup(s => s.Send(It.IsAny<SaveScreening>(), It.IsAny<CancellationToken>()))
            .Callback<ICommand<SaveScreeningResult>, CancellationToken>((c, _) => sent.Add((SaveScreening)c))
            .ReturnsAsync(new SaveScreeningResult(screeningId, 1, ScreeningStatus.Draft, 2, null, null, false, AlertLevel.None, null));
        var cut = RenderForm(InstrumentCode.Gad7);

        Press(cut, "q1", "2");
        cut.Find("[data-testid=save-draft] ").Click();
        cut.WaitForAssertion(() => Assert.Single(sent), Timeout);
        Assert.Null(sent[0].ScreeningId);
        Assert.False(sent[0].Complete);
        Assert.Equal(2, sent[0].Answers["q1"]);

        foreach (var item in new[] { "q2", "q3", "q4", "q5", "q6", "q7" })
        {
            Press(cut, item, "0");
        }

        cut.Find("[data-testid=screening-form]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter", CtrlKey = true });
        cut.WaitForAssertion(() => Assert.Equal(2, sent.Count), Timeout);
        Assert.True(sent[1].Complete);
        Assert.Equal(screeningId, sent[1].ScreeningId);
        Assert.Equal(7, sent[1].Answers.Count);
    }
}

[SuppressMessage("Design", "CA1001", Justification = "Disposed in IAsyncLifetime.DisposeAsync: xunit 2 does not call IAsyncDisposable.")]
public sealed class SafetyBannerTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly PageTestContext _page = new();
    private readonly Guid _inquiryId = Guid.NewGuid();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _page.DisposeAsync();

    private SafetyAlertView Alert(bool open = true) => new(
        Guid.NewGuid(), Guid.NewGuid(), InstrumentCode.Phq9, AlertLevel.Immediate, "PHQ-9 item 9: thoughts of being better off dead or of self-harm.",
        _page.Clock.GetUtcNow(), "Casey Nguyen", open ? null : SafetyDisposition.CrisisLineGiven, null, null, open ? null : _page.Clock.GetUtcNow(), open);

    private void Returns(params SafetyAlertView[] alerts) =>
        _page.Sender.Setup(s => s.Send(It.Is<GetScreenings>(q => q.InquiryId == _inquiryId), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ScreeningsOverview(_inquiryId, [], [], alerts));

    private IRenderedComponent<SafetyBanner> RenderBanner() =>
        _page.RenderPage<SafetyBanner>(p => p.Add(x => x.InquiryId, _inquiryId));

    [Fact]
    public void An_open_immediate_alert_shows_a_banner_with_the_reason_and_no_disposition_button_for_a_coordinator()
    {
        Returns(Alert());

        var cut = RenderBanner();

        var banner = cut.WaitForElement("[data-testid=safety-banner]", Timeout);
        Assert.Contains("SAFETY ALERT", banner.TextContent, StringComparison.Ordinal);
        Assert.Contains("PHQ-9 item 9", banner.TextContent, StringComparison.Ordinal);
        Assert.Contains("mud-alert-filled-error", banner.ClassName, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=record-disposition]"));
    }

    [Fact]
    public void A_clinician_gets_the_record_disposition_button()
    {
        _page.SignInAs(Roles.Clinician);
        Returns(Alert());

        var cut = RenderBanner();

        cut.WaitForElement("[data-testid=record-disposition]", Timeout);
    }

    [Fact]
    public void No_banner_without_an_open_alert_and_it_appears_when_the_inquiry_changes()
    {
        Returns(Alert(open: false));
        var cut = RenderBanner();
        cut.WaitForAssertion(() => _page.Sender.Verify(s => s.Send(It.IsAny<GetScreenings>(), It.IsAny<CancellationToken>()), Times.Once()), Timeout);
        Assert.Empty(cut.FindAll("[data-testid=safety-banner]"));

        Returns(Alert());
        _page.Live.InquiryChanged(_inquiryId);

        cut.WaitForElement("[data-testid=safety-banner]", Timeout);
    }
}

[SuppressMessage("Design", "CA1001", Justification = "Disposed in IAsyncLifetime.DisposeAsync: xunit 2 does not call IAsyncDisposable.")]
public sealed class ScreeningPanelTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly PageTestContext _page = new();
    private readonly Guid _inquiryId = Guid.NewGuid();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _page.DisposeAsync();

    private ScreeningView Phq9(int version, bool superseded, int total, string band) => new(
        Guid.NewGuid(), InstrumentCode.Phq9, ScreeningStatus.Completed, version, null, superseded,
        Enumerable.Range(1, 9).ToDictionary(n => $"q{n}", n => n <= total ? 1 : 0), total, band, BandSeverity.Mild, null, true,
        _page.Clock.GetUtcNow(), "Casey Nguyen", _page.Clock.GetUtcNow(), "Casey Nguyen", _page.Clock.GetUtcNow(), "Casey Nguyen");

    [Fact]
    public void Lists_instruments_with_their_latest_result_and_opens_one_screen_with_its_history()
    {
        var current = Phq9(2, superseded: false, total: 6, band: "Mild");
        var old = Phq9(1, superseded: true, total: 7, band: "Mild");
        _page.Sender.Setup(s => s.Send(It.IsAny<ListInstruments>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([.. InstrumentCatalog.Default.Instruments.OrderBy(i => i.Code)]);
        _page.Sender.Setup(s => s.Send(It.Is<GetScreenings>(q => q.InquiryId == _inquiryId), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ScreeningsOverview(_inquiryId, [current], [current, old], []));

        var cut = _page.RenderPage<ScreeningPanel>(p => p.Add(x => x.InquiryId, _inquiryId));

        var phq9 = cut.WaitForElement("[data-testid=instrument-Phq9]", Timeout);
        Assert.Contains("Total 6 · Mild", phq9.TextContent, StringComparison.Ordinal);
        Assert.Contains("Complete · v2", phq9.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not started", cut.Find("[data-testid=instrument-Gad7]").TextContent, StringComparison.Ordinal);

        phq9.Click();

        cut.WaitForElement("[data-testid=screening-form]", Timeout);
        Assert.Equal("Total 6", cut.Find("[data-testid=live-total]").TextContent.Trim());
        Assert.Contains("Save correction", cut.Find("[data-testid=complete-screening]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=save-draft]"));
        var rows = cut.FindAll("[data-testid=history-row]");
        Assert.Equal(2, rows.Count);
        Assert.Contains("Superseded", rows[1].TextContent, StringComparison.Ordinal);
    }
}
