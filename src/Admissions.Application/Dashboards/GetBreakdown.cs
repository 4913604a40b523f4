using Admissions.Application.Common;
using Admissions.Domain.Care;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
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
/// inquiry list filters by (null for "none").
/// </summary>
public sealed record BreakdownRow(string? Key, string Label, int Inquiries, int Admitted, double? Conversion, int Admits);

public sealed record Breakdown(DashboardScope Scope, BreakdownDimension Dimension, IReadOnlyList<BreakdownRow> Rows);

/// <summary>Admits and conversion by payer (primary policy), source, referral organisation, coordinator or level of care.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.BusinessDevelopment)]
public sealed record GetBreakdown(DashboardFilter Filter, BreakdownDimension Dimension) : IQuery<Breakdown>;

public sealed class GetBreakdownHandler(IAdmissionsDbContextFactory dbFactory, TimeProvider clock, ICurrentUser user) : IQueryHandler<GetBreakdown, Breakdown>
{
    private sealed record KeyedRow(Guid Id, string? Key, string? Label, InquiryStage Stage, NotAdmittedReason? Reason, bool PossibleDuplicate)
    {
        public bool IsValid => new CohortRow(Id, default, null, Stage, Reason, PossibleDuplicate).IsValid;
    }

    public async ValueTask<Breakdown> Handle(GetBreakdown query, CancellationToken cancellationToken)
    {
        // Staff names are not for business development; the other dimensions are plain counts.
        if (query.Dimension == BreakdownDimension.Coordinator && !DashboardAccess.SeesNames(user))
        {
            throw new ForbiddenException("Business development sees totals, not figures per coordinator.");
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var scope = await DashboardScope.ResolveAsync(db, query.Filter, clock, cancellationToken);
        var cohort = (await KeyedAsync(db, DashboardQueries.CreatedBetween(db, scope.Start, scope.End), query.Dimension, cancellationToken))
            .Where(r => r.IsValid).ToList();
        var admits = await KeyedAsync(db, DashboardQueries.AdmittedBetween(db, scope.Start, scope.End), query.Dimension, cancellationToken);

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

        var admitsByKey = admits.GroupBy(r => r.Key ?? "").ToDictionary(g => g.Key, g => g.Count());
        var rows = cohort.GroupBy(r => r.Key)
            .Select(g =>
            {
                var admitted = g.Count(r => r.Stage == InquiryStage.Admitted);
                return new BreakdownRow(g.Key, Label(g.Key, g.First().Label), g.Count(), admitted, Stats.Rate(admitted, g.Count()), admitsByKey.GetValueOrDefault(g.Key ?? ""));
            })
            .Concat(admits.Where(a => !cohort.Any(c => c.Key == a.Key)).GroupBy(a => a.Key)
                .Select(g => new BreakdownRow(g.Key, Label(g.Key, g.First().Label), 0, 0, null, g.Count())))
            .OrderByDescending(r => r.Inquiries).ThenByDescending(r => r.Admits).ThenBy(r => r.Label, StringComparer.Ordinal)
            .ToList();
        return new Breakdown(scope, query.Dimension, rows);
    }

    private static async Task<List<KeyedRow>> KeyedAsync(IAdmissionsDbContext db, IQueryable<Inquiry> inquiries, BreakdownDimension dimension, CancellationToken cancellationToken)
    {
        switch (dimension)
        {
            case BreakdownDimension.Source:
                return (await inquiries.Select(i => new { i.Id, i.Details.Source, i.Stage, i.NotAdmittedReason, i.PossibleDuplicateOfId }).ToListAsync(cancellationToken))
                    .Select(i => new KeyedRow(i.Id, i.Source.ToString(), null, i.Stage, i.NotAdmittedReason, i.PossibleDuplicateOfId != null)).ToList();
            case BreakdownDimension.ReferralOrganisation:
                return (await inquiries.Select(i => new { i.Id, i.ReferralOrganisationId, i.Stage, i.NotAdmittedReason, i.PossibleDuplicateOfId }).ToListAsync(cancellationToken))
                    .Select(i => new KeyedRow(i.Id, i.ReferralOrganisationId?.ToString(), null, i.Stage, i.NotAdmittedReason, i.PossibleDuplicateOfId != null)).ToList();
            case BreakdownDimension.Coordinator:
                return await inquiries.Select(i => new KeyedRow(i.Id, i.AssignedCoordinatorId, i.AssignedCoordinatorName, i.Stage, i.NotAdmittedReason, i.PossibleDuplicateOfId != null))
                    .ToListAsync(cancellationToken);
            case BreakdownDimension.Payer:
                return await inquiries.Select(i => new KeyedRow(i.Id,
                        db.InsurancePolicies.Where(p => p.InquiryId == i.Id && p.Rank == PolicyRank.Primary && p.RemovedAt == null).Select(p => p.PayerName).FirstOrDefault(),
                        null, i.Stage, i.NotAdmittedReason, i.PossibleDuplicateOfId != null))
                    .ToListAsync(cancellationToken);
            default:
                var rows = await inquiries.Select(i => new KeyedRow(i.Id, null, null, i.Stage, i.NotAdmittedReason, i.PossibleDuplicateOfId != null)).ToListAsync(cancellationToken);

                // Levels live in each inquiry's decision history (a JSON document): read only the histories of these inquiries.
                var histories = await db.LevelOfCareHistories.AsNoTracking()
                    .Where(h => inquiries.Any(i => i.Id == h.InquiryId))
                    .ToListAsync(cancellationToken);
                var levels = histories.Where(h => h.Admitting?.CareSetting is not null)
                    .ToDictionary(h => h.InquiryId, h => h.Admitting!.CareSetting!.Value.ToString());
                return [.. rows.Select(r => r with { Key = levels.GetValueOrDefault(r.Id) })];
        }
    }
}
