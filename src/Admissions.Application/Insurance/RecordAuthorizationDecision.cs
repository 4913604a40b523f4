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

    /// <summary>What the payer asked for when it pended the request.</summary>
    public string? PendedReason { get; set; }

    public bool IsCertification => PriorAuthorization.IsCertification(Status);

    /// <summary>Approved days changed: the last approved day follows them.</summary>
    public void ChangeDays(int? days)
    {
        var followsDefault = ReviewIsDefault;
        ApprovedDays = days;
        if (days is >= 1 && ApprovedFrom is { } from)
        {
            ApprovedTo = PriorAuthorization.LastDay(from, days.Value);
        }

        KeepDefaultReview(followsDefault);
    }

    /// <summary>The first approved day moved: the stay keeps its days, so the last day moves with it.</summary>
    public void ChangeFirstDay(DateOnly? from)
    {
        var followsDefault = ReviewIsDefault;
        ApprovedFrom = from;
        if (from is { } start && ApprovedDays is >= 1)
        {
            ApprovedTo = PriorAuthorization.LastDay(start, ApprovedDays.Value);
        }

        KeepDefaultReview(followsDefault);
    }

    /// <summary>Last approved day changed: the approved days follow it.</summary>
    public void ChangeLastDay(DateOnly? to)
    {
        var followsDefault = ReviewIsDefault;
        ApprovedTo = to;
        if (to is { } end && ApprovedFrom is { } from && end >= from)
        {
            ApprovedDays = end.DayNumber - from.DayNumber + 1;
        }

        KeepDefaultReview(followsDefault);
    }

    /// <summary>A review on the default day (the day before the last approved day) moves with the last day; one the payer set stays.</summary>
    private bool ReviewIsDefault => NextReviewOn is { } review && ApprovedTo is { } last && ApprovedFrom is { } from
        && review == (last > from ? last.AddDays(-1) : from);

    private void KeepDefaultReview(bool followsDefault)
    {
        if (followsDefault && ApprovedTo is { } last && ApprovedFrom is { } from && last >= from)
        {
            NextReviewOn = last > from ? last.AddDays(-1) : from;
        }
    }
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
            RuleFor(f => f.ApprovedTo)
                .Must((f, to) => PriorAuthorization.LastDay(f.ApprovedFrom!.Value, f.ApprovedDays!.Value) == to)
                .When(f => f is { ApprovedFrom: not null, ApprovedTo: not null, ApprovedDays: >= 1 and <= 365 } && f.ApprovedTo >= f.ApprovedFrom)
                .WithMessage(f => $"{f.ApprovedDays} days from {Day(f.ApprovedFrom!.Value)} end on {Day(PriorAuthorization.LastDay(f.ApprovedFrom.Value, f.ApprovedDays!.Value))}; change the days or the last day.");
            RuleFor(f => f.NextReviewOn)
                .Must((f, review) => review >= f.ApprovedFrom && review <= f.ApprovedTo)
                .When(f => f is { NextReviewOn: not null, ApprovedFrom: not null, ApprovedTo: not null })
                .WithMessage(f => $"The next review must fall inside the covered period, {Day(f.ApprovedFrom!.Value)} to {Day(f.ApprovedTo!.Value)}.");
        });
        RuleFor(f => f.DenialReason).NotEmpty().When(f => f.Status == AuthorizationStatus.Denied)
            .WithMessage("Enter the payer's denial reason.").MaximumLength(1000);
        RuleFor(f => f.PendedReason).MaximumLength(500);
    }

    private static string Day(DateOnly day) => day.ToString("MM/dd/yyyy", System.Globalization.CultureInfo.InvariantCulture);
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
            // Fields left from another choice in the dialog (days typed before choosing "denied") are not part of this decision.
            var decision = form.IsCertification
                ? new AuthorizationDecision(form.Status, form.CertificationNumber, form.ApprovedDays, form.ApprovedFrom, form.ApprovedTo,
                    form.NextReviewOn, null, null)
                : new AuthorizationDecision(form.Status, form.CertificationNumber, null, null, null, null, null,
                    form.Status == AuthorizationStatus.Denied ? form.DenialReason : null,
                    form.Status == AuthorizationStatus.Pended ? form.PendedReason : null);
            authorization.RecordDecision(decision, user.Actor(), now);
            inquiry.Record(ActivityKind.Authorization,
                $"{authorization.PayerName}: {PriorAuthorization.Describe(authorization.Status).ToLowerInvariant()} (entered by hand)", user.Actor(), now);
            return Unit.Value;
        }, cancellationToken);
}
