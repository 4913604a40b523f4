using System.Linq.Expressions;
using Admissions.Domain.Common;

namespace Admissions.Domain.Insurance;

/// <summary>The concurrent-review cycle of a certified stay: reviews sent, extensions granted, days used and left, reviews due.</summary>
public sealed partial class PriorAuthorization
{
    /// <summary>A concurrent review sent to the payer (clinical update asking for more days), kept in the history.</summary>
    public void RecordConcurrentReview(int? daysRequested, string? payerReference, Actor by, DateTimeOffset at)
    {
        EnsureCertified("reviewed");
        if (daysRequested is < 1 or > 365)
        {
            throw new DomainRuleException("Days requested must be between 1 and 365.");
        }

        Reviews.Add(new AuthorizationReview(AuthorizationReviewKind.ConcurrentReview, Status, daysRequested, null, ApprovedTo, NextReviewOn,
            Clean(payerReference), null, by.Name, at));
    }

    /// <summary>The payer extended a certified stay after a concurrent review: more days, a later last covered day, a new review.</summary>
    public void Extend(int days, DateOnly? nextReviewOn, string? payerReference, Actor by, DateTimeOffset at)
    {
        EnsureCertified("extended");
        if (days is < 1 or > 365)
        {
            throw new DomainRuleException("Days extended must be between 1 and 365.");
        }

        var from = ApprovedFrom!.Value;
        var last = ApprovedTo!.Value.AddDays(days);
        var review = nextReviewOn ?? DefaultNextReview(from, last);
        EnsureInsideCoverage(review, from, last);
        ApprovedDays = last.DayNumber - from.DayNumber + 1;
        ApprovedTo = last;
        NextReviewOn = review;
        Reviews.Add(new AuthorizationReview(AuthorizationReviewKind.Extension, Status, days, days, last, review, Clean(payerReference), null, by.Name, at));
    }

    /// <summary>Days used and left on the facility's <paramref name="today"/>; null until days are approved.</summary>
    public CoverageDays? CoverageOn(DateOnly today) => Coverage(AdmissionDate, ApprovedTo, today);

    public static CoverageDays? Coverage(DateOnly admission, DateOnly? lastCoveredDay, DateOnly today)
    {
        if (lastCoveredDay is not { } last)
        {
            return null;
        }

        var used = Math.Clamp(today.DayNumber - admission.DayNumber + 1, 0, Math.Max(0, last.DayNumber - admission.DayNumber + 1));
        var left = Math.Max(0, last.DayNumber - Math.Max(today.DayNumber, admission.DayNumber - 1));
        return new CoverageDays(used, left);
    }

    /// <summary>A certified stay's concurrent review is due when it falls today, tomorrow or the day after: the calls UR plans now.</summary>
    public const int ReviewDueWithinDays = 2;

    public static bool IsReviewDue(AuthorizationStatus status, DateOnly? nextReviewOn, DateOnly today) =>
        IsCertification(status) && nextReviewOn <= today.AddDays(ReviewDueWithinDays);

    /// <summary><see cref="IsReviewDue"/> for a database query.</summary>
    public static Expression<Func<PriorAuthorization, bool>> ReviewDue(DateOnly today)
    {
        var through = today.AddDays(ReviewDueWithinDays);
        return a => (a.Status == AuthorizationStatus.Certified || a.Status == AuthorizationStatus.Partial) && a.NextReviewOn != null && a.NextReviewOn <= through;
    }

    /// <summary>Concurrent review is due the day before the last certified day (the first day of a one-day stay).</summary>
    private static DateOnly DefaultNextReview(DateOnly from, DateOnly to) => to > from ? to.AddDays(-1) : from;

    private static void EnsureInsideCoverage(DateOnly review, DateOnly from, DateOnly to)
    {
        if (review < from || review > to)
        {
            throw new DomainRuleException($"The next review must fall inside the covered period, {Day(from)} to {Day(to)}.");
        }
    }

    private void EnsureCertified(string what)
    {
        if (!IsCertification(Status) || ApprovedFrom is null || ApprovedTo is null)
        {
            throw new DomainRuleException($"Only a certified stay can be {what}; this authorization is {Describe(Status).ToLowerInvariant()}.");
        }
    }
}
