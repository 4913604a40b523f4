using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Domain.Care;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Admissions.Domain.Security;
using Admissions.Edi;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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
    IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock, IFacilityCalendar calendar, IFollowUpScheduler scheduler, ILiveNotifier live)
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
        var consents = await db.Part2Consents.Where(c => c.InquiryId == command.InquiryId).ToListAsync(cancellationToken);
        var today = (await calendar.ForInquiryAsync(inquiry.Id, cancellationToken)).Today;
        var missing = VerificationReadiness.Missing(inquiry.Details, policy, payer, consents, today);
        if (missing.Count > 0)
        {
            throw new Domain.Common.DomainRuleException(VerificationReadiness.Explain(missing).Replace("verifying", "requesting authorization", StringComparison.Ordinal));
        }

        var now = clock.GetUtcNow();
        var track = CareTracks.ForDiagnoses(X12Requests.Diagnoses(form.Diagnoses!));
        var authorization = PriorAuthorization.Request(policy, form.Level, payer.ServiceTypeFor(form.Level, track), form.AdmissionDate!.Value,
            form.RequestedDays, X12Requests.DisplayDiagnoses(form.Diagnoses!), form.Channel,
            X12Requests.NewTraceNumber("UM", now), user.Actor(), now);
        db.PriorAuthorizations.Add(authorization);
        if (form.Channel != AuthorizationChannel.Electronic)
        {
            // Readiness above guarantees the consent exists.
            await Disclosures.RecordAsync(db, inquiry.Id, Disclosures.PaymentConsent(consents, payer.Id, today)!, payer.Name, SubmitAuthorizationHandler.Disclosed(authorization),
                form.Channel == AuthorizationChannel.Portal ? "Payer portal" : "Phone call with payer", authorization.TraceNumber, user.Id, user.Name, now, cancellationToken);
        }

        inquiry.Record(ActivityKind.Authorization,
            $"Authorization requested from {payer.Name} for {LevelsOfCare.Describe(form.Level)}, {form.RequestedDays} days from {form.AdmissionDate:yyyy-MM-dd} ({Describe(form.Channel)})",
            user.Actor(), now);
        await db.SaveChangesAsync(cancellationToken);
        if (form.Channel == AuthorizationChannel.Electronic)
        {
            scheduler.ScheduleAuthorizationSubmission(authorization.Id, now);
        }

        live.InquiryChanged(inquiry.Id);
        return authorization.Id;
    }

    public static string Describe(AuthorizationChannel channel) => channel switch
    {
        AuthorizationChannel.Electronic => "electronic 278",
        AuthorizationChannel.Portal => "payer portal",
        _ => "phone",
    };
}

public sealed record AuthorizationRunOutcome(AuthorizationStatus Status, string Message);

/// <summary>
/// The job behind an electronic authorization: sends the 278 request once and records the decision. A pended one is
/// never sent again: where the payer takes 278 inquiries the job asks its status (X215), otherwise utilization review
/// gets a task naming what the payer asked for. A decided authorization is left alone.
/// </summary>
[RequiresRole(Roles.System)]
public sealed record SubmitAuthorization(Guid AuthorizationId) : ICommand<AuthorizationRunOutcome>;

public sealed partial class SubmitAuthorizationHandler(
    IAdmissionsDbContextFactory dbFactory,
    IEligibilityGateway gateway,
    ClearinghouseIdentity identity,
    IFollowUpScheduler scheduler,
    ILiveNotifier live,
    TimeProvider clock,
    IFacilityCalendar calendar,
    IOptions<InsuranceOptions> options,
    ILogger<SubmitAuthorizationHandler> logger)
    : ICommandHandler<SubmitAuthorization, AuthorizationRunOutcome>
{
    public async ValueTask<AuthorizationRunOutcome> Handle(SubmitAuthorization command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var authorization = await db.PriorAuthorizations.FirstOrDefaultAsync(a => a.Id == command.AuthorizationId, cancellationToken);
        if (authorization is null || authorization.IsDecided || authorization.Channel != AuthorizationChannel.Electronic)
        {
            return new(authorization?.Status ?? AuthorizationStatus.Cancelled, "nothing to do");
        }

        var inquiry = await InquiryChanges.LoadAsync(db, authorization.InquiryId, cancellationToken);
        var policy = await db.InsurancePolicies.FirstAsync(p => p.Id == authorization.PolicyId, cancellationToken);
        var payer = await db.Payers.FirstAsync(p => p.Id == authorization.PayerId, cancellationToken);
        var now = clock.GetUtcNow();
        var today = (await calendar.ForInquiryAsync(authorization.InquiryId, cancellationToken)).Today;
        var consent = await Disclosures.PaymentConsentAsync(db, authorization.InquiryId, payer.Id, today, cancellationToken);
        if (consent is null)
        {
            const string Problem = "Not sent: there is no active Part 2 consent covering this payer (it may have been revoked or expired).";
            authorization.ReportProblem(Problem);
            inquiry.Record(ActivityKind.Authorization, $"Authorization request to {payer.Name} not sent: no active consent", Domain.Common.Actor.System, now);
            await db.SaveChangesAsync(cancellationToken);
            live.InquiryChanged(inquiry.Id);
            return new(authorization.Status, Problem);
        }

        // A pended request is followed up by asking its status, never by sending the clinical request again.
        var statusInquiry = authorization.Status == AuthorizationStatus.Pended;
        if (statusInquiry && !payer.SupportsReviewInquiry)
        {
            return new(authorization.Status, "pended: followed up by utilization review");
        }

        var request = X12.Write(X12Requests.Review(authorization, policy, payer, inquiry.Details, identity, statusInquiry), X12Requests.Envelope(identity, now));
        await Disclosures.MarkInterruptedAttemptsAsync(db, authorization.Id, cancellationToken);
        var exchange = new X12Exchange
        {
            InquiryId = authorization.InquiryId,
            SubjectId = authorization.Id,
            TransactionType = statusInquiry ? "278 inquiry" : "278",
            SentAt = now,
            Request = request,
        };
        db.X12Exchanges.Add(exchange);
        // On the ledger before it leaves (42 CFR 2.24): a crash after sending must not leave a disclosure unaccounted for.
        // A status inquiry discloses less than the request it asks about, so it is a line of its own, not a re-send.
        if (statusInquiry)
        {
            Disclosures.Record(db, authorization.InquiryId, consent, payer.Name, StatusInquiryDisclosed(authorization),
                "Clearinghouse, X12 278 inquiry", authorization.TraceNumber, authorization.RequestedById, authorization.RequestedByName, now);
        }
        else
        {
            await Disclosures.RecordAsync(db, authorization.InquiryId, consent, payer.Name, Disclosed(authorization),
                "Clearinghouse, X12 278", authorization.TraceNumber, authorization.RequestedById, authorization.RequestedByName, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);

        string response;
        try
        {
            response = await gateway.RequestReviewAsync(request, cancellationToken);
        }
        catch (ClearinghouseUnavailableException ex)
        {
            LogUnavailable(logger, authorization.Id, ex.Message);
            exchange.NoAnswer = $"The clearinghouse did not answer: {ex.Message}";
            return await RecheckLaterAsync(db, authorization, inquiry, $"The clearinghouse did not answer: {ex.Message}", cancellationToken);
        }

        exchange.Response = response;
        exchange.ReceivedAt = clock.GetUtcNow();
        ServiceReviewDecision? decision;
        RequestError? rejected;
        try
        {
            var reviews = X12.Read(response).Transactions.OfType<ServiceReviewResponse>().ToList();
            decision = reviews
                .SelectMany(r => r.Decisions)
                .FirstOrDefault(d => d.TraceNumbers.Contains(authorization.TraceNumber) || d.Level == "EV");
            // A payer that rejects the UMO, requester or member (AAA before 2000E) sends no decision at all.
            rejected = reviews
                .SelectMany(r => r.ReviewOrganization.Errors.Concat(r.Requester.Errors).Concat(r.Subscriber?.Errors ?? []).Concat(r.Dependent?.Errors ?? []))
                .FirstOrDefault(e => e.Code is not null);
        }
        catch (X12ParseException ex)
        {
            return await RecheckLaterAsync(db, authorization, inquiry, $"The payer's response could not be read ({ex.Reason}).", cancellationToken);
        }

        var eventError = decision?.Errors.FirstOrDefault(e => e.Code is not null);
        if (decision is null || (eventError is not null && decision.ActionCode is null))
        {
            var problem = (eventError ?? rejected) is { } reject
                ? BenefitsReader.Describe(reject.Code)
                : "The payer's response carried no decision.";
            authorization.ReportProblem(problem + " Correct the details or follow up with the payer.");
            await FollowUpEffects.AddTaskOnceAsync(db, inquiry.Id, FollowUpKind.AuthorizationReview,
                $"Authorization for {inquiry.Number} rejected by {payer.Name}: {problem}", $"auth-problem:{authorization.Id:N}",
                authorization.RequestedById, authorization.RequestedByName, TaskPriority.High, now, cancellationToken);
            inquiry.Record(ActivityKind.Authorization, $"Authorization request rejected by {payer.Name}: {problem}", Domain.Common.Actor.System, now);
            await db.SaveChangesAsync(cancellationToken);
            live.InquiryChanged(inquiry.Id);
            return new(authorization.Status, problem);
        }

        var recorded = AuthorizationDecisions.FromX12(decision, authorization);
        authorization.RecordDecision(recorded, now);
        inquiry.Record(ActivityKind.Authorization,
            $"{payer.Name}: {PriorAuthorization.Describe(authorization.Status).ToLowerInvariant()}{(authorization.CertificationNumber is null ? "" : $" ({authorization.CertificationNumber})")}",
            Domain.Common.Actor.System, now);
        if (authorization.Status == AuthorizationStatus.Pended)
        {
            await PendedTaskAsync(db, authorization, inquiry, payer, now, cancellationToken);
            if (payer.SupportsReviewInquiry)
            {
                return await RecheckLaterAsync(db, authorization, inquiry, null, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            live.InquiryChanged(inquiry.Id);
            return new(authorization.Status, "pended: followed up by utilization review");
        }

        await db.SaveChangesAsync(cancellationToken);
        live.InquiryChanged(inquiry.Id);
        return new(authorization.Status, "decided");
    }

    private async Task<AuthorizationRunOutcome> RecheckLaterAsync(
        IAdmissionsDbContext db, PriorAuthorization authorization, Inquiry inquiry, string? problem, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (authorization.Rechecks >= options.Value.MaxAuthorizationRechecks)
        {
            authorization.ReportProblem((problem ?? "Still pended.") + " Stopped re-checking; follow up with the payer.");
            await FollowUpEffects.AddTaskOnceAsync(db, inquiry.Id, FollowUpKind.AuthorizationReview,
                $"Follow up with {authorization.PayerName} on the authorization for {inquiry.Number}", $"auth-followup:{authorization.Id:N}",
                authorization.RequestedById, authorization.RequestedByName, TaskPriority.High, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            live.InquiryChanged(inquiry.Id);
            return new(authorization.Status, "gave up re-checking");
        }

        var runAt = now + options.Value.PendedRecheckDelay;
        authorization.RecheckAt(runAt, problem);
        await db.SaveChangesAsync(cancellationToken);
        scheduler.ScheduleAuthorizationSubmission(authorization.Id, runAt);
        live.InquiryChanged(inquiry.Id);
        return new(authorization.Status, $"re-check at {runAt:O}");
    }

    /// <summary>
    /// Utilization review's task for a pended request, naming what the payer asked for (HCR03) and how to answer it:
    /// the 278 inquiry only asks the status, the clinical information goes by the payer's portal, fax or a call.
    /// </summary>
    private static async Task PendedTaskAsync(
        IAdmissionsDbContext db, PriorAuthorization authorization, Inquiry inquiry, Payer payer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var asked = AuthorizationDecisions.DescribeReason(authorization.ReasonCode) ?? "the payer gave no reason";
        var how = payer.SupportsReviewInquiry
            ? "Send it by portal or fax; re-checked by 278 inquiry."
            : "Send it by portal, fax or phone; this payer takes no 278 inquiries.";
        // A task title is at most 200 characters; the payer's portal and phone notes are in the payer directory.
        var title = $"{payer.Name} pended the {LevelsOfCare.Describe(authorization.Level)} authorization for {inquiry.Number}: {asked}. {how}";
        await FollowUpEffects.AddTaskOnceAsync(db, inquiry.Id, FollowUpKind.AuthorizationReview,
            title.Length <= 200 ? title : string.Concat(title.AsSpan(0, 199), "…"),
            $"auth-pended:{authorization.Id:N}", authorization.RequestedById, authorization.RequestedByName, TaskPriority.High, now, cancellationToken);
    }

    private static string StatusInquiryDisclosed(PriorAuthorization authorization) =>
        $"Authorization status inquiry: patient and subscriber name, date of birth, member ID; {LevelsOfCare.Describe(authorization.Level)} from {authorization.AdmissionDate:yyyy-MM-dd}"
        + (authorization.CertificationNumber is null ? "" : $"; payer reference {authorization.CertificationNumber}");

    public static string Disclosed(PriorAuthorization authorization) =>
        $"Prior authorization request: patient and subscriber name, date of birth, member ID; {LevelsOfCare.Describe(authorization.Level)} from {authorization.AdmissionDate:yyyy-MM-dd} for {authorization.RequestedDays} days; diagnoses {authorization.Diagnoses}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Authorization {AuthorizationId}: clearinghouse unavailable ({Problem})")]
    private static partial void LogUnavailable(ILogger logger, Guid authorizationId, string problem);
}

public static class AuthorizationDecisions
{
    /// <summary>HCR01 action codes (X12 306) as utilization review speaks of them.</summary>
    public static AuthorizationStatus StatusFor(string? actionCode) => actionCode switch
    {
        "A1" => AuthorizationStatus.Certified,
        "A2" or "A6" => AuthorizationStatus.Partial,
        "A3" => AuthorizationStatus.Denied,
        "A4" => AuthorizationStatus.Pended,
        "C" => AuthorizationStatus.Cancelled,
        _ => AuthorizationStatus.Pended,
    };

    public static AuthorizationDecision FromX12(ServiceReviewDecision decision, PriorAuthorization authorization)
    {
        var status = StatusFor(decision.ActionCode);
        var days = decision.Quantity is { } quantity ? (int)Math.Round(quantity) : (int?)null;
        var from = decision.CertifiedBegin ?? (status is AuthorizationStatus.Certified or AuthorizationStatus.Partial ? authorization.AdmissionDate : null);
        var to = decision.CertifiedEnd ?? (from is { } start && days is { } d ? start.AddDays(d - 1) : null);
        return new AuthorizationDecision(
            status,
            decision.CertificationNumber,
            days ?? (to is { } end && from is { } begin ? end.DayNumber - begin.DayNumber + 1 : null),
            from,
            to,
            null,
            decision.ReasonCode,
            status == AuthorizationStatus.Denied ? DescribeReason(decision.ReasonCode) : null);
    }

    /// <summary>Common HCR03 reasons (X12 code list 886) for denials and pends.</summary>
    public static string? DescribeReason(string? code) => code switch
    {
        null => null,
        "0U" => "Additional patient information required",
        "0V" => "Requires medical review",
        "33" => "Services not medically necessary",
        "35" => "Out of network",
        "AA" => "Authorization/access restrictions",
        _ => $"Payer reason code {code}",
    };
}

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

public sealed class RecordAuthorizationDecisionHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, ILiveNotifier live, TimeProvider clock)
    : ICommandHandler<RecordAuthorizationDecision, Unit>
{
    public async ValueTask<Unit> Handle(RecordAuthorizationDecision command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var authorization = await db.PriorAuthorizations.FirstOrDefaultAsync(a => a.Id == command.AuthorizationId, cancellationToken)
            ?? throw new NotFoundException("The authorization");
        var inquiry = await InquiryChanges.LoadAsync(db, authorization.InquiryId, cancellationToken);
        var form = command.Form;
        var now = clock.GetUtcNow();
        authorization.RecordDecision(new AuthorizationDecision(form.Status, form.CertificationNumber, form.ApprovedDays, form.ApprovedFrom,
            form.ApprovedTo, form.NextReviewOn, null, form.DenialReason), now);
        inquiry.Record(ActivityKind.Authorization,
            $"{authorization.PayerName}: {PriorAuthorization.Describe(authorization.Status).ToLowerInvariant()} (entered by hand)", user.Actor(), now);
        await db.SaveChangesAsync(cancellationToken);
        live.InquiryChanged(inquiry.Id);
        return Unit.Value;
    }
}

[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.UtilizationReview)]
public sealed record AddAuthorizationNote(Guid AuthorizationId, AuthorizationNoteKind Kind, string Text) : ICommand<Unit>;

public sealed class AddAuthorizationNoteValidator : AbstractValidator<AddAuthorizationNote>
{
    public AddAuthorizationNoteValidator()
    {
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.Text).NotEmpty().WithMessage("Write the note.").MaximumLength(2000);
    }
}

public sealed class AddAuthorizationNoteHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, ILiveNotifier live, TimeProvider clock)
    : ICommandHandler<AddAuthorizationNote, Unit>
{
    public async ValueTask<Unit> Handle(AddAuthorizationNote command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var authorization = await db.PriorAuthorizations.FirstOrDefaultAsync(a => a.Id == command.AuthorizationId, cancellationToken)
            ?? throw new NotFoundException("The authorization");
        authorization.AddNote(command.Kind, command.Text, user.Actor(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        live.InquiryChanged(authorization.InquiryId);
        return Unit.Value;
    }
}

[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.UtilizationReview)]
public sealed record CancelAuthorization(Guid AuthorizationId, string Reason) : ICommand<Unit>;

public sealed class CancelAuthorizationValidator : AbstractValidator<CancelAuthorization>
{
    public CancelAuthorizationValidator() => RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the request is cancelled.").MaximumLength(500);
}

public sealed class CancelAuthorizationHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, ILiveNotifier live, TimeProvider clock)
    : ICommandHandler<CancelAuthorization, Unit>
{
    public async ValueTask<Unit> Handle(CancelAuthorization command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var authorization = await db.PriorAuthorizations.FirstOrDefaultAsync(a => a.Id == command.AuthorizationId, cancellationToken)
            ?? throw new NotFoundException("The authorization");
        var inquiry = await InquiryChanges.LoadAsync(db, authorization.InquiryId, cancellationToken);
        var now = clock.GetUtcNow();
        authorization.Cancel(command.Reason.Trim(), user.Actor(), now);
        inquiry.Record(ActivityKind.Authorization, $"Authorization request to {authorization.PayerName} cancelled", user.Actor(), now, command.Reason);
        await db.SaveChangesAsync(cancellationToken);
        live.InquiryChanged(inquiry.Id);
        return Unit.Value;
    }
}

public sealed record AuthorizationQueueItem(
    Guid AuthorizationId, Guid InquiryId, string InquiryNumber, string PatientName, string PayerName, LevelOfCare Level,
    AuthorizationStatus Status, AuthorizationChannel Channel, DateOnly AdmissionDate, int RequestedDays, int? ApprovedDays,
    DateOnly? ApprovedFrom, DateOnly? ApprovedTo, DateOnly? NextReviewOn, string? CertificationNumber, string? Problem,
    DateTimeOffset RequestedAt);

/// <summary>Utilization review's list: open and decided authorizations, soonest review first.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.UtilizationReview)]
public sealed record ListAuthorizations(IReadOnlyList<AuthorizationStatus> Statuses, bool ReviewDueOnly, int Page = 0, int PageSize = 25)
    : IQuery<PagedResult<AuthorizationQueueItem>>, IAuditedRead
{
    public string AuditEntityType => "AuthorizationQueue";
    public string AuditEntityId => $"page {Page}";
    public string AuditDetails => $"statuses {(Statuses.Count == 0 ? "all" : string.Join(", ", Statuses))}{(ReviewDueOnly ? "; review due only" : "")}";
}

public sealed class ListAuthorizationsValidator : AbstractValidator<ListAuthorizations>
{
    public ListAuthorizationsValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(0);
        RuleFor(q => q.PageSize).InclusiveBetween(1, 100);
        RuleForEach(q => q.Statuses).IsInEnum();
    }
}

public sealed class ListAuthorizationsHandler(IAdmissionsDbContextFactory dbFactory, IFacilityCalendar calendar)
    : IQueryHandler<ListAuthorizations, PagedResult<AuthorizationQueueItem>>
{
    public async ValueTask<PagedResult<AuthorizationQueueItem>> Handle(ListAuthorizations query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var rows = from a in db.PriorAuthorizations.AsNoTracking()
                   join i in db.Inquiries.AsNoTracking() on a.InquiryId equals i.Id
                   select new { Authorization = a, Inquiry = i };
        if (query.Statuses.Count > 0)
        {
            rows = rows.Where(r => query.Statuses.Contains(r.Authorization.Status));
        }

        if (query.ReviewDueOnly)
        {
            var soon = calendar.Organisation.Today.AddDays(2);
            rows = rows.Where(r => r.Authorization.NextReviewOn != null && r.Authorization.NextReviewOn <= soon);
        }

        var total = await rows.CountAsync(cancellationToken);
        var page = await rows
            .OrderBy(r => r.Authorization.NextReviewOn == null)
            .ThenBy(r => r.Authorization.NextReviewOn)
            .ThenByDescending(r => r.Authorization.RequestedAt)
            .Skip(query.Page * query.PageSize)
            .Take(query.PageSize)
            .Select(r => new AuthorizationQueueItem(
                r.Authorization.Id, r.Inquiry.Id, r.Inquiry.Number, r.Inquiry.Details.PatientFirstName + " " + r.Inquiry.Details.PatientLastName,
                r.Authorization.PayerName, r.Authorization.Level, r.Authorization.Status, r.Authorization.Channel, r.Authorization.AdmissionDate,
                r.Authorization.RequestedDays, r.Authorization.ApprovedDays, r.Authorization.ApprovedFrom, r.Authorization.ApprovedTo,
                r.Authorization.NextReviewOn, r.Authorization.CertificationNumber, r.Authorization.Problem, r.Authorization.RequestedAt))
            .ToListAsync(cancellationToken);
        return new PagedResult<AuthorizationQueueItem>(page, total);
    }
}
