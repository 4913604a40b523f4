using Admissions.Application.Common;
using Admissions.Application.Placement;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;

namespace Admissions.Application.Inquiries;

/// <summary>Assigns a coordinator, or returns the inquiry to the unassigned queue (null).</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator)]
public sealed record AssignInquiry(Guid InquiryId, string? CoordinatorId) : ICommand<string>;

public sealed class AssignInquiryHandler(IAdmissionsDbContextFactory dbFactory, IStaffDirectory staff, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<AssignInquiry, string>
{
    public async ValueTask<string> Handle(AssignInquiry command, CancellationToken cancellationToken)
    {
        Actor? coordinator = null;
        if (command.CoordinatorId is { } id)
        {
            var member = await staff.FindAsync(id, cancellationToken);
            if (member is null || !member.Roles.Any(r => r is Roles.AdmissionsCoordinator or Roles.AdmissionsManager))
            {
                throw new RequestValidationException(new Dictionary<string, string[]>
                {
                    [nameof(AssignInquiry.CoordinatorId)] = ["Choose an admissions coordinator or manager."],
                });
            }

            coordinator = new Actor(member.Id, member.Name);
        }

        return await InquiryChanges.ApplyAsync(dbFactory, command.InquiryId,
            i => i.AssignTo(coordinator, user.Actor(), clock.GetUtcNow()), cancellationToken);
    }
}

/// <summary>A call, text or email to the caller or patient, and how it went.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician)]
public sealed record LogContactAttempt(Guid InquiryId, ContactChannel Channel, ContactOutcome Outcome, string? Notes) : ICommand<string>;

public sealed class LogContactAttemptValidator : AbstractValidator<LogContactAttempt>
{
    public LogContactAttemptValidator()
    {
        RuleFor(c => c.Channel).IsInEnum();
        RuleFor(c => c.Outcome).IsInEnum();
        RuleFor(c => c.Notes).MaximumLength(4000).WithMessage("Notes are limited to 4,000 characters.");
    }
}

public sealed class LogContactAttemptHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<LogContactAttempt, string>
{
    public ValueTask<string> Handle(LogContactAttempt command, CancellationToken cancellationToken) =>
        InquiryChanges.ApplyAsync(dbFactory, command.InquiryId,
            i => i.LogContactAttempt(command.Channel, command.Outcome, command.Notes, user.Actor(), clock.GetUtcNow()), cancellationToken);
}

[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview)]
public sealed record AddInquiryNote(Guid InquiryId, string Text) : ICommand<string>;

public sealed class AddInquiryNoteValidator : AbstractValidator<AddInquiryNote>
{
    public AddInquiryNoteValidator() =>
        RuleFor(c => c.Text).NotEmpty().WithMessage("Write the note first.")
            .MaximumLength(4000).WithMessage("Notes are limited to 4,000 characters.");
}

public sealed class AddInquiryNoteHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<AddInquiryNote, string>
{
    public ValueTask<string> Handle(AddInquiryNote command, CancellationToken cancellationToken) =>
        InquiryChanges.ApplyAsync(dbFactory, command.InquiryId,
            i => i.AddNote(command.Text, user.Actor(), clock.GetUtcNow()), cancellationToken);
}

/// <summary>Moves an inquiry along the pipeline; Not admitted needs a reason. Who may make each move is the stage machine's table.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview)]
public sealed record MoveInquiryStage(Guid InquiryId, InquiryStage Target, NotAdmittedReason? Reason = null, string? Note = null)
    : ICommand<string>;

public sealed class MoveInquiryStageValidator : AbstractValidator<MoveInquiryStage>
{
    public MoveInquiryStageValidator()
    {
        RuleFor(c => c.Target).IsInEnum();
        RuleFor(c => c.Reason).NotNull().When(c => c.Target == InquiryStage.NotAdmitted)
            .WithMessage("Choose the reason the person was not admitted.");
        RuleFor(c => c.Reason).IsInEnum();
        RuleFor(c => c.Note).MaximumLength(4000);
    }
}

public sealed class MoveInquiryStageHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<MoveInquiryStage, string>
{
    public async ValueTask<string> Handle(MoveInquiryStage command, CancellationToken cancellationToken)
    {
        if (Placements.StageNeedsAdmissionTab(command.Target) is { } message)
        {
            throw new DomainRuleException(message);
        }

        var moved = await SaveConflicts.ChangeAsync(dbFactory, async db =>
        {
            var inquiry = await InquiryChanges.LoadAsync(db, command.InquiryId, cancellationToken);
            var (actor, now) = (user.Actor(), clock.GetUtcNow());
            StageMoves.EnsureAllowed(user, inquiry.Stage, command.Target);

            // Leaving the admission path, or stepping back from a booked date, gives the bed and the booking back.
            if (command.Target == InquiryStage.NotAdmitted && InquiryStageMachine.CanMove(inquiry.Stage, command.Target))
            {
                var why = command.Reason is { } reason ? $"not admitted: {Inquiry.DescribeReason(reason).ToLowerInvariant()}" : "not admitted";
                await AdmissionRules.CloseWithoutAdmissionAsync(db, inquiry, why, actor, now, cancellationToken);
            }
            else if (command.Target == InquiryStage.Approved && InquiryStageMachine.CanMove(inquiry.Stage, command.Target))
            {
                await AdmissionRules.CloseOpenPlacementAsync(db, inquiry, "admission date cancelled", actor, now, cancellationToken);
            }

            inquiry.MoveTo(command.Target, command.Reason, command.Note, actor, now);
            return inquiry;
        }, cancellationToken);
        return InquiryVersion.Encode(moved.Version);
    }
}

/// <summary>Brings a not-admitted or referred-out inquiry back into the pipeline (the stage machine's table says who).</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager)]
public sealed record ReopenInquiry(Guid InquiryId, string? Note) : ICommand<string>;

public sealed class ReopenInquiryHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ReopenInquiry, string>
{
    public ValueTask<string> Handle(ReopenInquiry command, CancellationToken cancellationToken) =>
        InquiryChanges.ApplyAsync(dbFactory, command.InquiryId, i =>
        {
            StageMoves.EnsureAllowed(user, i.Stage, InquiryStageMachine.ReopenStage);
            i.Reopen(command.Note, user.Actor(), clock.GetUtcNow());
        }, cancellationToken);
}
