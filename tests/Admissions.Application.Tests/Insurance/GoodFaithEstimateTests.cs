using Admissions.Application.Insurance;
using Admissions.Application.Placement;
using Admissions.Application.Tests.Placement;
using Admissions.Domain.Care;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Insurance;
using Microsoft.EntityFrameworkCore;
using static Admissions.Application.Tests.Insurance.InsuranceSetup;

namespace Admissions.Application.Tests.Insurance;

public class GoodFaithEstimateTests
{
    /// <summary>Tuesday 10 March 2026 + 14 days: 10 business days ahead, so the estimate is due Friday 13 March.</summary>
    private static readonly DateTimeOffset TwoWeeksOut = TestHost.StartTime.AddDays(14);

    private static async Task<(Guid InquiryId, Campus Campus)> ScheduledSelfPayAsync(TestHost host, bool insured = false)
    {
        var campus = await Campus.CreateAsync(host);
        var inquiryId = insured
            ? (await InsuredAsync(host)).InquiryId
            : (await host.CreateInquiryAsync(TestForms.Valid(f => f.PatientFirstName = "Jo"), allowDuplicates: true)).InquiryId!.Value;
        await AdmissionTests.WalkToApprovedAsync(host, inquiryId);
        await host.SendAsync(host.Coordinator, new ScheduleAdmission(inquiryId, campus.ProgramId, campus.BedIds[0], TwoWeeksOut, LevelOverrideReason: "Test"));
        return (inquiryId, campus);
    }

    [Fact]
    public async Task Scheduling_an_uninsured_patient_leaves_a_task_due_by_the_deadline()
    {
        await using var host = await TestHost.StartAsync();

        var (inquiryId, _) = await ScheduledSelfPayAsync(host);

        var task = Assert.Single(await TasksAsync(host), t => t.UniqueKey == GoodFaithEstimateDue.TaskKey(inquiryId));
        Assert.StartsWith("Give INQ-2026-000001 a Good Faith Estimate by Fri Mar 13", task.Title, StringComparison.Ordinal);
        Assert.Equal((FollowUpState.Open, TaskPriority.High), (task.State, task.Priority));
    }

    [Fact]
    public async Task An_insured_patient_gets_no_estimate_task()
    {
        await using var host = await TestHost.StartAsync();

        await ScheduledSelfPayAsync(host, insured: true);

        Assert.DoesNotContain(await TasksAsync(host), t => t.UniqueKey?.StartsWith("gfe:", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task The_estimate_is_built_from_the_programs_rate_and_length_given_and_kept_and_the_task_closes()
    {
        await using var host = await TestHost.StartAsync();
        var (inquiryId, _) = await ScheduledSelfPayAsync(host);

        var id = await host.SendAsync(host.Coordinator, new PrepareGoodFaithEstimate(inquiryId, [], "f10.20"));
        var estimate = await host.SendAsync(host.Coordinator, new GetGoodFaithEstimate(id));

        // Medical Detox: 7 days at 1,200 less the 20% self-pay discount = 960 a day: 6,720.
        var item = Assert.Single(estimate.Items);
        Assert.Equal((LevelOfCare.WithdrawalManagement, 7, 960m, 6_720m), (item.Level, item.Units, item.UnitPrice, item.Total));
        Assert.Equal("Rev 1002 / HCPCS H0011", item.ServiceCode);
        Assert.Equal((6_720m, "F10.20", "Riverbend", "1234567893"), (estimate.Total, estimate.DiagnosisCodes, estimate.ProviderName, estimate.ProviderNpi));
        Assert.Equal((new DateOnly(2026, 3, 24), new DateOnly(2026, 3, 13)), (estimate.ServiceDay!.Value, estimate.DueOn!.Value));
        Assert.StartsWith("Detox (withdrawal management) at Medical Detox, scheduled March 24, 2026", estimate.PrimaryService, StringComparison.Ordinal);

        await host.SendAsync(host.Coordinator, new GiveGoodFaithEstimate(id, "Printed and handed over"));

        var overview = await host.SendAsync(host.Coordinator, new GetInsurance(inquiryId));
        var kept = Assert.Single(overview.GoodFaithEstimates);
        Assert.Equal(("Printed and handed over", host.Coordinator.Name), (kept.GivenHow, kept.GivenByName));
        Assert.Equal(FollowUpState.Done, Assert.Single(await TasksAsync(host), t => t.UniqueKey == GoodFaithEstimateDue.TaskKey(inquiryId)).State);
        Assert.Single(await host.QueryAsync(db => db.AuditEntries.Where(e => e.EntityType == nameof(GoodFaithEstimate) && e.Action == Domain.Auditing.AuditAction.View).ToListAsync()));
    }

    [Fact]
    public async Task Without_a_scheduled_admission_the_coordinator_chooses_the_levels()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = (await host.CreateInquiryAsync(TestForms.Valid(), allowDuplicates: true)).InquiryId!.Value;

        var none = await Assert.ThrowsAsync<Domain.Common.DomainRuleException>(() => host.SendAsync(host.Coordinator, new PrepareGoodFaithEstimate(inquiryId, [])));
        var id = await host.SendAsync(host.Coordinator, new PrepareGoodFaithEstimate(inquiryId, [LevelOfCare.Residential, LevelOfCare.WithdrawalManagement]));

        Assert.StartsWith("Choose the levels", none.Message, StringComparison.Ordinal);
        var estimate = await host.SendAsync(host.Coordinator, new GetGoodFaithEstimate(id));
        // Configured rates (no program at these levels): detox 7 x 960 = 6,720; residential 30 x 680 = 20,400.
        Assert.Equal([6_720m, 20_400m], estimate.Items.Select(i => i.Total));
        Assert.Equal("Detox (withdrawal management), then Residential", estimate.PrimaryService);
        // Asked for without scheduling: due 3 business days after the request (Tuesday 10 March: Friday 13 March).
        Assert.Equal(new DateOnly(2026, 3, 13), estimate.DueOn);
    }
}
