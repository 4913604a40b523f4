using Admissions.Application.Care;
using Admissions.Application.Common;
using Admissions.Application.Dashboards;
using Admissions.Application.FollowUps;
using Admissions.Application.Placement;
using Admissions.Application.Screening;
using Admissions.Domain.Care;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Screening;

namespace Admissions.Application.Tests.Dashboards;

/// <summary>The manager's "needs attention" items: the same counts on the home page and in the digest, each a link.</summary>
public class DepartmentAttentionTests
{
    [Fact]
    public async Task A_manager_sees_the_open_safety_alert_the_admission_expected_today_and_overdue_tasks_by_person()
    {
        await using var host = await TestHost.StartAsync();
        var campus = await Placement.Campus.CreateAsync(host);
        var arriving = (await host.CreateInquiryAsync(TestForms.Person(1, "Alex", "Lopez"))).InquiryId!.Value;
        await Placement.AdmissionTests.WalkToApprovedAsync(host, arriving);
        await host.SendAsync(host.Clinician, new DecideLevelOfCare(arriving, new ClinicalPictureForm(), new DimensionRatingsForm(1, 1, 1, 1, 1, 1),
            AsamEdition.Third, "3.7-WM", "Daily drinking"));
        await host.SendAsync(host.Coordinator, new ScheduleAdmission(arriving, campus.ProgramId, campus.BedIds[0], host.Clock.GetUtcNow().AddHours(3)));
        var atRisk = (await host.CreateInquiryAsync(TestForms.Person(2, "Sam", "Rivera"))).InquiryId!.Value;
        await host.SendAsync(host.Coordinator, new SaveScreening(atRisk, null, InstrumentCode.Phq9, new Dictionary<string, int> { ["q9"] = 1 }, false));
        await host.SendAsync(host.Coordinator, new CreateTask(arriving, "Send the packing list", host.Clock.GetUtcNow().AddMinutes(30), host.Coordinator.Id));
        await host.SendAsync(host.Coordinator, new CreateTask(arriving, "Confirm the ride", host.Clock.GetUtcNow().AddMinutes(30), null));
        host.Clock.Advance(TimeSpan.FromHours(1));

        var attention = await host.SendAsync(host.Manager, new GetDepartmentAttention());

        Assert.Equal((1, 1, 0, 0), (attention.OpenSafetyAlerts, attention.AdmissionsExpectedToday, attention.ReviewsDue, attention.VerificationsAwaitingApproval));
        Assert.Contains(new OverdueTasksOf(host.Coordinator.Name, 1), attention.OverdueTasks);
        Assert.Contains(attention.OverdueTasks, o => o.AssigneeName is null && o.Count >= 1);
        Assert.Equal(attention.OverdueTasks.Sum(o => o.Count), attention.OverdueTaskCount);
    }

    [Fact]
    public async Task Everyones_overdue_list_holds_other_peoples_overdue_tasks_and_every_open_safety_call_first()
    {
        await using var host = await TestHost.StartAsync();
        var id = (await host.CreateInquiryAsync(TestForms.Person(1, "Alex", "Lopez"))).InquiryId!.Value;
        await host.SendAsync(host.Coordinator, new CreateTask(id, "Call the mother back", host.Clock.GetUtcNow().AddMinutes(10), host.Coordinator2.Id));
        await host.SendAsync(host.Coordinator, new CreateTask(id, "Next week's check-in", host.Clock.GetUtcNow().AddDays(7), host.Coordinator2.Id));
        host.Clock.Advance(TimeSpan.FromMinutes(20));
        await host.SendAsync(host.Coordinator, new SaveScreening(id, null, InstrumentCode.Phq9, new Dictionary<string, int> { ["q9"] = 1 }, false));

        var overdue = await host.SendAsync(host.Manager, new GetOverdueTasks());

        Assert.Equal(FollowUpKind.SafetyCall, overdue.Items[0].Kind);
        Assert.False(overdue.Items[0].IsOverdue);
        Assert.Contains(overdue.Items, t => t.Title == "Call the mother back" && t.AssigneeName == host.Coordinator2.Name);
        Assert.DoesNotContain(overdue.Items, t => t.Title == "Next week's check-in");
    }

    [Fact]
    public async Task A_coordinator_sees_neither_the_departments_attention_items_nor_everyones_overdue_tasks()
    {
        await using var host = await TestHost.StartAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.Coordinator, new GetDepartmentAttention()));
        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.Coordinator, new GetOverdueTasks()));
    }
}
