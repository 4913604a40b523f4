using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Domain.Care;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Insurance;

public sealed class AuthorizationRequestForm
{
    public Guid? PolicyId { get; set; }
    public LevelOfCare Level { get; set; } = LevelOfCare.Residential;
    public DateOnly? AdmissionDate { get; set; }
    public int RequestedDays { get; set; } = 7;

    /// <summary>ICD-10-CM codes separated by commas; the first is the principal diagnosis.</summary>
    public string? Diagnoses { get; set; }
    public AuthorizationChannel Channel { get; set; } = AuthorizationChannel.Electronic;
}

public sealed class AuthorizationRequestFormValidator : AbstractValidator<AuthorizationRequestForm>
{
    public AuthorizationRequestFormValidator()
    {
        RuleFor(f => f.PolicyId).NotEmpty().WithMessage("Choose the policy to request authorization from.");
        RuleFor(f => f.Level).IsInEnum();
        RuleFor(f => f.Channel).IsInEnum();
        RuleFor(f => f.AdmissionDate).NotNull().WithMessage("Enter the planned admission date.");
        RuleFor(f => f.RequestedDays).InclusiveBetween(1, 365).WithMessage("Request between 1 and 365 days.");
        RuleFor(f => f.Diagnoses).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Enter at least the principal diagnosis (ICD-10-CM, e.g. F10.20).")
            .MaximumLength(200)
            .Must(d => X12Requests.Diagnoses(d!) is { Count: > 0 } codes && codes.All(IsIcd10))
            .WithMessage("Diagnoses are ICD-10-CM codes such as F10.20 or F11.23, separated by commas.");
    }

    private static bool IsIcd10(string code) =>
        code.Length is >= 3 and <= 7 && char.IsAsciiLetterUpper(code[0]) && char.IsAsciiDigit(code[1]) && code.All(char.IsAsciiLetterOrDigit);
}

/// <summary>
/// Starts a prior authorization: sent electronically as a 278 by a job, or recorded as asked by
/// portal or phone (the decision is then entered by hand).
/// </summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.UtilizationReview)]
public sealed record RequestAuthorization(Guid InquiryId, AuthorizationRequestForm Form) : ICommand<Guid>;

public sealed class RequestAuthorizationValidator : AbstractValidator<RequestAuthorization>
{
    public RequestAuthorizationValidator() => RuleFor(c => c.Form).NotNull().SetValidator(new AuthorizationRequestFormValidator());
}

public sealed class RequestAuthorizationHandler(
    IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock, IFacilityCalendar calendar, IFollowUpScheduler scheduler)
    : ICommandHandler<RequestAuthorization, Guid>
{
    public async ValueTask<Guid> Handle(RequestAuthorization command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var inquiry = await InquiryChanges.LoadAsync(db, command.InquiryId, cancellationToken);
        var form = command.Form;
        var policy = await db.InsurancePolicies.FirstOrDefaultAsync(p => p.Id == form.PolicyId && p.InquiryId == command.InquiryId && p.RemovedAt == null, cancellationToken)
            ?? throw new NotFoundException("The policy");
        var payer = await db.Payers.FirstAsync(p => p.Id == policy.PayerId, cancellationToken);
        if (payer.IsSelfPay)
        {
            throw new Domain.Common.DomainRuleException("Self-pay admissions need no prior authorization.");
        }

        if (form.Channel == AuthorizationChannel.Electronic && !payer.SupportsElectronicAuthorization)
        {
            throw new Domain.Common.DomainRuleException($"{payer.Name} takes no electronic requests here. Record it as a portal or phone request.");
        }

        // A portal or phone request discloses the same records as a 278, so it needs the same consent.
        var (consents, today) = await ReadyAsync(db, calendar, inquiry, policy, payer, cancellationToken);

        var now = clock.GetUtcNow();
        var track = CareTracks.ForDiagnoses(X12Requests.Diagnoses(form.Diagnoses!));
        var authorization = PriorAuthorization.Request(policy, form.Level, payer.ServiceTypeFor(form.Level, track), form.AdmissionDate!.Value,
            form.RequestedDays, X12Requests.DisplayDiagnoses(form.Diagnoses!), form.Channel,
            X12Requests.NewTraceNumber("UM", now), user.Actor(), now);
        db.PriorAuthorizations.Add(authorization);
        await RecordAskedAsync(db, inquiry, payer, authorization, consents, today, user, now, cancellationToken);

        inquiry.Record(ActivityKind.Authorization,
            $"Authorization requested from {payer.Name} for {LevelsOfCare.Describe(form.Level)}, {form.RequestedDays} days from {form.AdmissionDate:yyyy-MM-dd} ({Describe(form.Channel)})",
            user.Actor(), now);
        await db.SaveChangesAsync(cancellationToken);
        if (form.Channel == AuthorizationChannel.Electronic)
        {
            scheduler.ScheduleAuthorizationSubmission(authorization.Id, now);
        }

        return authorization.Id;
    }

    /// <summary>The consent and data a request to the payer needs (readiness as for a verification); the consents and today.</summary>
    internal static async Task<(List<Part2Consent> Consents, DateOnly Today)> ReadyAsync(
        IAdmissionsDbContext db, IFacilityCalendar calendar, Inquiry inquiry, InsurancePolicy policy, Payer payer, CancellationToken cancellationToken)
    {
        var consents = await db.Part2Consents.Where(c => c.InquiryId == inquiry.Id).ToListAsync(cancellationToken);
        var today = (await calendar.ForInquiryAsync(inquiry.Id, cancellationToken)).Today;
        var missing = VerificationReadiness.Missing(inquiry.Details, policy, payer, consents, today);
        if (missing.Count > 0)
        {
            throw new Domain.Common.DomainRuleException(VerificationReadiness.Explain(missing).Replace("verifying", "requesting authorization", StringComparison.Ordinal));
        }

        return (consents, today);
    }

    /// <summary>A portal or phone request was asked now: it is on the disclosure ledger (readiness guarantees the consent). The caller saves.</summary>
    internal static async Task RecordAskedAsync(
        IAdmissionsDbContext db, Inquiry inquiry, Payer payer, PriorAuthorization authorization, List<Part2Consent> consents, DateOnly today, ICurrentUser user,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (authorization.Channel == AuthorizationChannel.Electronic)
        {
            return;
        }

        await Disclosures.RecordAsync(db, inquiry.Id, Disclosures.PaymentConsent(consents, payer.Id, today)!, payer.Name, SubmitAuthorizationHandler.Disclosed(authorization),
            authorization.Channel == AuthorizationChannel.Portal ? "Payer portal" : "Phone call with payer", authorization.TraceNumber, user.Id, user.Name, now, cancellationToken);
    }

    public static string Describe(AuthorizationChannel channel) => channel switch
    {
        AuthorizationChannel.Electronic => "electronic 278",
        AuthorizationChannel.Portal => "payer portal",
        _ => "phone",
    };
}

/// <summary>
/// Sends an authorization request opened at a step-down, once utilization review has checked it: the same consent and
/// readiness as a new request; electronic ones go as a 278 by the job, a portal or phone one is recorded as asked (and
/// disclosed) now, its decision entered by hand.
/// </summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.UtilizationReview)]
public sealed record SendAuthorizationRequest(Guid AuthorizationId) : ICommand<Unit>;

public sealed class SendAuthorizationRequestHandler(
    IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock, IFacilityCalendar calendar, IFollowUpScheduler scheduler)
    : ICommandHandler<SendAuthorizationRequest, Unit>
{
    public async ValueTask<Unit> Handle(SendAuthorizationRequest command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var authorization = await db.PriorAuthorizations.FirstOrDefaultAsync(a => a.Id == command.AuthorizationId, cancellationToken)
            ?? throw new NotFoundException("The authorization");
        var inquiry = await InquiryChanges.LoadAsync(db, authorization.InquiryId, cancellationToken);
        var policy = await db.InsurancePolicies.FirstOrDefaultAsync(p => p.Id == authorization.PolicyId && p.RemovedAt == null, cancellationToken)
            ?? throw new NotFoundException("The policy");
        var payer = await db.Payers.FirstAsync(p => p.Id == authorization.PayerId, cancellationToken);
        var (consents, today) = await RequestAuthorizationHandler.ReadyAsync(db, calendar, inquiry, policy, payer, cancellationToken);
        var now = clock.GetUtcNow();
        authorization.MarkSent();
        await RequestAuthorizationHandler.RecordAskedAsync(db, inquiry, payer, authorization, consents, today, user, now, cancellationToken);

        inquiry.Record(ActivityKind.Authorization,
            $"Authorization request sent to {payer.Name} for {LevelsOfCare.Describe(authorization.Level)}, {authorization.RequestedDays} days from {authorization.AdmissionDate:yyyy-MM-dd} ({RequestAuthorizationHandler.Describe(authorization.Channel)})",
            user.Actor(), now);
        await db.SaveChangesAsync(cancellationToken);
        if (authorization.Channel == AuthorizationChannel.Electronic)
        {
            scheduler.ScheduleAuthorizationSubmission(authorization.Id, now);
        }

        return Unit.Value;
    }
}
