using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Insurance;

/// <summary>A decision received by portal, phone or fax, entered by utilization review.</summary>
public sealed class AuthorizationDecisionForm
{
    public AuthorizationStatus Status { get; set; } = AuthorizationStatus.Certified;
    public string? CertificationNumber { get; set; }
    public int? ApprovedDays { get; set; }
    public DateOnly? ApprovedFrom { get; set; }
    public DateOnly? ApprovedTo { get; set; }
    public DateOnly? NextReviewOn { get; set; }
    public string? DenialReason { get; set; }
}

[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.UtilizationReview)]
public sealed record RecordAuthorizationDecision(Guid AuthorizationId, AuthorizationDecisionForm Form) : ICommand<Unit>;

public sealed class AuthorizationDecisionFormValidator : AbstractValidator<AuthorizationDecisionForm>
{
    public AuthorizationDecisionFormValidator()
    {
        RuleFor(f => f.Status).IsInEnum()
            .Must(s => s is not (AuthorizationStatus.Requested or AuthorizationStatus.Cancelled))
            .WithMessage("Choose the payer's decision (use Cancel to cancel the request).");
        When(f => f.Status is AuthorizationStatus.Certified or AuthorizationStatus.Partial, () =>
        {
            RuleFor(f => f.CertificationNumber).NotEmpty().WithMessage("Enter the certification (authorization) number.").MaximumLength(50);
            RuleFor(f => f.ApprovedDays).NotNull().WithMessage("Enter the approved days or units.").InclusiveBetween(1, 365);
            RuleFor(f => f.ApprovedFrom).NotNull().WithMessage("Enter the first approved date.");
            RuleFor(f => f.ApprovedTo).NotNull().WithMessage("Enter the last approved date.")
                .GreaterThanOrEqualTo(f => f.ApprovedFrom).When(f => f.ApprovedFrom is not null).WithMessage("The last approved date is before the first.");
        });
        RuleFor(f => f.DenialReason).NotEmpty().When(f => f.Status == AuthorizationStatus.Denied)
            .WithMessage("Enter the payer's denial reason.").MaximumLength(1000);
    }
}

public sealed class RecordAuthorizationDecisionValidator : AbstractValidator<RecordAuthorizationDecision>
{
    public RecordAuthorizationDecisionValidator() => RuleFor(c => c.Form).NotNull().SetValidator(new AuthorizationDecisionFormValidator());
}

public sealed class RecordAuthorizationDecisionHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RecordAuthorizationDecision, Unit>
{
    public ValueTask<Unit> Handle(RecordAuthorizationDecision command, CancellationToken cancellationToken) =>
        SaveConflicts.ChangeAsync(dbFactory, async db =>
        {
            var authorization = await AuthorizationDecisions.LoadAsync(db, command.AuthorizationId, cancellationToken);
            var inquiry = await InquiryChanges.LoadAsync(db, authorization.InquiryId, cancellationToken);
            var form = command.Form;
            var now = clock.GetUtcNow();
            authorization.RecordDecision(new AuthorizationDecision(form.Status, form.CertificationNumber, form.ApprovedDays, form.ApprovedFrom,
                form.ApprovedTo, form.NextReviewOn, null, form.DenialReason), now);
            inquiry.Record(ActivityKind.Authorization,
                $"{authorization.PayerName}: {PriorAuthorization.Describe(authorization.Status).ToLowerInvariant()} (entered by hand)", user.Actor(), now);
            return Unit.Value;
        }, cancellationToken);
}
