using Admissions.Application.Common;
using Admissions.Application.FollowUps;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;

namespace Admissions.Application.Safety;

/// <summary>
/// More time for a safety call in progress: at most 15 minutes at a time, with a reason, by a clinician, manager or admin
/// (whoever owns it). The push is on the timeline and, as a change to the task, in the audit log.
/// </summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.Clinician)]
public sealed record PushSafetyCall(Guid TaskId, int Minutes, string Reason) : ICommand;

public sealed class PushSafetyCallValidator : AbstractValidator<PushSafetyCall>
{
    public PushSafetyCallValidator()
    {
        var most = (int)FollowUpTask.MaxSafetyPush.TotalMinutes;
        RuleFor(c => c.Minutes).InclusiveBetween(1, most).WithMessage($"Push a safety call by 1 to {most} minutes at a time.");
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the safety call needs more time.").MaximumLength(FollowUpTask.MaxTextLength);
    }
}

public sealed class PushSafetyCallHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<PushSafetyCall>
{
    public ValueTask<Unit> Handle(PushSafetyCall command, CancellationToken cancellationToken) =>
        TaskChanges.ApplyAsync(dbFactory, user, clock, command.TaskId, (task, now) =>
        {
            task.PushSafetyCall(TimeSpan.FromMinutes(command.Minutes), command.Reason, now);
            return $"Safety call pushed by {command.Minutes} min (pushed {task.SnoozeCount}×): {task.SnoozeReason}";
        }, cancellationToken, ownersOnly: false);
}
