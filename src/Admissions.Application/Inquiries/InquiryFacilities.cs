using Admissions.Application.Common;
using Admissions.Application.Dashboards;
using Admissions.Application.Staff;
using Admissions.Domain.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Inquiries;

/// <summary>The facilities an inquiry can belong to, and the one a new inquiry starts with for this person.</summary>
public sealed record IntakeFacilities(IReadOnlyList<FacilityOption> Facilities, Guid? DefaultId);

[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator)]
public sealed record GetIntakeFacilities : IQuery<IntakeFacilities>;

public sealed class GetIntakeFacilitiesHandler(IAdmissionsDbContextFactory dbFactory, IStaffAccounts accounts, ICurrentUser user)
    : IQueryHandler<GetIntakeFacilities, IntakeFacilities>
{
    public async ValueTask<IntakeFacilities> Handle(GetIntakeFacilities query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var facilities = await InquiryFacility.ActiveAsync(db, cancellationToken);
        var own = (await accounts.FindAsync(user.Id, cancellationToken))?.FacilityId;
        return new IntakeFacilities(facilities, InquiryFacility.Default(facilities, own));
    }
}

/// <summary>The active facilities, for the inquiry list's facility filter.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview)]
public sealed record ListInquiryFacilities : IQuery<IReadOnlyList<FacilityOption>>;

public sealed class ListInquiryFacilitiesHandler(IAdmissionsDbContextFactory dbFactory) : IQueryHandler<ListInquiryFacilities, IReadOnlyList<FacilityOption>>
{
    public async ValueTask<IReadOnlyList<FacilityOption>> Handle(ListInquiryFacilities query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await InquiryFacility.ActiveAsync(db, cancellationToken);
    }
}

/// <summary>Moves an inquiry to another facility: its figures, lists and payer requests follow it. Audited and on the timeline.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator)]
public sealed record ChangeInquiryFacility(Guid InquiryId, Guid FacilityId) : ICommand<string>;

public sealed class ChangeInquiryFacilityHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ChangeInquiryFacility, string>
{
    public async ValueTask<string> Handle(ChangeInquiryFacility command, CancellationToken cancellationToken)
    {
        Dictionary<Guid, string> names;
        await using (var db = await dbFactory.CreateAsync(cancellationToken))
        {
            names = await db.Facilities.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Name, cancellationToken);
            if (!await db.Facilities.AnyAsync(f => f.Id == command.FacilityId && f.IsActive, cancellationToken))
            {
                throw InquiryFacility.NotOffered(nameof(ChangeInquiryFacility.FacilityId));
            }
        }

        return await InquiryChanges.ApplyAsync(dbFactory, command.InquiryId, inquiry => inquiry.ChangeFacility(
            command.FacilityId, names[command.FacilityId], inquiry.FacilityId is { } from ? names.GetValueOrDefault(from) : null,
            user.Actor(), clock.GetUtcNow()), cancellationToken);
    }
}

/// <summary>Which facility a new inquiry belongs to.</summary>
internal static class InquiryFacility
{
    public static async Task<List<FacilityOption>> ActiveAsync(IAdmissionsDbContext db, CancellationToken cancellationToken) =>
        await db.Facilities.AsNoTracking().Where(f => f.IsActive).OrderBy(f => f.Name)
            .Select(f => new FacilityOption(f.Id, f.Name, f.TimeZoneId)).ToListAsync(cancellationToken);

    /// <summary>The preferred facility (the coordinator's, the API key's) when it is active; otherwise the first (with one, the only one).</summary>
    public static Guid? Default(IReadOnlyList<FacilityOption> active, Guid? preferred) =>
        active.Any(f => f.Id == preferred) ? preferred : active.Count > 0 ? active[0].Id : null;

    /// <summary>The facility chosen on the form, which must be active; with none chosen, the default.</summary>
    public static async Task<Guid?> ChooseAsync(IAdmissionsDbContext db, Guid? chosen, Guid? preferred, CancellationToken cancellationToken)
    {
        var active = await ActiveAsync(db, cancellationToken);
        return chosen is not { } id ? Default(active, preferred)
            : active.Any(f => f.Id == id) ? id
            : throw NotOffered(nameof(InquiryForm.FacilityId));
    }

    public static RequestValidationException NotOffered(string field) =>
        new(new Dictionary<string, string[]> { [field] = ["Choose one of the active facilities."] });
}
