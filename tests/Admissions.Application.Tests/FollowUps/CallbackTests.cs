using Admissions.Application.FollowUps;
using Admissions.Domain.Common;
using Admissions.Domain.FollowUps;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Tests.FollowUps;

public class CallbackTests
{
    // TestHost.StartTime is Tue Mar 10 2026 14:00 UTC: 10:00 in New York (EDT since Mar 8), 09:00 in Texas (CDT).
    private static readonly DateOnly Today = new(2026, 3, 10);

    private static async Task<Guid> InquiryAsync(TestHost host, string? state = "TX") =>
        (await host.CreateInquiryAsync(TestForms.Valid(f => f.PatientState = state))).InquiryId!.Value;

    [Fact]
    public async Task The_callers_zone_comes_from_the_patients_state()
    {
        await using var host = await TestHost.StartAsync();
        var texas = await InquiryAsync(host, "TX");

        var defaults = await host.SendAsync(host.Coordinator, new GetCallbackDefaults(texas));

        Assert.Equal(new CallbackDefaults("TX", "America/Chicago", true), defaults);
        Assert.Equal("America/Phoenix", CallerTimeZones.ForState("az"));
        Assert.Null(CallerTimeZones.ForState(null));
    }

    [Fact]
    public void Every_state_the_intake_form_accepts_has_a_zone()
    {
        Assert.All(UsStates.Codes, code => Assert.Contains(CallerTimeZones.All, z => z.Id == CallerTimeZones.ForState(code)));
    }

    [Fact]
    public async Task Without_a_state_the_dialog_starts_from_the_facilitys_zone()
    {
        await using var host = await TestHost.StartAsync();
        var unknown = await InquiryAsync(host, null);

        var defaults = await host.SendAsync(host.Coordinator, new GetCallbackDefaults(unknown));

        Assert.False(defaults.ZoneFromState);
        Assert.Contains(CallerTimeZones.All, z => z.Id == defaults.SuggestedZoneId);
    }

    [Fact]
    public async Task A_callback_at_3_pm_the_callers_time_is_a_task_due_then_with_a_reminder_ten_minutes_before()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);

        var callback = await host.SendAsync(host.Coordinator,
            new ScheduleCallback(inquiryId, Today, new TimeOnly(15, 0), "America/Chicago", "Mother wants to be on the call"));

        var due = new DateTimeOffset(2026, 3, 10, 20, 0, 0, TimeSpan.Zero);
        Assert.Equal(due, callback.DueAt);
        Assert.Equal("Tue Mar 10, 3:00 PM Central (caller's time)", callback.Description);
        var task = await host.QueryAsync(db => db.FollowUpTasks.AsNoTracking().SingleAsync(t => t.Id == callback.TaskId));
        Assert.Equal((FollowUpKind.Callback, TaskPriority.High, host.Coordinator.Id), (task.Kind, task.Priority, task.AssigneeId));
        Assert.Equal("Call back at Tue Mar 10, 3:00 PM Central (caller's time)", task.Title);
        Assert.Equal("Mother wants to be on the call", task.Notes);
        var reminder = Assert.Single(host.Scheduler.CallbackReminders);
        Assert.Equal((callback.TaskId, due.AddMinutes(-10)), (reminder.InquiryId, reminder.RunAt));
        var timeline = await host.QueryAsync(db => db.InquiryActivities.Where(a => a.InquiryId == inquiryId).Select(a => a.Summary).ToListAsync());
        Assert.Contains("Callback promised for Tue Mar 10, 3:00 PM Central (caller's time)", timeline);
    }

    [Fact]
    public async Task A_callback_in_the_past_or_in_the_spring_forward_gap_is_refused()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);

        var past = await Assert.ThrowsAsync<DomainRuleException>(() => host.SendAsync(host.Coordinator,
            new ScheduleCallback(inquiryId, Today, new TimeOnly(8, 30), "America/Chicago")));
        var gap = await Assert.ThrowsAsync<DomainRuleException>(() => host.SendAsync(host.Coordinator,
            new ScheduleCallback(inquiryId, new DateOnly(2027, 3, 14), new TimeOnly(2, 30), "America/Chicago")));

        Assert.Equal("That time has already passed for the caller. Choose a later time.", past.Message);
        Assert.StartsWith("That time does not exist on the caller's clock", gap.Message, StringComparison.Ordinal);
        Assert.Empty(host.Scheduler.CallbackReminders);
    }

    [Fact]
    public async Task The_reminder_tells_the_owner_once()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);
        var callback = await host.SendAsync(host.Coordinator, new ScheduleCallback(inquiryId, Today, new TimeOnly(15, 0), "America/Chicago"));
        host.Clock.SetUtcNow(Assert.Single(host.Scheduler.CallbackReminders).RunAt);

        var first = await host.SendAsSystemAsync(new SendCallbackReminder(callback.TaskId));
        var again = await host.SendAsSystemAsync(new SendCallbackReminder(callback.TaskId));

        Assert.True(first.Sent);
        Assert.True(again.Sent);
        var notification = Assert.Single(await host.QueryAsync(db => db.Notifications.AsNoTracking().ToListAsync()));
        Assert.Equal((host.Coordinator.Id, "Callback in 10 min: INQ-2026-000001"), (notification.UserId, notification.Title));
        Assert.Equal($"/inquiries/{inquiryId}", notification.Link);
    }

    [Fact]
    public async Task A_snoozed_callback_gets_a_new_reminder_and_the_old_one_stays_quiet()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);
        var callback = await host.SendAsync(host.Coordinator, new ScheduleCallback(inquiryId, Today, new TimeOnly(15, 0), "America/Chicago"));
        var later = callback.DueAt.AddHours(2);

        await host.SendAsync(host.Coordinator, new SnoozeTask(callback.TaskId, later, "Caller asked for later"));
        host.Clock.SetUtcNow(host.Scheduler.CallbackReminders[0].RunAt);
        var old = await host.SendAsSystemAsync(new SendCallbackReminder(callback.TaskId));

        Assert.Equal(new CallbackReminderOutcome(false, "snoozed to a later time"), old);
        Assert.Equal(later.AddMinutes(-10), host.Scheduler.CallbackReminders[^1].RunAt);
        Assert.Empty(await host.QueryAsync(db => db.Notifications.ToListAsync()));
    }

    [Fact]
    public async Task A_completed_callback_sends_no_reminder()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);
        var callback = await host.SendAsync(host.Coordinator, new ScheduleCallback(inquiryId, Today, new TimeOnly(15, 0), "America/Chicago"));
        await host.SendAsync(host.Coordinator, new CompleteTask(callback.TaskId, "Caller called us first"));
        host.Clock.SetUtcNow(callback.DueAt.AddMinutes(-10));

        var outcome = await host.SendAsSystemAsync(new SendCallbackReminder(callback.TaskId));

        Assert.Equal(new CallbackReminderOutcome(false, "callback no longer open"), outcome);
    }
}
