using System.Diagnostics.CodeAnalysis;
using Admissions.Application.Placement;
using Admissions.Domain.Care;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Placement;
using Admissions.Domain.Security;
using Admissions.Web.Components.Pages.Inquiries.Admission;
using Admissions.Web.Tests.Support;
using Bunit;
using Moq;

namespace Admissions.Web.Tests.Components;

[SuppressMessage("Design", "CA1001", Justification = "Disposed in IAsyncLifetime.DisposeAsync: xunit 2 does not call IAsyncDisposable.")]
public sealed class AdmissionPanelTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly PageTestContext _page = new();
    private readonly Guid _inquiryId = Guid.NewGuid();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _page.DisposeAsync();

    private static ProgramPlacement Program(string name, LevelOfCare level, params FitFinding[] findings) =>
        new(Guid.NewGuid(), name, "Riverbend", "America/Los_Angeles", level, Population.Adults, 850m, LevelsOfCare.IsInpatient(level), findings,
            LevelsOfCare.IsInpatient(level) ? [new FreeBed(Guid.NewGuid(), "C-2", "Cedar Hall", false)] : []);

    private AdmissionPlanning Planning(InquiryStage stage, bool safety, params ProgramPlacement[] programs) =>
        new(_inquiryId, "INQ-2026-000042", stage, safety, "ASAM 3.5 · Residential", LevelOfCare.Residential, null, [], programs, null);

    private void Returns(AdmissionPlanning planning) =>
        _page.Sender.Setup(s => s.Send(It.Is<GetAdmissionPlanning>(q => q.InquiryId == _inquiryId), It.IsAny<CancellationToken>())).ReturnsAsync(planning);

    [Fact]
    public void An_open_safety_alert_hides_the_booking_form_and_says_why()
    {
        _page.SignInAs(Roles.AdmissionsCoordinator);
        Returns(Planning(InquiryStage.Approved, safety: true, Program("Adult Residential", LevelOfCare.Residential)));

        var cut = _page.RenderPage<AdmissionPanel>(p => p.Add(x => x.InquiryId, _inquiryId));

        Assert.Contains("A safety alert is open", cut.WaitForElement("[data-testid=schedule-blocked]", Timeout).TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=schedule-form]"));
    }

    [Fact]
    public void The_fitting_program_is_chosen_with_its_checks_and_a_mismatch_asks_for_a_reason()
    {
        _page.SignInAs(Roles.AdmissionsCoordinator);
        var residential = Program("Adult Residential", LevelOfCare.Residential,
            new FitFinding(FitCheck.LevelOfCare, FitSeverity.Ok, "Matches the decided level of care (ASAM 3.5, Residential)."),
            new FitFinding(FitCheck.Payer, FitSeverity.Warning, "Out of network with Cigna for Residential."));
        var php = Program("PHP", LevelOfCare.PartialHospitalization,
            new FitFinding(FitCheck.LevelOfCare, FitSeverity.NeedsOverride, "The decided level of care is Residential (ASAM 3.5); this program is PHP."));
        Returns(Planning(InquiryStage.Approved, safety: false, php, residential));

        var cut = _page.RenderPage<AdmissionPanel>(p => p.Add(x => x.InquiryId, _inquiryId));

        cut.WaitForElement("[data-testid=schedule-form]", Timeout);
        Assert.Contains("Matches the decided level of care", cut.Find("[data-testid=fit-levelofcare]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Warning", cut.Find("[data-testid=fit-payer]").GetAttribute("data-severity"));
        Assert.Empty(cut.FindAll("[data-testid=override-reason]"));
        Assert.Contains("ASAM 3.5", cut.Find("[data-testid=decided-level]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Utilization_review_reads_the_booking_without_actions()
    {
        _page.SignInAs(Roles.UtilizationReview);
        var current = new AdmissionView(Guid.NewGuid(), AdmissionState.Scheduled, "Adult Residential", LevelOfCare.Residential, "C-2",
            _page.Clock.GetUtcNow().AddDays(1), "America/Los_Angeles", "Mother", null, null, "Casey Nguyen", _page.Clock.GetUtcNow(), null, null, null, null, Guid.NewGuid(), null);
        Returns(Planning(InquiryStage.AdmissionScheduled, safety: false) with { Current = current });

        var cut = _page.RenderPage<AdmissionPanel>(p => p.Add(x => x.InquiryId, _inquiryId));

        Assert.Contains("C-2", cut.WaitForElement("[data-testid=current-admission]", Timeout).TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=check-in]"));
        Assert.Empty(cut.FindAll("[data-testid=reschedule]"));
        Assert.Empty(cut.FindAll("[data-testid=refer-out]"));
    }
}
