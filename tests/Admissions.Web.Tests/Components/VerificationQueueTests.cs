using System.Diagnostics.CodeAnalysis;
using Admissions.Application.Common;
using Admissions.Application.Insurance;
using Admissions.Domain.Care;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Admissions.Domain.Security;
using Admissions.Web.Components.Pages.Insurance;
using Admissions.Web.Components.Ui;
using Admissions.Web.Tests.Support;
using Bunit;
using Mediator;
using Moq;
using MudBlazor;

namespace Admissions.Web.Tests.Components;

[SuppressMessage("Design", "CA1001", Justification = "Disposed in IAsyncLifetime.DisposeAsync: xunit 2 does not call IAsyncDisposable.")]
public sealed class VerificationQueueTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private static readonly PayerItem Aetna = new(Guid.NewGuid(), "Aetna", PayerKind.Commercial, "60054", null, null, true, true);
    private readonly PageTestContext _page = new();
    private readonly List<ListVerifications> _queries = [];

    public VerificationQueueTests()
    {
        _page.Sender.Setup(s => s.Send(It.IsAny<ListPayers>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new[] { Aetna });
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _page.DisposeAsync();

    private VerificationQueueItem Item(int n, VerificationState state, string? problem = null) => new(
        Guid.NewGuid(), Guid.NewGuid(), $"INQ-2026-{n:000000}", $"Patient{n} Lastname", "Aetna", state,
        state is VerificationState.NeedsManual or VerificationState.AwaitingApproval ? VerificationMethod.Phone : VerificationMethod.Electronic,
        [LevelOfCare.Residential, LevelOfCare.PartialHospitalization], _page.Clock.GetUtcNow().AddHours(-n), "Casey Nguyen",
        n, null, problem, "Jordan Patel");

    /// <summary>Answers every queue query with the given rows and records the query.</summary>
    private void Returns(params VerificationQueueItem[] rows) =>
        _page.Sender.Setup(s => s.Send(It.IsAny<ListVerifications>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IQuery<PagedResult<VerificationQueueItem>> query, CancellationToken _) =>
            {
                _queries.Add((ListVerifications)query);
                return new PagedResult<VerificationQueueItem>(rows, rows.Length);
            });

    private static string Grid(IRenderedComponent<VerificationQueue> cut) => cut.Find("[data-testid=verification-grid]").TextContent;

    private IRenderedComponent<VerificationQueue> RenderQueue()
    {
        var cut = _page.RenderPage<VerificationQueue>();
        cut.WaitForAssertion(() => Assert.NotEmpty(_queries), Timeout);
        return cut;
    }

    [Fact]
    public void Shows_each_check_with_its_inquiry_state_levels_and_problem()
    {
        var check = Item(1, VerificationState.NeedsManual, "Behavioral health is carved out to Optum. Call the payer.");
        Returns(check, Item(2, VerificationState.Pending));

        var cut = RenderQueue();

        cut.WaitForAssertion(() => Assert.Contains("INQ-2026-000001", Grid(cut), StringComparison.Ordinal), Timeout);
        var grid = Grid(cut);
        Assert.Contains("INQ-2026-000002", grid, StringComparison.Ordinal);
        Assert.Contains("Patient1 Lastname", grid, StringComparison.Ordinal);
        Assert.Contains("Residential, PHP (partial hospitalization)", grid, StringComparison.Ordinal);
        Assert.Contains("carved out to Optum", grid, StringComparison.Ordinal);
        Assert.Contains("Jordan Patel", grid, StringComparison.Ordinal);
        Assert.Equal(["Needs phone VOB", "Pending"], cut.FindAll("[data-testid=verification-state]").Select(c => c.TextContent.Trim()));
        Assert.Contains(cut.FindAll("a"), a => a.GetAttribute("href") == $"/inquiries/{check.InquiryId}?tab=insurance");
        Assert.Single(cut.FindAll("[data-testid=enter-phone-vob]"));
    }

    [Fact]
    public void Opens_on_the_work_queue_everyone_payers_and_the_first_page()
    {
        Returns();

        RenderQueue();

        var query = _queries[0];
        Assert.Equal(InsuranceLabels.WorkQueue.Order(), query.States.Order());
        Assert.DoesNotContain(VerificationState.Completed, query.States);
        Assert.Null(query.PayerId);
        Assert.False(query.MineOnly);
        Assert.Equal(0, query.Page.Index);
        Assert.Equal(25, query.Page.Size);
    }

    [Fact]
    public void The_mine_switch_asks_for_my_checks_only()
    {
        Returns();
        var cut = RenderQueue();

        cut.Find("[data-testid=mine-filter]").Change(true);

        cut.WaitForAssertion(() => Assert.True(_queries[^1].MineOnly), Timeout);
        Assert.Equal(InsuranceLabels.WorkQueue.Order(), _queries[^1].States.Order());
    }

    [Fact]
    public void All_asks_for_every_state_and_a_chip_toggles_one_state()
    {
        Returns();
        var cut = RenderQueue();

        cut.Find("[data-testid=state-all]").Click();
        cut.WaitForAssertion(() => Assert.Empty(_queries[^1].States), Timeout);

        cut.Find("[data-testid=state-Completed]").Click();
        cut.WaitForAssertion(() => Assert.Equal(
            [VerificationState.Pending, VerificationState.NeedsManual, VerificationState.AwaitingApproval, VerificationState.Failed],
            _queries[^1].States.Order()), Timeout);

        cut.Find("[data-testid=state-Failed]").Click();
        cut.WaitForAssertion(() => Assert.DoesNotContain(VerificationState.Failed, _queries[^1].States), Timeout);
        Assert.Equal(3, _queries[^1].States.Count);
    }

    [Fact]
    public void Choosing_a_payer_asks_for_that_payer()
    {
        Returns();
        var cut = RenderQueue();

        cut.InvokeAsync(() => cut.FindComponent<MudSelect<Guid?>>().Instance.OpenMenu());
        _page.Popovers.WaitForAssertion(() => Assert.NotEmpty(_page.Popovers.FindAll(".mud-list-item")), Timeout);
        _page.Popovers.FindAll(".mud-list-item").Single(i => i.TextContent.Contains("Aetna", StringComparison.Ordinal)).Click();

        cut.WaitForAssertion(() => Assert.Equal(Aetna.Id, _queries[^1].PayerId), Timeout);
    }

    [Fact]
    public void Shows_the_empty_state_when_nothing_waits()
    {
        Returns();

        var cut = RenderQueue();

        cut.WaitForAssertion(() => Assert.Contains("No verifications waiting. Run a VOB from an inquiry's Insurance tab.", cut.Markup, StringComparison.Ordinal), Timeout);
    }

    [Fact]
    public void A_coordinator_sees_that_a_phone_entry_awaits_a_manager_but_cannot_approve_it()
    {
        Returns(Item(1, VerificationState.AwaitingApproval));

        var cut = RenderQueue();

        cut.WaitForAssertion(() => Assert.Contains("Awaiting manager approval", Grid(cut), StringComparison.Ordinal), Timeout);
        Assert.Empty(cut.FindAll("[data-testid=approve-vob]"));
        Assert.Empty(cut.FindAll("[data-testid=return-vob]"));
    }

    [Theory]
    [InlineData(Roles.AdmissionsManager)]
    [InlineData(Roles.Admin)]
    public void A_manager_can_approve_or_return_a_phone_entry(string role)
    {
        _page.SignInAs(role);
        Returns(Item(1, VerificationState.AwaitingApproval), Item(2, VerificationState.NeedsManual));

        var cut = RenderQueue();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=approve-vob]")), Timeout);
        Assert.Single(cut.FindAll("[data-testid=return-vob]"));
        Assert.DoesNotContain("Awaiting manager approval", Grid(cut), StringComparison.Ordinal);
    }

    [Fact]
    public void Approving_asks_first_then_sends_the_approval_and_reloads()
    {
        _page.SignInAs(Roles.AdmissionsManager);
        var check = Item(1, VerificationState.AwaitingApproval);
        Returns(check);
        var dialogs = _page.Context.Render<MudDialogProvider>();
        var cut = RenderQueue();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=approve-vob]")), Timeout);
        var loads = _queries.Count;

        cut.Find("[data-testid=approve-vob]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Approve phone verification?", dialogs.Markup, StringComparison.Ordinal), Timeout);
        _page.Sender.Verify(s => s.Send(It.IsAny<ApproveVerification>(), It.IsAny<CancellationToken>()), Times.Never);
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Approve").Click();

        cut.WaitForAssertion(() => _page.Sender.Verify(
            s => s.Send(It.Is<ApproveVerification>(c => c.CheckId == check.CheckId), It.IsAny<CancellationToken>()), Times.Once), Timeout);
        cut.WaitForAssertion(() => Assert.True(_queries.Count > loads), Timeout);
    }

    [Fact]
    public void Returning_asks_for_the_reason_and_sends_it()
    {
        _page.SignInAs(Roles.AdmissionsManager);
        var check = Item(1, VerificationState.AwaitingApproval);
        Returns(check);
        var dialogs = _page.Context.Render<MudDialogProvider>();
        var cut = RenderQueue();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=return-vob]")), Timeout);

        cut.Find("[data-testid=return-vob]").Click();
        dialogs.WaitForElement("[data-testid=confirm-return]", Timeout).Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Say what needs correcting.", dialogs.Markup, StringComparison.Ordinal), Timeout);
        _page.Sender.Verify(s => s.Send(It.IsAny<ReturnVerification>(), It.IsAny<CancellationToken>()), Times.Never);

        dialogs.Find("[data-testid=return-reason]").Input("Deductible remaining is missing for PHP.");
        dialogs.Find("[data-testid=confirm-return]").Click();

        cut.WaitForAssertion(() => _page.Sender.Verify(s => s.Send(
            It.Is<ReturnVerification>(c => c.CheckId == check.CheckId && c.Reason == "Deductible remaining is missing for PHP."),
            It.IsAny<CancellationToken>()), Times.Once), Timeout);
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=confirm-return]")), Timeout);
    }

    [Fact]
    public void Enter_phone_VOB_opens_the_dialog_prefilled_from_the_check()
    {
        var check = Item(1, VerificationState.NeedsManual, "Returned: add the call reference.");
        Returns(check);
        var partial = new VerificationResult
        {
            CoverageActive = true,
            PlanName = "Aetna Choice POS II",
            Levels = [new LevelBenefits { Level = LevelOfCare.Residential, Deductible = 1500m, Coinsurance = 0.2m }],
        };
        _page.Sender.Setup(s => s.Send(It.Is<GetInsurance>(q => q.InquiryId == check.InquiryId), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new InsuranceOverview(check.InquiryId, check.InquiryNumber, [], [],
                [new VerificationView(check.CheckId, Guid.NewGuid(), "Aetna", VerificationMethod.Phone, VerificationState.NeedsManual, check.Levels,
                    check.RequestedAt, "Casey Nguyen", 0, null, null, null, check.Problem, partial, [], "Pat at Aetna", null, "Casey Nguyen", null, null)],
                [], [], 0, new LevelSuggestion([LevelOfCare.Residential], "the substances on the inquiry")));
        var dialogs = _page.Context.Render<MudDialogProvider>();
        var cut = RenderQueue();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=enter-phone-vob]")), Timeout);

        cut.Find("[data-testid=enter-phone-vob]").Click();

        dialogs.WaitForElement("[data-testid=phone-vob-dialog]", Timeout);
        Assert.Contains("Phone VOB · Patient1 Lastname · INQ-2026-000001", dialogs.Markup, StringComparison.Ordinal);
        Assert.Contains("Returned: add the call reference.", dialogs.Find("[data-testid=phone-vob-problem]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Pat at Aetna", dialogs.Find("[data-testid=rep-name]").GetAttribute("value"));
        Assert.Equal("Aetna Choice POS II", dialogs.Find("[data-testid=plan-name]").GetAttribute("value"));
        var residential = dialogs.Find("[data-testid=level-Residential]");
        Assert.Equal("1500", residential.QuerySelector("[data-testid=deductible]")!.GetAttribute("value"));
        Assert.Equal("20", residential.QuerySelector("[data-testid=coinsurance]")!.GetAttribute("value"));
        Assert.Single(dialogs.FindAll("[data-testid=level-PartialHospitalization]"));
    }
}
