using Admissions.Application.FollowUps;
using Admissions.Application.Inquiries;
using Admissions.Application.Placement;
using Admissions.Application.Screening;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Screening;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Tests.Inquiries;

/// <summary>An inquiry closed without an admission leaves no work behind in anyone's queue, except a safety call.</summary>
public class ClosingInquiryTests
{
    private static async Task<(TestHost Host, Guid Id)> StartWithOverdueTasksAsync()
    {
        var host = await TestHost.StartAsync();
        var id = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;
        await host.SendAsync(host.Coordinator, new CreateTask(id, "Call back about the detox bed", TestHost.StartTime.AddMinutes(30), host.Coordinator.Id));
        await host.SendAsync(host.Coordinator, new CreateTask(id, "Ask for the insurance card photo", TestHost.StartTime.AddHours(1), null));
        host.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(new TaskCounts(1, 1, 1), (await host.SendAsync(host.Coordinator, new GetMyWork())).Counts);
        return (host, id);
    }

    private static Task<List<FollowUpTask>> TasksAsync(TestHost host, Guid id) =>
        host.QueryAsync(db => db.FollowUpTasks.AsNoTracking().Where(t => t.InquiryId == id && t.Kind == FollowUpKind.General).ToListAsync());

    [Fact]
    public async Task Closing_as_not_admitted_cancels_the_open_tasks_with_the_reason_and_they_leave_the_overdue_counts()
    {
        var (host, id) = await StartWithOverdueTasksAsync();
        await using var _ = host;

        await host.SendAsync(host.Coordinator, new MoveInquiryStage(id, InquiryStage.NotAdmitted, NotAdmittedReason.Unreachable));

        Assert.All(await TasksAsync(host, id), t =>
        {
            Assert.Equal(FollowUpState.Cancelled, t.State);
            Assert.Equal("Inquiry closed: not admitted: unreachable", t.Outcome);
        });
        Assert.Equal(new TaskCounts(0, 0, 0), (await host.SendAsync(host.Coordinator, new GetMyWork())).Counts);
        var timeline = await host.QueryAsync(db => db.Inquiries.Include(i => i.Activities).SingleAsync(i => i.Id == id));
        Assert.Contains(timeline.Activities, a => a.Kind == ActivityKind.Task
            && a.Summary == "2 open tasks closed (not admitted: unreachable): Call back about the detox bed; Ask for the insurance card photo");
    }

    [Fact]
    public async Task Referring_out_cancels_the_open_tasks_too()
    {
        var (host, id) = await StartWithOverdueTasksAsync();
        await using var _ = host;
        var partner = await host.SendAsync(host.Manager, new SavePartnerFacility(null, new PartnerForm { Name = "Harborview", Levels = [Domain.Care.LevelOfCare.Residential] }));

        await host.SendAsync(host.Coordinator, new ReferOut(id, partner, "Adolescent program needed", ShareRecords: false));

        Assert.All(await TasksAsync(host, id), t => Assert.Equal("Inquiry closed: referred out to Harborview", t.Outcome));
        Assert.Equal(new TaskCounts(0, 0, 0), (await host.SendAsync(host.Coordinator, new GetMyWork())).Counts);
    }

    [Fact]
    public async Task A_safety_call_stays_open_when_the_inquiry_closes()
    {
        await using var host = await TestHost.StartAsync();
        var id = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;
        await host.SendAsync(host.Coordinator, new SaveScreening(id, null, InstrumentCode.Phq9, new Dictionary<string, int> { ["q9"] = 1 }, false));

        await host.SendAsync(host.Coordinator, new MoveInquiryStage(id, InquiryStage.NotAdmitted, NotAdmittedReason.Unreachable));

        var safetyCall = await host.QueryAsync(db => db.FollowUpTasks.AsNoTracking().SingleAsync(t => t.InquiryId == id && t.Kind == FollowUpKind.SafetyCall));
        Assert.Equal(FollowUpState.Open, safetyCall.State);
    }
}
