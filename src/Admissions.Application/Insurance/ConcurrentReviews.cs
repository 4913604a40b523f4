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
        SaveConflicts.ChangeAsync(dbFactory, async db =>
        {
            var task = await db.FollowUpTasks.FirstOrDefaultAsync(t => t.Id == command.TaskId, cancellationToken)
                ?? throw new NotFoundException("The task");
            if (!TaskAccess.MayWork(user, task))
            {
                throw new ForbiddenException($"This task belongs to {task.AssigneeName}. Ask them or a manager.");
            }

            var authorization = await ConcurrentReviews.FindAsync(db, task, cancellationToken)
                ?? throw new DomainRuleException("This inquiry has no certified authorization to extend.");
            var inquiry = await InquiryChanges.LoadAsync(db, task.InquiryId, cancellationToken);
            var now = clock.GetUtcNow();
            var form = command.Form;
            authorization.Extend(form.Days!.Value, form.NextReviewOn, form.PayerReference, user.Actor(), now);
            var extended = $"{form.Days} days extended, covered through {Day(authorization.ApprovedTo!.Value)}; next review {Day(authorization.NextReviewOn!.Value)}";
            task.Complete($"Days extended: {extended}", now, user.Actor());
            inquiry.Record(ActivityKind.Task, $"Task done: {task.Title} — {task.Outcome}", user.Actor(), now);
            inquiry.Record(ActivityKind.Authorization, $"{authorization.PayerName}: {extended}", user.Actor(), now);
            return Unit.Value;
        }, cancellationToken);

    private static string Day(DateOnly day) => day.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture);
}

internal static class ConcurrentReviews
{
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
