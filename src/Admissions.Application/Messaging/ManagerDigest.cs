using System.Globalization;
using Admissions.Application.Common;
using Admissions.Domain.Common;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Messaging;
using Admissions.Domain.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Admissions.Application.Messaging;

public sealed record DigestCounts(DateOnly Day, int Inquiries, int Admits, int OverdueTasks, int OpenSafetyAlerts);

public sealed record DigestResult(DigestCounts Counts, int Queued);

/// <summary>
/// Emails every admissions manager yesterday's figures (facility time): new inquiries, admissions,
/// overdue tasks and open safety alerts. Counts only, no names; one email per manager per day.
/// </summary>
[RequiresRole(Roles.System)]
public sealed record SendManagerDigest : ICommand<DigestResult>;

public sealed class SendManagerDigestHandler(
    IAdmissionsDbContextFactory dbFactory, IStaffDirectory staff, IOutboxDispatchSignal dispatch, IOptions<MessagingOptions> options, IFacilityCalendar calendar)
    : ICommandHandler<SendManagerDigest, DigestResult>
{
    public static string Key(DateOnly day, string userId) => $"digest:{day:yyyy-MM-dd}:{userId}";

    public ValueTask<DigestResult> Handle(SendManagerDigest command, CancellationToken cancellationToken) =>
        SaveConflicts.RetryAsync(() => QueueAsync(cancellationToken));

    private async ValueTask<DigestResult> QueueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var days = calendar.Organisation;
        var now = days.Now;
        var today = days.Today;
        var day = today.AddDays(-1);
        var (from, to) = (days.StartOf(day), days.StartOf(today));

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var counts = new DigestCounts(
            day,
            await db.Inquiries.CountAsync(i => i.CreatedAt >= from && i.CreatedAt < to, cancellationToken),
            await db.InquiryActivities.CountAsync(
                a => a.Kind == ActivityKind.StageChange && a.ToStage == InquiryStage.Admitted && a.OccurredAt >= from && a.OccurredAt < to, cancellationToken),
            await db.FollowUpTasks.CountAsync(t => t.State == FollowUpState.Open && t.DueAt <= now, cancellationToken),
            await db.SafetyAlerts.CountAsync(a => a.ResolvedAt == null, cancellationToken));

        var values = new Dictionary<string, string>
        {
            ["Date"] = day.ToString("dddd, MMM d, yyyy", CultureInfo.GetCultureInfo("en-US")),
            ["Inquiries"] = counts.Inquiries.ToString(CultureInfo.InvariantCulture),
            ["Admits"] = counts.Admits.ToString(CultureInfo.InvariantCulture),
            ["OverdueTasks"] = counts.OverdueTasks.ToString(CultureInfo.InvariantCulture),
            ["SafetyAlerts"] = counts.OpenSafetyAlerts.ToString(CultureInfo.InvariantCulture),
            ["AppUrl"] = settings.AppUrl,
        };

        var queued = 0;
        var managers = (await staff.ListAsync(cancellationToken)).Where(s => s.Roles.Contains(Roles.AdmissionsManager) && !string.IsNullOrWhiteSpace(s.Email));
        foreach (var manager in managers)
        {
            var message = await Outbox.QueueOnceAsync(db, new MessageDraft(MessageChannel.Email, MessageAudience.Staff, manager.Email, manager.Name,
                MessageTemplates.ManagerDigest, values, null, days.Zone.Id, Key(day, manager.Id), now), now, cancellationToken);
            queued += message is null ? 0 : 1;
        }

        // Two runs at once: the unique key rejects the second save, and the retry finds the first's emails.
        await db.SaveChangesAsync(cancellationToken);
        if (queued > 0)
        {
            dispatch.DispatchSoon();
        }

        return new DigestResult(counts, queued);
    }
}
