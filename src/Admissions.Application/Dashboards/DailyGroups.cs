using Admissions.Application.Common;
using Admissions.Domain.Care;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Admissions.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Dashboards;

/// <summary>What the grouped dashboards need of one inquiry: its stage and flags, and its key in every dimension.</summary>
public sealed record InquiryKeys(
    DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, DateTimeOffset? FirstContactAt, InquiryStage Stage, NotAdmittedReason? Reason, bool PossibleDuplicate,
    InquirySource Source, Guid? ReferralOrganisationId, string? CoordinatorId, string? CoordinatorName, string? Payer, LevelOfCare? LevelOfCare,
    bool HasVob)
{
    public bool IsValid => CohortGroup.IsValidInquiry(PossibleDuplicate, Reason);

    public CohortInquiry Cohort => new(CreatedAt, FirstContactAt, Stage, Reason, PossibleDuplicate, HasVob);

    /// <summary>The key and label in a dimension, as the live breakdowns group them; empty for "none".</summary>
    public (string Key, string? Label) In(GroupDimension dimension) => dimension switch
    {
        GroupDimension.All => ("", null),
        GroupDimension.Source => (Source.ToString(), null),
        GroupDimension.Payer => (Payer ?? "", null),
        GroupDimension.ReferralOrganisation => (ReferralOrganisationId?.ToString() ?? "", null),
        GroupDimension.Coordinator => (CoordinatorId ?? "", CoordinatorName),
        GroupDimension.LevelOfCare => (LevelOfCare?.ToString() ?? "", null),
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
    };
}

/// <summary>A stored group added up over a run of days.</summary>
public sealed record StoredGroup(string Key, string? Label, InquiryStage Stage, NotAdmittedReason? Reason, bool PossibleDuplicate, bool Contacted, int Count)
{
    public string? KeyOrNull => Key.Length == 0 ? null : Key;

    public bool IsValid => CohortGroup.IsValidInquiry(PossibleDuplicate, Reason);

    public CohortGroup ToCohortGroup() => new(Stage, Reason, PossibleDuplicate, Contacted, Count);
}

/// <summary>Counts inquiries into day groups for every dimension, and each coordinator's minutes to contact, for the refresh job.</summary>
public sealed class GroupTally
{
    private readonly Dictionary<(DateOnly Day, GroupEvent Event, GroupDimension Dimension, string Key, InquiryStage Stage, NotAdmittedReason? Reason, bool Duplicate, bool Contacted), (string? Label, int Count)> _groups = [];
    private readonly Dictionary<(DateOnly Day, string Coordinator), Histogram> _minutes = [];

    public void Add(DateOnly day, GroupEvent groupEvent, InquiryKeys inquiry)
    {
        foreach (var dimension in Enum.GetValues<GroupDimension>())
        {
            // Closings are read as admissions in every dimension and as lost reasons overall; nothing else needs keeping.
            if (groupEvent == GroupEvent.Closed && inquiry.Stage != InquiryStage.Admitted && dimension != GroupDimension.All)
            {
                continue;
            }

            var (key, label) = inquiry.In(dimension);
            var group = (day, groupEvent, dimension, key, inquiry.Stage, inquiry.Reason, inquiry.PossibleDuplicate, inquiry.FirstContactAt is not null);
            var (_, count) = _groups.GetValueOrDefault(group);
            _groups[group] = (label, count + 1);
        }

        if (groupEvent == GroupEvent.Created && inquiry is { IsValid: true, CoordinatorId: { } coordinator, FirstContactAt: { } contact })
        {
            _minutes.GetOrAdd((day, coordinator)).Add(Durations.MinutesToContact(inquiry.CreatedAt, contact));
        }
    }

    public IEnumerable<DailyGroup> ToGroups(string timeZoneId, Guid facilityId) => _groups.Select(g => new DailyGroup
    {
        TimeZoneId = timeZoneId,
        FacilityId = facilityId,
        Day = g.Key.Day,
        Event = g.Key.Event,
        Dimension = g.Key.Dimension,
        Key = g.Key.Key,
        Label = g.Value.Label,
        Stage = g.Key.Stage,
        Reason = g.Key.Reason,
        PossibleDuplicate = g.Key.Duplicate,
        Contacted = g.Key.Contacted,
        Count = g.Value.Count,
    });

    public IEnumerable<DailyDuration> ToCoordinatorDurations(string timeZoneId, Guid facilityId) => _minutes.SelectMany(m => m.Value.Values.Select(v => new DailyDuration
    {
        TimeZoneId = timeZoneId,
        FacilityId = facilityId,
        Day = m.Key.Day,
        Measure = DurationMeasure.CoordinatorMinutesToContact,
        Key = m.Key.Coordinator,
        Value = v.Key,
        Count = (int)v.Value,
    }));
}

public static class DailyGroups
{
    /// <summary>
    /// The inquiries of one facility (or, null, all) created in [start, end), or closed in it, with their keys (and, for the
    /// created, whether they had a VOB).
    /// </summary>
    public static IAsyncEnumerable<InquiryKeys> InquiriesAsync(IAdmissionsDbContext db, DateTimeOffset start, DateTimeOffset end, Guid? facilityId, GroupEvent groupEvent)
    {
        var created = groupEvent == GroupEvent.Created;
        var inquiries = created
            ? DashboardQueries.CreatedBetween(db, start, end, facilityId)
            : DashboardQueries.OfFacility(db.Inquiries.AsNoTracking().Where(i => i.ClosedAt >= start && i.ClosedAt < end), facilityId);
        return inquiries
            .Select(i => new InquiryKeys(
                i.CreatedAt, i.ClosedAt, i.FirstContactAt, i.Stage, i.NotAdmittedReason, i.PossibleDuplicateOfId != null, i.Details.Source,
                i.ReferralOrganisationId, i.AssignedCoordinatorId, i.AssignedCoordinatorName,
                db.InsurancePolicies.Where(p => p.InquiryId == i.Id && p.Rank == PolicyRank.Primary && p.RemovedAt == null).Select(p => p.PayerName).FirstOrDefault(),
                db.LevelOfCareHistories.Where(h => h.InquiryId == i.Id).Select(h => h.AdmittingCareSetting).FirstOrDefault(),
                created && db.EligibilityChecks.Any(c => c.InquiryId == i.Id)))
            .AsAsyncEnumerable();
    }

    /// <summary>The stored groups of one event and dimension over the scope's days (or the days given), added up.</summary>
    public static async Task<List<StoredGroup>> ReadAsync(
        IAdmissionsDbContext db, DashboardScope scope, GroupEvent groupEvent, GroupDimension dimension, CancellationToken cancellationToken,
        DateOnly? from = null, DateOnly? to = null)
    {
        var (first, last) = (from ?? scope.From, to ?? scope.To);
        return await db.DailyGroups.AsNoTracking()
            .Where(g => g.TimeZoneId == scope.TimeZoneId && g.FacilityId == scope.StoredFacilityId && g.Event == groupEvent && g.Dimension == dimension && g.Day >= first && g.Day <= last)
            .GroupBy(g => new { g.Key, g.Stage, g.Reason, g.PossibleDuplicate, g.Contacted })
            .Select(g => new StoredGroup(g.Key.Key, g.Max(x => x.Label), g.Key.Stage, g.Key.Reason, g.Key.PossibleDuplicate, g.Key.Contacted, g.Sum(x => x.Count)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Each coordinator's stored minutes to contact over the scope's days.</summary>
    public static async Task<Dictionary<string, Histogram>> CoordinatorMinutesAsync(IAdmissionsDbContext db, DashboardScope scope, string? only, CancellationToken cancellationToken)
    {
        var rows = await db.DailyDurations.AsNoTracking()
            .Where(d => d.TimeZoneId == scope.TimeZoneId && d.FacilityId == scope.StoredFacilityId && d.Measure == DurationMeasure.CoordinatorMinutesToContact && d.Day >= scope.From && d.Day <= scope.To
                && (only == null || d.Key == only))
            .GroupBy(d => new { d.Key, d.Value })
            .Select(g => new { g.Key.Key, g.Key.Value, Count = g.Sum(d => (long)d.Count) })
            .ToListAsync(cancellationToken);
        var histograms = new Dictionary<string, Histogram>();
        foreach (var row in rows)
        {
            histograms.GetOrAdd(row.Key).Add(row.Value, row.Count);
        }

        return histograms;
    }
}
