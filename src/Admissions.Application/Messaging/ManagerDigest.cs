using System.Globalization;
using Admissions.Application.Common;
using Admissions.Application.Dashboards;
using Admissions.Domain.Common;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Messaging;
using Admissions.Domain.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Admissions.Application.Messaging;

/// <summary>Yesterday's figures and what needs attention now.</summary>
public sealed record DigestCounts(DateOnly Day, int Inquiries, int Admits, DepartmentAttention Attention);

public sealed record DigestResult(DigestCounts Counts, int Queued);

/// <summary>
/// Emails every admissions manager yesterday's figures (facility time: new inquiries, admissions) and what needs attention
/// now, as their home page shows it (<see cref="DepartmentAttention"/>), with a link to each list. Counts and staff names
/// only, no patient; one email per manager per day.
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
            await DepartmentAttention.CountAsync(db, days, cancellationToken));

        var values = Values(counts, settings.AppUrl);

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

    /// <summary>The digest's placeholders: the counts, and a link into the app at <paramref name="appUrl"/> for each item.</summary>
    public static Dictionary<string, string> Values(DigestCounts counts, string appUrl)
    {
        var app = appUrl.TrimEnd('/');
        var attention = counts.Attention;
        return new Dictionary<string, string>
        {
            ["Date"] = counts.Day.ToString("dddd, MMM d, yyyy", CultureInfo.GetCultureInfo("en-US")),
            ["Inquiries"] = Count(counts.Inquiries),
            ["Admits"] = Count(counts.Admits),
            ["SafetyAlerts"] = Count(attention.OpenSafetyAlerts),
            ["ApprovalVobs"] = Count(attention.VerificationsAwaitingApproval),
            ["ExpectedToday"] = Count(attention.AdmissionsExpectedToday),
            ["ReviewsDue"] = Count(attention.ReviewsDue),
            ["OverdueTasks"] = Count(attention.OverdueTaskCount),
            ["OverdueByPerson"] = attention.OverdueTasks.Count == 0 ? "  none"
                : string.Join("\n", attention.OverdueTasks.Select(o => $"  {o.AssigneeName ?? "Team queue"}: {Count(o.Count)}")),
            ["AppUrl"] = app,
            ["HomeLink"] = $"{app}{AttentionLinks.Home}",
            ["SafetyLink"] = $"{app}{AttentionLinks.SafetyAlerts}",
            ["ApprovalLink"] = $"{app}{AttentionLinks.VerificationsAwaitingApproval}",
            ["ExpectedLink"] = $"{app}{AttentionLinks.AdmissionsExpected}",
            ["ReviewsLink"] = $"{app}{AttentionLinks.ReviewsDue}",
            ["TasksLink"] = $"{app}{AttentionLinks.OverdueTasks}",
        };
    }

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);
}
