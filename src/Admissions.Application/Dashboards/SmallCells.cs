using Admissions.Application.Common;

namespace Admissions.Application.Dashboards;

/// <summary>
/// Business development sees aggregates only, but a group of a few people can still point at one of them ("the one
/// person St. Mary's referred last month"). For business development, a count from 1 to 10 in a group is not shown
/// (null, written "&lt;11"), nor are the shares and rates it would give away. When only one count of a column is hidden,
/// the column's total (shown elsewhere) would give it back, so the next smallest is hidden with it.
/// </summary>
public static class SmallCells
{
    public const int Threshold = 11;

    public static bool AppliesTo(ICurrentUser user) => !DashboardAccess.SeesNames(user);

    public static int?[] Column(IEnumerable<int?> counts)
    {
        var values = counts.Select(c => c ?? 0).ToArray();
        var shown = values.Select(v => v is > 0 and < Threshold ? (int?)null : v).ToArray();
        if (shown.Count(v => v is null) == 1)
        {
            var next = Enumerable.Range(0, values.Length).Where(i => shown[i] > 0).OrderBy(i => values[i]).DefaultIfEmpty(-1).First();
            if (next >= 0)
            {
                shown[next] = null;
            }
        }

        return shown;
    }

    public static IReadOnlyList<BreakdownRow> Suppress(IReadOnlyList<BreakdownRow> rows)
    {
        var inquiries = Column(rows.Select(r => r.Inquiries));
        var admitted = Column(rows.Select(r => r.Admitted));
        var admits = Column(rows.Select(r => r.Admits));
        return [.. rows.Select((r, i) => r with
        {
            Inquiries = inquiries[i],
            Admitted = admitted[i],
            Conversion = inquiries[i] is null || admitted[i] is null ? null : r.Conversion,
            Admits = admits[i],
        })];
    }

    public static IReadOnlyList<ReferralSourceRow> Suppress(IReadOnlyList<ReferralSourceRow> rows)
    {
        var inquiries = Column(rows.Select(r => r.Inquiries));
        var previous = Column(rows.Select(r => r.PreviousInquiries));
        var admitted = Column(rows.Select(r => r.Admitted));
        var admits = Column(rows.Select(r => r.Admits));
        return [.. rows.Select((r, i) => r with
        {
            Inquiries = inquiries[i],
            PreviousInquiries = previous[i],
            Admitted = admitted[i],
            Conversion = inquiries[i] is null || admitted[i] is null ? null : r.Conversion,
            Admits = admits[i],
        })];
    }

    /// <summary>Rows come most frequent first, so hidden counts are the last rows: their shares and running shares are hidden too.</summary>
    public static IReadOnlyList<LostReasonRow> Suppress(IReadOnlyList<LostReasonRow> rows)
    {
        var counts = Column(rows.Select(r => r.Count));
        return [.. rows.Select((r, i) => counts[i] is null ? r with { Count = null, Share = null, CumulativeShare = null } : r)];
    }
}
