using Admissions.Application.Common;
using Admissions.Domain.Care;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Admissions.Domain.Reporting;
using Admissions.Domain.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Dashboards;

public enum BreakdownDimension
{
    Source,
    Payer,
    ReferralOrganisation,
    Coordinator,
    LevelOfCare,
}

/// <summary>
/// One value of a dimension. Inquiries: valid inquiries created in the period; Admitted: how many of those are
/// admitted now (Conversion = Admitted / Inquiries); Admits: admissions recorded in the period. Key is what the
/// inquiry list filters by (null for "none"). Counts are null where they are too small to show to the person asking (<see cref="SmallCells"/>).
/// </summary>
public sealed record BreakdownRow(string? Key, string Label, int? Inquiries, int? Admitted, double? Conversion, int? Admits);

public sealed record Breakdown(DashboardScope Scope, BreakdownDimension Dimension, IReadOnlyList<BreakdownRow> Rows);

/// <summary>Admits and conversion by payer (primary policy), source, referral organisation, coordinator or level of care.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.BusinessDevelopment)]
public sealed record GetBreakdown(DashboardFilter Filter, BreakdownDimension Dimension) : IQuery<Breakdown>;

public sealed class GetBreakdownHandler(IAdmissionsDbContextFactory dbFactory, IFacilityCalendar calendar, ICurrentUser user) : IQueryHandler<GetBreakdown, Breakdown>
{
    private sealed record KeyedGroup(string? Key, string? Label, InquiryStage Stage, NotAdmittedReason? Reason, bool PossibleDuplicate, int Count)
    {
        public bool IsValid => CohortGroup.IsValidInquiry(PossibleDuplicate, Reason);
    }

    public async ValueTask<Breakdown> Handle(GetBreakdown query, CancellationToken cancellationToken)
    {
        // Staff names are not for business development; the other dimensions are plain counts.
        if (query.Dimension == BreakdownDimension.Coordinator && !DashboardAccess.SeesNames(user))
        {
            throw new ForbiddenException("Business development sees totals, not figures per coordinator.");
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var scope = await DashboardScope.ResolveAsync(db, query.Filter, calendar, cancellationToken);
        List<KeyedGroup> cohort, admits;
        if (await OverviewFigures.StoredAsOfAsync(db, scope, cancellationToken) is null)
        {
            cohort = (await KeyedAsync(db, DashboardQueries.CreatedBetween(db, scope), query.Dimension, cancellationToken)).Where(r => r.IsValid).ToList();
            admits = await KeyedAsync(db, DashboardQueries.AdmittedBetween(db, scope), query.Dimension, cancellationToken);
        }
        else
        {
            var dimension = Grouped(query.Dimension);
            cohort = [.. (await DailyGroups.ReadAsync(db, scope, GroupEvent.Created, dimension, cancellationToken)).Where(g => g.IsValid).Select(Keyed)];
            admits = [.. (await DailyGroups.ReadAsync(db, scope, GroupEvent.Closed, dimension, cancellationToken)).Where(g => g.Stage == InquiryStage.Admitted).Select(Keyed)];
        }

        var names = query.Dimension == BreakdownDimension.ReferralOrganisation
            ? await db.ReferralOrganisations.AsNoTracking().Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id.ToString(), o => o.Name, cancellationToken)
            : [];
        string Label(string? key, string? label) => query.Dimension switch
        {
            _ when key is null => query.Dimension switch
            {
                BreakdownDimension.Payer => "No insurance recorded",
                BreakdownDimension.ReferralOrganisation => "No referral organisation",
                BreakdownDimension.Coordinator => "Unassigned",
                BreakdownDimension.LevelOfCare => "Level not decided",
                _ => "Unknown",
            },
            BreakdownDimension.Source => Inquiry.DescribeSource(Enum.Parse<InquirySource>(key)),
            BreakdownDimension.ReferralOrganisation => names.GetValueOrDefault(key, "Removed organisation"),
            BreakdownDimension.LevelOfCare => LevelsOfCare.Describe(Enum.Parse<LevelOfCare>(key)),
            _ => label ?? key,
        };

        var admitsByKey = admits.GroupBy(r => r.Key ?? "").ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
        var cohortKeys = cohort.Select(c => c.Key ?? "").ToHashSet();
        var rows = cohort.GroupBy(r => r.Key)
            .Select(g =>
            {
                var inquiries = g.Sum(r => r.Count);
                var admitted = g.Where(r => r.Stage == InquiryStage.Admitted).Sum(r => r.Count);
                return new BreakdownRow(g.Key, Label(g.Key, g.First().Label), inquiries, admitted, Stats.Rate(admitted, inquiries), admitsByKey.GetValueOrDefault(g.Key ?? ""));
            })
            .Concat(admits.Where(a => !cohortKeys.Contains(a.Key ?? "")).GroupBy(a => a.Key)
                .Select(g => new BreakdownRow(g.Key, Label(g.Key, g.First().Label), 0, 0, null, g.Sum(a => a.Count))))
            .OrderByDescending(r => r.Inquiries).ThenByDescending(r => r.Admits).ThenBy(r => r.Label, StringComparer.Ordinal)
            .ToList();
        return new Breakdown(scope, query.Dimension, SmallCells.AppliesTo(user) ? SmallCells.Suppress(rows) : rows);
    }

    private static GroupDimension Grouped(BreakdownDimension dimension) => dimension switch
    {
        BreakdownDimension.Source => GroupDimension.Source,
        BreakdownDimension.Payer => GroupDimension.Payer,
        BreakdownDimension.ReferralOrganisation => GroupDimension.ReferralOrganisation,
        BreakdownDimension.Coordinator => GroupDimension.Coordinator,
        _ => GroupDimension.LevelOfCare,
    };

    private static KeyedGroup Keyed(StoredGroup group) => new(group.KeyOrNull, group.Label, group.Stage, group.Reason, group.PossibleDuplicate, group.Count);

    // Grouped in the database by the dimension, stage, reason and duplicate flag: a few hundred rows at most.
    private static async Task<List<KeyedGroup>> KeyedAsync(IAdmissionsDbContext db, IQueryable<Inquiry> inquiries, BreakdownDimension dimension, CancellationToken cancellationToken)
    {
        switch (dimension)
        {
            case BreakdownDimension.Source:
                return (await inquiries.GroupBy(i => new { i.Details.Source, i.Stage, i.NotAdmittedReason, Duplicate = i.PossibleDuplicateOfId != null })
                        .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
                    .Select(g => new KeyedGroup(g.Key.Source.ToString(), null, g.Key.Stage, g.Key.NotAdmittedReason, g.Key.Duplicate, g.Count)).ToList();
            case BreakdownDimension.ReferralOrganisation:
                return (await inquiries.GroupBy(i => new { i.ReferralOrganisationId, i.Stage, i.NotAdmittedReason, Duplicate = i.PossibleDuplicateOfId != null })
                        .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
                    .Select(g => new KeyedGroup(g.Key.ReferralOrganisationId?.ToString(), null, g.Key.Stage, g.Key.NotAdmittedReason, g.Key.Duplicate, g.Count)).ToList();
            case BreakdownDimension.Coordinator:
                return await inquiries.GroupBy(i => new { i.AssignedCoordinatorId, i.AssignedCoordinatorName, i.Stage, i.NotAdmittedReason, Duplicate = i.PossibleDuplicateOfId != null })
                    .Select(g => new KeyedGroup(g.Key.AssignedCoordinatorId, g.Key.AssignedCoordinatorName, g.Key.Stage, g.Key.NotAdmittedReason, g.Key.Duplicate, g.Count()))
                    .ToListAsync(cancellationToken);
            case BreakdownDimension.Payer:
                return await inquiries
                    .Select(i => new
                    {
                        Payer = db.InsurancePolicies.Where(p => p.InquiryId == i.Id && p.Rank == PolicyRank.Primary && p.RemovedAt == null).Select(p => p.PayerName).FirstOrDefault(),
                        i.Stage,
                        i.NotAdmittedReason,
                        Duplicate = i.PossibleDuplicateOfId != null,
                    })
                    .GroupBy(i => new { i.Payer, i.Stage, i.NotAdmittedReason, i.Duplicate })
                    .Select(g => new KeyedGroup(g.Key.Payer, null, g.Key.Stage, g.Key.NotAdmittedReason, g.Key.Duplicate, g.Count()))
                    .ToListAsync(cancellationToken);
            default:
                var withLevel = (await (from h in db.LevelOfCareHistories.AsNoTracking()
                                        join i in inquiries on h.InquiryId equals i.Id
                                        where h.AdmittingCareSetting != null
                                        group i by new { h.AdmittingCareSetting, i.Stage, i.NotAdmittedReason, Duplicate = i.PossibleDuplicateOfId != null } into g
                                        select new { g.Key, Count = g.Count() })
                        .ToListAsync(cancellationToken))
                    .Select(g => new KeyedGroup(g.Key.AdmittingCareSetting!.Value.ToString(), null, g.Key.Stage, g.Key.NotAdmittedReason, g.Key.Duplicate, g.Count))
                    .ToList();
                var all = await inquiries.GroupBy(i => new { i.Stage, i.NotAdmittedReason, Duplicate = i.PossibleDuplicateOfId != null })
                    .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
                var undecided = all.Select(g => new KeyedGroup(null, null, g.Key.Stage, g.Key.NotAdmittedReason, g.Key.Duplicate,
                        g.Count - withLevel.Where(w => w.Stage == g.Key.Stage && w.Reason == g.Key.NotAdmittedReason && w.PossibleDuplicate == g.Key.Duplicate).Sum(w => w.Count)))
                    .Where(g => g.Count > 0);
                return [.. withLevel, .. undecided];
        }
    }
}
