using Admissions.Application.Inquiries;
using Admissions.Application.Placement;
using Admissions.Application.Tests.Insurance;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Insurance;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Tests.Placement;

public class AdmissionDayTests
{
    // The test clock starts 14:00 UTC on 10 March 2026, 7:00 AM in Los Angeles. Arrival: 11 March, 10:00 AM Pacific.
    private static readonly DateTimeOffset Arrival = new(2026, 3, 11, 17, 0, 0, TimeSpan.Zero);

    private static async Task<(Guid InquiryId, Campus Campus)> BookedAsync(TestHost host, bool consent = true, string payer = "Aetna")
    {
        var campus = await Campus.CreateAsync(host);
        var insured = await InsuranceSetup.InsuredAsync(host, payer, consent);
        await host.SendAsync(host.Coordinator, new AssignInquiry(insured.InquiryId, host.Coordinator.Id));
        await AdmissionTests.WalkToApprovedAsync(host, insured.InquiryId);
        await host.SendAsync(host.Coordinator, new ScheduleAdmission(insured.InquiryId, campus.ProgramId, campus.BedIds[0], Arrival));
        return (insured.InquiryId, campus);
    }

    private static Task<List<string>> RemindersAsync(TestHost host) =>
        host.QueryAsync(db => db.Notifications.Where(n => n.UserId == host.Coordinator.Id && n.Title.StartsWith("Admission")).OrderBy(n => n.CreatedAt).Select(n => n.Title).ToListAsync());

    [Fact]
    public async Task The_coordinator_is_reminded_the_day_before_and_the_morning_of_once_each()
    {
        await using var host = await TestHost.StartAsync();
        var (inquiryId, _) = await BookedAsync(host);
        var number = await host.QueryAsync(db => db.Inquiries.Where(i => i.Id == inquiryId).Select(i => i.Number).SingleAsync());

        // 7 AM the day before: too early for the eve reminder (9 AM).
        Assert.Equal(new AdmissionDayOutcome(0, 0), await host.SendAsSystemAsync(new RunAdmissionDayClock()));

        host.Clock.Advance(TimeSpan.FromHours(2));
        await host.SendAsSystemAsync(new RunAdmissionDayClock());
        await host.SendAsSystemAsync(new RunAdmissionDayClock());
        Assert.Equal([$"Admission tomorrow: {number}"], await RemindersAsync(host));

        host.Clock.Advance(TimeSpan.FromHours(22)); // 7 AM on the day
        await host.SendAsSystemAsync(new RunAdmissionDayClock());
        await host.SendAsSystemAsync(new RunAdmissionDayClock());
        Assert.Equal([$"Admission tomorrow: {number}", $"Admission today: {number}"], await RemindersAsync(host));
        // The bell reads the arrival on the facility's calendar: "tomorrow at …" the day before, "today at …" on the day.
        var bodies = await host.QueryAsync(db => db.Notifications.Where(n => n.UserId == host.Coordinator.Id && n.Title.StartsWith("Admission")).OrderBy(n => n.CreatedAt).Select(n => n.Body).ToListAsync());
        Assert.Collection(bodies,
            eve => Assert.Contains(" tomorrow at 10:00 AM.", eve, StringComparison.Ordinal),
            morning => Assert.Contains(" today at 10:00 AM.", morning, StringComparison.Ordinal));
        Assert.Empty(await host.QueryAsync(db => db.FollowUpTasks.Where(t => t.Kind == FollowUpKind.NoShow).ToListAsync()));
    }

    [Fact]
    public async Task No_check_in_by_the_end_of_the_admission_day_makes_one_no_show_task()
    {
        await using var host = await TestHost.StartAsync();
        var (inquiryId, _) = await BookedAsync(host);

        host.Clock.Advance(TimeSpan.FromHours(40) + TimeSpan.FromMinutes(59)); // 11:59 PM Pacific (PDT) on the admission day
        Assert.Equal(0, (await host.SendAsSystemAsync(new RunAdmissionDayClock())).MissedCheckIns);

        host.Clock.Advance(TimeSpan.FromMinutes(2));
        await host.SendAsSystemAsync(new RunAdmissionDayClock());
        await host.SendAsSystemAsync(new RunAdmissionDayClock());

        var task = Assert.Single(await host.QueryAsync(db => db.FollowUpTasks.Where(t => t.Kind == FollowUpKind.NoShow).ToListAsync()));
        Assert.Equal((inquiryId, host.Coordinator.Id, TaskPriority.High), (task.InquiryId, task.AssigneeId, task.Priority));
        Assert.StartsWith("No check-in for the admission on Mar 11, 10:00 AM", task.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admissions_in_the_next_48_hours_are_verified_again_once_a_night()
    {
        await using var host = await TestHost.StartAsync();
        var (inquiryId, _) = await BookedAsync(host);

        var first = await host.SendAsSystemAsync(new ReverifyUpcomingAdmissions());
        var again = await host.SendAsSystemAsync(new ReverifyUpcomingAdmissions());

        Assert.Equal(new ReverificationOutcome(1, 0), first);
        Assert.Equal(new ReverificationOutcome(0, 0), again);
        var check = Assert.Single(await host.QueryAsync(db => db.EligibilityChecks.AsNoTracking().Where(c => c.InquiryId == inquiryId).ToListAsync()));
        Assert.Equal(("system", Domain.Care.LevelOfCare.WithdrawalManagement), (check.RequestedById, Assert.Single(check.Levels)));
        Assert.Contains(host.Scheduler.EligibilityChecks, s => s.InquiryId == check.Id);
    }

    [Fact]
    public async Task Without_a_consent_the_coordinator_gets_a_task_saying_what_is_missing()
    {
        await using var host = await TestHost.StartAsync();
        var (inquiryId, _) = await BookedAsync(host, consent: false);

        Assert.Equal(new ReverificationOutcome(0, 1), await host.SendAsSystemAsync(new ReverifyUpcomingAdmissions()));
        await host.SendAsSystemAsync(new ReverifyUpcomingAdmissions());

        var task = Assert.Single(await host.QueryAsync(db => db.FollowUpTasks.Where(t => t.Kind == FollowUpKind.InsuranceCorrection).ToListAsync()));
        Assert.Equal((inquiryId, host.Coordinator.Id), (task.InquiryId, task.AssigneeId));
        Assert.Contains("Part 2 consent", task.Title, StringComparison.Ordinal);
        Assert.Empty(await host.QueryAsync(db => db.EligibilityChecks.Where(c => c.InquiryId == inquiryId).ToListAsync()));
    }
}
