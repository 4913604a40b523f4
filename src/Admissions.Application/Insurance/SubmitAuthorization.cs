using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Domain.Care;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Admissions.Domain.Security;
using Admissions.Edi;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Admissions.Application.Insurance;

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
        if (authorization is null || authorization.IsDecided || authorization.Channel != AuthorizationChannel.Electronic || authorization.AwaitingSubmission)
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
            authorization.ReportProblem(PayerExchange.NoConsent);
            inquiry.Record(ActivityKind.Authorization, $"Authorization request to {payer.Name} not sent: no active consent", Domain.Common.Actor.System, now);
            await db.SaveChangesAsync(cancellationToken);
            return new(authorization.Status, PayerExchange.NoConsent);
        }

        // A pended request is followed up by asking its status, never by sending the clinical request again.
        var statusInquiry = authorization.Status == AuthorizationStatus.Pended;
        if (statusInquiry && !payer.SupportsReviewInquiry)
        {
            return new(authorization.Status, "pended: followed up by utilization review");
        }

        var provider = await identity.ForInquiryAsync(db, inquiry, cancellationToken);
        var request = X12.Write(X12Requests.Review(authorization, policy, payer, inquiry.Details, provider, statusInquiry), X12Requests.Envelope(provider, now));
        var exchange = new X12Exchange
        {
            InquiryId = authorization.InquiryId,
            SubjectId = authorization.Id,
            TransactionType = statusInquiry ? "278 inquiry" : "278",
            SentAt = now,
            Request = request,
        };

        // A status inquiry discloses less than the request it asks about, so it is a ledger line of its own, not a re-send.
        async Task RecordDisclosureAsync()
        {
            if (statusInquiry)
            {
                Disclosures.Record(db, authorization.InquiryId, consent, payer.Name, StatusInquiryDisclosed(authorization),
                    "Clearinghouse, X12 278 inquiry", authorization.TraceNumber, authorization.RequestedById, authorization.RequestedByName, now);
                return;
            }

            await Disclosures.RecordAsync(db, authorization.InquiryId, consent, payer.Name, Disclosed(authorization),
                "Clearinghouse, X12 278", authorization.TraceNumber, authorization.RequestedById, authorization.RequestedByName, now, cancellationToken);
        }

        var answer = await PayerExchange.SendAsync(db, exchange, RecordDisclosureAsync, gateway.RequestReviewAsync, clock, cancellationToken);
        if (answer.Response is not { } response)
        {
            LogUnavailable(logger, authorization.Id, answer.Unavailable!);
            return await RecheckLaterAsync(db, authorization, inquiry, exchange.NoAnswer, cancellationToken);
        }

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
            return new(authorization.Status, problem);
        }

        var recorded = AuthorizationDecisions.FromX12(decision, authorization);
        authorization.RecordDecision(recorded, Domain.Common.Actor.System, now);
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
            return new(authorization.Status, "pended: followed up by utilization review");
        }

        await db.SaveChangesAsync(cancellationToken);
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
            return new(authorization.Status, "gave up re-checking");
        }

        var runAt = now + options.Value.PendedRecheckDelay;
        authorization.RecheckAt(runAt, problem);
        await db.SaveChangesAsync(cancellationToken);
        scheduler.ScheduleAuthorizationSubmission(authorization.Id, runAt);
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
        // The payer's portal and phone notes are in the payer directory; a long reason is cut by the task's title rule.
        var title = $"{payer.Name} pended the {LevelsOfCare.Describe(authorization.Level)} authorization for {inquiry.Number}: {asked}. {how}";
        await FollowUpEffects.AddTaskOnceAsync(db, inquiry.Id, FollowUpKind.AuthorizationReview,
            title,
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
