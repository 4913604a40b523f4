using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Insurance;

[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.UtilizationReview)]
public sealed record CancelAuthorization(Guid AuthorizationId, string Reason) : ICommand<Unit>;

public sealed class CancelAuthorizationValidator : AbstractValidator<CancelAuthorization>
{
    public CancelAuthorizationValidator() => RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the request is cancelled.").MaximumLength(500);
}

public sealed class CancelAuthorizationHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CancelAuthorization, Unit>
{
    public ValueTask<Unit> Handle(CancelAuthorization command, CancellationToken cancellationToken) =>
        SaveConflicts.ChangeAsync(dbFactory, async db =>
        {
            var authorization = await AuthorizationDecisions.LoadAsync(db, command.AuthorizationId, cancellationToken);
            var inquiry = await InquiryChanges.LoadAsync(db, authorization.InquiryId, cancellationToken);
            var now = clock.GetUtcNow();
            authorization.Cancel(command.Reason.Trim(), user.Actor(), now);
            inquiry.Record(ActivityKind.Authorization, $"Authorization request to {authorization.PayerName} cancelled", user.Actor(), now, command.Reason);
            return Unit.Value;
        }, cancellationToken);
}
