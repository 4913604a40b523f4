using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Domain.Care;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Care;

/// <summary>
/// An inquiry's clinical intake, or an empty one when none is saved yet (<see cref="Version"/> null).
/// <see cref="Suggested"/> are substances flagged on the inquiry that have no entry yet.
/// </summary>
public sealed record ClinicalIntakeView(
    Guid InquiryId, IReadOnlyList<SubstanceUse> Substances, string? Medications, string? MedicalConditions, bool? Pregnant,
    string? Version, string? UpdatedByName, DateTimeOffset? UpdatedAt, IReadOnlyList<SubstanceConcerns> Suggested);

[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician)]
public sealed record GetClinicalIntake(Guid InquiryId) : IQuery<ClinicalIntakeView>, IAuditedRead
{
    public string AuditEntityType => nameof(ClinicalIntake);
    public string AuditEntityId => InquiryId.ToString();
}

public sealed class GetClinicalIntakeHandler(IAdmissionsDbContextFactory dbFactory) : IQueryHandler<GetClinicalIntake, ClinicalIntakeView>
{
    public async ValueTask<ClinicalIntakeView> Handle(GetClinicalIntake query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var inquiry = await InquiryChanges.LoadAsync(db, query.InquiryId, cancellationToken);
        var intake = await ClinicalIntakes.FindAsync(db, inquiry.Id, cancellationToken);
        var recorded = intake?.Substances.Select(s => s.Substance).ToHashSet() ?? [];
        var suggested = Enum.GetValues<SubstanceConcerns>()
            .Where(s => s != SubstanceConcerns.None && inquiry.Details.Substances.HasFlag(s) && !recorded.Contains(s))
            .ToList();
        return intake is null
            ? new(inquiry.Id, [], null, null, null, null, null, null, suggested)
            : new(inquiry.Id, intake.Substances, intake.Medications, intake.MedicalConditions, intake.Pregnant,
                InquiryVersion.Encode(intake.Version), intake.UpdatedByName, intake.UpdatedAt, suggested);
    }
}

public static class ClinicalIntakes
{
    public static Task<ClinicalIntake?> FindAsync(IAdmissionsDbContext db, Guid inquiryId, CancellationToken cancellationToken) =>
        db.ClinicalIntakes.AsNoTracking().FirstOrDefaultAsync(i => i.InquiryId == inquiryId, cancellationToken);
}
