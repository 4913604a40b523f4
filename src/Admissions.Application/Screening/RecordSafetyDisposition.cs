using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Screening;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Screening;

/// <summary>A clinician closes a safety alert by saying what was done; the safety call task is completed with it (the only way it is).</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.Clinician)]
public sealed record RecordSafetyDisposition(Guid AlertId, SafetyDisposition Disposition, string? Note) : ICommand<Unit>;

public sealed class RecordSafetyDispositionValidator : AbstractValidator<RecordSafetyDisposition>
{
    public RecordSafetyDispositionValidator()
    {
        RuleFor(c => c.Disposition).IsInEnum().WithMessage("Choose what was done.");
        RuleFor(c => c.Note).NotEmpty().WithMessage("Describe what was done and who was spoken to.").MaximumLength(2000);
    }
}

public sealed class RecordSafetyDispositionHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RecordSafetyDisposition, Unit>
{
    public async ValueTask<Unit> Handle(RecordSafetyDisposition command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var alert = await db.SafetyAlerts.FirstOrDefaultAsync(a => a.Id == command.AlertId, cancellationToken)
            ?? throw new NotFoundException("The safety alert");
        var inquiry = await InquiryChanges.LoadAsync(db, alert.InquiryId, cancellationToken);
        var now = clock.GetUtcNow();
        alert.Resolve(command.Disposition, command.Note!, user.Actor(), now);
        inquiry.Record(ActivityKind.Safety, $"Safety disposition: {Describe(command.Disposition)}", user.Actor(), now, alert.DispositionNote);

        var key = SafetyWorkflow.TaskKey(alert.Id);
        var task = await db.FollowUpTasks.FirstOrDefaultAsync(t => t.UniqueKey == key && t.State == FollowUpState.Open, cancellationToken);
        task?.CompleteWithDisposition($"Disposition: {Describe(command.Disposition)}", now, user.Actor());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public static string Describe(SafetyDisposition disposition) => SafetyDispositions.Describe(disposition);
}

public static class SafetyDispositions
{
    public static string Describe(SafetyDisposition disposition) => disposition switch
    {
        SafetyDisposition.CrisisLineGiven => "Crisis line given",
        SafetyDisposition.EmergencyReferral911or988 => "911/988 referral",
        SafetyDisposition.SafeToContinue => "Safe to continue",
        SafetyDisposition.MobileCrisisDispatched => "Mobile crisis dispatched",
        _ => "Other",
    };
}
