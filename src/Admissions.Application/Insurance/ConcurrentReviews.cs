using System.Globalization;
using Admissions.Application.Common;
using Admissions.Application.FollowUps;
using Admissions.Application.Inquiries;
using Admissions.Domain.Common;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Insurance;

/// <summary>What the payer granted at a concurrent review.</summary>
public sealed class ReviewExtensionForm
{
    public int? Days { get; set; }
    public DateOnly? NextReviewOn { get; set; }
    public string? PayerReference { get; set; }
}

/// <summary>The authorization a concurrent-review task is about, as the "Days extended" dialog shows it.</summary>
public sealed record ReviewTaskAuthorization(
    Guid AuthorizationId, string PayerName, AuthorizationStatus Status, DateOnly? ApprovedFrom, DateOnly? LastCoveredDay, DateOnly? NextReviewOn);

/// <summary>The authorization a utilization-review task belongs to (by the task's key, else the inquiry's latest certified one).</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.UtilizationReview)]
public sealed record GetReviewTaskAuthorization(Guid TaskId) : IQuery<ReviewTaskAuthorization?>, IAuditedRead
{
    public string AuditEntityType => "FollowUpTask";
    public string AuditEntityId => TaskId.ToString();
}

public sealed class GetReviewTaskAuthorizationHandler(IAdmissionsDbContextFactory dbFactory) : IQueryHandler<GetReviewTaskAuthorization, ReviewTaskAuthorization?>
{
    public async ValueTask<ReviewTaskAuthorization?> Handle(GetReviewTaskAuthorization query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var task = await db.FollowUpTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == query.TaskId, cancellationToken)
            ?? throw new NotFoundException("The task");
        var authorization = await ConcurrentReviews.FindAsync(db, task, cancellationToken);
        return authorization is null
            ? null
            : new ReviewTaskAuthorization(authorization.Id, authorization.PayerName, authorization.Status, authorization.ApprovedFrom,
                authorization.ApprovedTo, authorization.NextReviewOn);
    }
}

/// <summary>
/// Completes a concurrent-review task with "Days extended": the authorization gets the days, a later last covered
/// day and the next review, and its history the extension.
/// </summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.UtilizationReview)]
public sealed record CompleteReviewWithExtension(Guid TaskId, ReviewExtensionForm Form) : ICommand;

public sealed class ReviewExtensionFormValidator : AbstractValidator<ReviewExtensionForm>
{
    public ReviewExtensionFormValidator()
    {
        RuleFor(f => f.Days).NotNull().WithMessage("Enter the days the payer extended.")
            .InclusiveBetween(1, 365).WithMessage("Days extended must be between 1 and 365.");
        RuleFor(f => f.PayerReference).MaximumLength(50);
    }
}

public sealed class CompleteReviewWithExtensionValidator : AbstractValidator<CompleteReviewWithExtension>
{
    public CompleteReviewWithExtensionValidator() => RuleFor(c => c.Form).NotNull().SetValidator(new ReviewExtensionFormValidator());
}

public sealed class CompleteReviewWithExtensionHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CompleteReviewWithExtension>
{
    public ValueTask<Unit> Handle(CompleteReviewWithExtension command, CancellationToken cancellationToken) =>
        ConcurrentReviews.CompleteAsync(dbFactory, command.TaskId, user, clock, "extend", (authorization, by, now) =>
        {
            var form = command.Form;
            authorization.Extend(form.Days!.Value, form.NextReviewOn, form.PayerReference, by, now);
            var extended = $"{form.Days} days extended, covered through {Day(authorization.ApprovedTo!.Value)}; next review {Day(authorization.NextReviewOn!.Value)}";
            return ($"Days extended: {extended}", $"{authorization.PayerName}: {extended}");
        }, cancellationToken);

    private static string Day(DateOnly day) => day.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture);
}

/// <summary>What UR sent the payer at a concurrent review: the further days asked for, and the payer's reference for the call or fax.</summary>
public sealed class ReviewSubmissionForm
{
    public int? DaysRequested { get; set; }
    public string? PayerReference { get; set; }
}

/// <summary>
/// Completes a concurrent-review task with "Review submitted": the authorization's history keeps the review (days asked,
/// the payer's reference) until the payer's answer is recorded as a decision or an extension.
/// </summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.UtilizationReview)]
public sealed record CompleteReviewAsSubmitted(Guid TaskId, ReviewSubmissionForm Form) : ICommand;

public sealed class CompleteReviewAsSubmittedValidator : AbstractValidator<CompleteReviewAsSubmitted>
{
    public CompleteReviewAsSubmittedValidator()
    {
        RuleFor(c => c.Form).NotNull();
        RuleFor(c => c.Form.DaysRequested).InclusiveBetween(1, 365).WithMessage("Days requested must be between 1 and 365.").When(c => c.Form is not null);
        RuleFor(c => c.Form.PayerReference).MaximumLength(50).When(c => c.Form is not null);
    }
}

public sealed class CompleteReviewAsSubmittedHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CompleteReviewAsSubmitted>
{
    public ValueTask<Unit> Handle(CompleteReviewAsSubmitted command, CancellationToken cancellationToken) =>
        ConcurrentReviews.CompleteAsync(dbFactory, command.TaskId, user, clock, "review", (authorization, by, now) =>
        {
            var form = command.Form;
            authorization.RecordConcurrentReview(form.DaysRequested, form.PayerReference, by, now);
            var detail = (form.DaysRequested is { } days ? $", {days} more {(days == 1 ? "day" : "days")} requested" : "")
                + (string.IsNullOrWhiteSpace(form.PayerReference) ? "" : $" (reference {form.PayerReference.Trim()})");
            return ($"Review submitted{detail}", $"{authorization.PayerName}: concurrent review submitted{detail}");
        }, cancellationToken);
}

internal static class ConcurrentReviews
{
    /// <summary>
    /// Completes a review task for a person who may work it: <paramref name="change"/> changes its authorization and says the
    /// task's outcome and the timeline line; all in one save.
    /// </summary>
    public static ValueTask<Unit> CompleteAsync(
        IAdmissionsDbContextFactory dbFactory, Guid taskId, ICurrentUser user, TimeProvider clock, string action,
        Func<PriorAuthorization, Actor, DateTimeOffset, (string Outcome, string TimelineLine)> change, CancellationToken cancellationToken) =>
        SaveConflicts.ChangeAsync(dbFactory, async db =>
        {
            var task = await db.FollowUpTasks.FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken)
                ?? throw new NotFoundException("The task");
            if (!TaskAccess.MayWork(user, task))
            {
                throw new ForbiddenException($"This task belongs to {task.AssigneeName}. Ask them or a manager.");
            }

            var authorization = await FindAsync(db, task, cancellationToken)
                ?? throw new DomainRuleException($"This inquiry has no certified authorization to {action}.");
            var inquiry = await InquiryChanges.LoadAsync(db, task.InquiryId, cancellationToken);
            var (by, now) = (user.Actor(), clock.GetUtcNow());
            var (outcome, line) = change(authorization, by, now);
            task.Complete(outcome, now, by);
            inquiry.Record(ActivityKind.Task, $"Task done: {task.Title} — {task.Outcome}", by, now);
            inquiry.Record(ActivityKind.Authorization, line, by, now);
            return Unit.Value;
        }, cancellationToken);

    /// <summary>Review and pend tasks carry their authorization in the key (auth-review:{id}:…); a task made by hand falls back to the inquiry's latest certification.</summary>
    public static async Task<PriorAuthorization?> FindAsync(IAdmissionsDbContext db, FollowUpTask task, CancellationToken cancellationToken)
    {
        if (task.Kind != FollowUpKind.AuthorizationReview)
        {
            throw new DomainRuleException("Only a utilization-review task extends an authorization.");
        }

        if (task.UniqueKey?.Split(':') is [_, var id, ..] && Guid.TryParseExact(id, "N", out var authorizationId)
            && await db.PriorAuthorizations.FirstOrDefaultAsync(a => a.Id == authorizationId, cancellationToken) is { } keyed)
        {
            return keyed;
        }

        return await db.PriorAuthorizations
            .Where(a => a.InquiryId == task.InquiryId && (a.Status == AuthorizationStatus.Certified || a.Status == AuthorizationStatus.Partial))
            .OrderByDescending(a => a.RequestedAt)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
