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

/// <summary>What still stands between a policy and an electronic verification, in words a coordinator can act on.</summary>
public static class VerificationReadiness
{
    public static IReadOnlyList<string> Missing(InquiryDetails patient, InsurancePolicy policy, Payer payer, IEnumerable<Part2Consent> consents, DateOnly today)
    {
        var missing = new List<string>();
        if (payer.IsSelfPay)
        {
            missing.Add("Self-pay has no benefits to verify; use the self-pay quote.");
            return missing;
        }

        if (string.IsNullOrWhiteSpace(patient.PatientLastName))
        {
            missing.Add("the patient's last name");
        }

        if (patient.PatientDateOfBirth is null)
        {
            missing.Add("the patient's date of birth");
        }

        if (Disclosures.PaymentConsent(consents, payer.Id, today) is null)
        {
            missing.Add($"a signed Part 2 consent to disclose to {payer.Name} for payment");
        }

        return missing;
    }

    public static string Explain(IReadOnlyList<string> missing) =>
        missing is [var only] && only.EndsWith('.') ? only : $"Before verifying, add {string.Join(", ", missing)}.";
}

/// <summary>Asks the payer about the policy's benefits for the levels of care the patient may need.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.UtilizationReview, Roles.System)]
public sealed record RequestVerification(Guid InquiryId, Guid PolicyId, IReadOnlyList<LevelOfCare> Levels) : ICommand<Guid>;

public sealed class RequestVerificationValidator : AbstractValidator<RequestVerification>
{
    public RequestVerificationValidator()
    {
        RuleFor(c => c.Levels).NotEmpty().WithMessage("Choose at least one level of care to verify.");
        RuleForEach(c => c.Levels).IsInEnum();
    }
}

public sealed class RequestVerificationHandler(
    IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock, IFacilityCalendar calendar, IFollowUpScheduler scheduler)
    : ICommandHandler<RequestVerification, Guid>
{
    public async ValueTask<Guid> Handle(RequestVerification command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var inquiry = await InquiryChanges.LoadAsync(db, command.InquiryId, cancellationToken);
        var policy = await db.InsurancePolicies.FirstOrDefaultAsync(p => p.Id == command.PolicyId && p.InquiryId == command.InquiryId && p.RemovedAt == null, cancellationToken)
            ?? throw new NotFoundException("The policy");
        var payer = await db.Payers.FirstAsync(p => p.Id == policy.PayerId, cancellationToken);
        var consents = await db.Part2Consents.Where(c => c.InquiryId == command.InquiryId).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();

        var missing = VerificationReadiness.Missing(inquiry.Details, policy, payer, consents, (await calendar.ForInquiryAsync(inquiry.Id, cancellationToken)).Today);
        if (missing.Count > 0)
        {
            throw new Domain.Common.DomainRuleException(VerificationReadiness.Explain(missing));
        }

        if (await db.EligibilityChecks.AnyAsync(c => c.PolicyId == policy.Id
                && (c.State == VerificationState.Pending || c.State == VerificationState.NeedsManual || c.State == VerificationState.AwaitingApproval), cancellationToken))
        {
            throw new Domain.Common.DomainRuleException("A verification for this policy is still open (running, waiting for a phone call or for approval). Finish it first.");
        }

        var trace = X12Requests.NewTraceNumber("VOB", now);
        var check = payer.SupportsElectronicVerification
            ? EligibilityCheck.Request(policy, command.Levels, trace, user.Actor(), now)
            : EligibilityCheck.RequestByPhone(policy, command.Levels, trace, $"{payer.Name} cannot be verified electronically. Call the payer.", user.Actor(), now);
        db.EligibilityChecks.Add(check);
        var levels = string.Join(", ", check.Levels.Select(LevelsOfCare.Describe));
        inquiry.Record(ActivityKind.Insurance, $"Verification of benefits requested with {payer.Name} ({levels})", user.Actor(), now);
        if (check.State == VerificationState.NeedsManual)
        {
            // The nightly re-verification runs as the system: its phone calls go to the inquiry's coordinator.
            var (assigneeId, assigneeName) = user.IsInRole(Roles.System) ? (inquiry.AssignedCoordinatorId, inquiry.AssignedCoordinatorName) : (user.Id, user.Name);
            await FollowUpEffects.AddTaskOnceAsync(db, inquiry.Id, FollowUpKind.PhoneVerification,
                $"Phone VOB with {payer.Name} for {inquiry.Number}", PhoneVerificationTask.Key(check.Id),
                assigneeId, assigneeName, TaskPriority.High, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (check.State == VerificationState.Pending)
        {
            scheduler.ScheduleEligibilityCheck(check.Id, now);
        }

        return check.Id;
    }
}

public sealed record VerificationRunOutcome(VerificationState State, string Message);

/// <summary>The one phone-verification task a check gets, whichever way the electronic check failed.</summary>
public static class PhoneVerificationTask
{
    public static string Key(Guid checkId) => $"phone-vob:{checkId:N}";
}

/// <summary>
/// The job behind a verification: records the disclosure, sends the 270, reads the 271, and
/// decides what happens next. Running it again on a finished check changes nothing.
/// </summary>
[RequiresRole(Roles.System)]
public sealed record RunVerification(Guid CheckId) : ICommand<VerificationRunOutcome>;

public sealed partial class RunVerificationHandler(
    IAdmissionsDbContextFactory dbFactory,
    IEligibilityGateway gateway,
    ClearinghouseIdentity identity,
    IStaffDirectory staff,
    IFollowUpScheduler scheduler,
    ILiveNotifier live,
    TimeProvider clock,
    IFacilityCalendar calendar,
    IOptions<InsuranceOptions> options,
    ILogger<RunVerificationHandler> logger)
    : ICommandHandler<RunVerification, VerificationRunOutcome>
{
    public async ValueTask<VerificationRunOutcome> Handle(RunVerification command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var check = await db.EligibilityChecks.FirstOrDefaultAsync(c => c.Id == command.CheckId, cancellationToken);
        if (check is null || check.State != VerificationState.Pending)
        {
            return new(check?.State ?? VerificationState.Failed, "nothing to do");
        }

        var inquiry = await InquiryChanges.LoadAsync(db, check.InquiryId, cancellationToken);
        var policy = await db.InsurancePolicies.FirstAsync(p => p.Id == check.PolicyId, cancellationToken);
        var payer = await db.Payers.FirstAsync(p => p.Id == check.PayerId, cancellationToken);
        var now = clock.GetUtcNow();
        // The payer's idea of the service date is the day where the patient is treated.
        var today = (await calendar.ForInquiryAsync(check.InquiryId, cancellationToken)).Today;
        var consent = await Disclosures.PaymentConsentAsync(db, check.InquiryId, payer.Id, today, cancellationToken);
        if (consent is null || policy.RemovedAt is not null)
        {
            var reason = consent is null ? PayerExchange.NoConsent : "Not sent: the policy was removed.";
            return await FinishAsync(db, check, inquiry, c => c.Fail(null, reason, now), reason, cancellationToken);
        }

        var provider = await identity.ForInquiryAsync(db, inquiry, cancellationToken);
        var request = X12.Write(
            X12Requests.Eligibility(check, policy, payer, inquiry.Details, provider, today),
            X12Requests.Envelope(provider, now));
        var exchange = new X12Exchange { InquiryId = check.InquiryId, SubjectId = check.Id, TransactionType = "270", SentAt = now, Request = request };

        async Task RecordDisclosureAsync()
        {
            await Disclosures.RecordAsync(db, check.InquiryId, consent, payer.Name,
                "Eligibility inquiry (X12 270): patient and subscriber name, date of birth, sex, member ID; service types "
                    + string.Join(", ", check.Levels.Select(level => payer.ServiceTypeFor(level, X12Requests.Track(inquiry.Details))).Distinct()),
                "Clearinghouse, X12 270", check.TraceNumber, check.RequestedById, check.RequestedByName, now, cancellationToken);
            check.RecordAttempt(now);
        }

        var answer = await PayerExchange.SendAsync(db, exchange, RecordDisclosureAsync, gateway.CheckEligibilityAsync, clock, cancellationToken);
        if (answer.Response is not { } response)
        {
            LogUnavailable(logger, check.Id, answer.Unavailable!);
            return await RetryOrGiveUpAsync(db, check, inquiry, "clearinghouse", answer.Unavailable!, cancellationToken);
        }

        VerificationOutcome outcome;
        try
        {
            outcome = BenefitsReader.Read(X12.Read(response), check.TraceNumber, payer, check.Levels, X12Requests.Track(inquiry.Details));
        }
        catch (X12ParseException ex)
        {
            outcome = new(VerificationOutcomeKind.PhoneVerificationNeeded, null, null, $"The payer's response could not be read ({ex.Reason}). Call the payer to verify.");
        }

        return outcome.Kind switch
        {
            VerificationOutcomeKind.Verified => await FinishAsync(db, check, inquiry, c => c.Complete(outcome.Result!, now),
                $"Verification completed: {Summary(outcome.Result!)}", cancellationToken),
            VerificationOutcomeKind.PhoneVerificationNeeded => await PhoneAsync(db, check, inquiry, outcome, cancellationToken),
            VerificationOutcomeKind.RetryLater => await RetryOrGiveUpAsync(db, check, inquiry, outcome.Code!, outcome.Message, cancellationToken),
            VerificationOutcomeKind.CorrectData => await CorrectionAsync(db, check, inquiry, outcome, cancellationToken),
            _ => await ConfigurationProblemAsync(db, check, inquiry, outcome, cancellationToken),
        };
    }

    private static string Summary(VerificationResult result) =>
        result.CoverageActive ? $"coverage active{(result.PlanName is null ? "" : $", {result.PlanName}")}" : "coverage not active";

    private async Task<VerificationRunOutcome> RetryOrGiveUpAsync(
        IAdmissionsDbContext db, EligibilityCheck check, Inquiry inquiry, string code, string problem, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var delays = options.Value.RetryDelays;
        if (check.Attempts <= delays.Count)
        {
            var runAt = now + delays[check.Attempts - 1];
            check.RetryAt(runAt, code, problem);
            await db.SaveChangesAsync(cancellationToken);
            scheduler.ScheduleEligibilityCheck(check.Id, runAt);
            return new(check.State, $"retry at {runAt:O}");
        }

        var message = $"{problem} Gave up after {check.Attempts} attempts; verify by phone.";
        await FollowUpEffects.AddTaskOnceAsync(db, check.InquiryId, FollowUpKind.PhoneVerification,
            $"Phone VOB with {check.PayerName} for {inquiry.Number}: payer not answering", PhoneVerificationTask.Key(check.Id),
            inquiry.AssignedCoordinatorId ?? check.RequestedById, inquiry.AssignedCoordinatorName ?? check.RequestedByName, TaskPriority.High, now, cancellationToken);
        return await FinishAsync(db, check, inquiry, c => c.Fail(code, message, now), $"Verification failed: {problem}", cancellationToken);
    }

    private async Task<VerificationRunOutcome> PhoneAsync(
        IAdmissionsDbContext db, EligibilityCheck check, Inquiry inquiry, VerificationOutcome outcome, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await FollowUpEffects.AddTaskOnceAsync(db, check.InquiryId, FollowUpKind.PhoneVerification,
            $"Phone VOB with {outcome.Result?.CarveOutName ?? check.PayerName} for {inquiry.Number}", PhoneVerificationTask.Key(check.Id),
            inquiry.AssignedCoordinatorId ?? check.RequestedById, inquiry.AssignedCoordinatorName ?? check.RequestedByName, TaskPriority.High, now, cancellationToken);
        return await FinishAsync(db, check, inquiry, c => c.NeedPhoneVerification(outcome.Result, outcome.Message),
            $"Verification needs a phone call: {outcome.Message}", cancellationToken);
    }

    private async Task<VerificationRunOutcome> CorrectionAsync(
        IAdmissionsDbContext db, EligibilityCheck check, Inquiry inquiry, VerificationOutcome outcome, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await FollowUpEffects.AddTaskOnceAsync(db, check.InquiryId, FollowUpKind.InsuranceCorrection,
            $"Correct insurance details for {inquiry.Number}: {BenefitsReader.Describe(outcome.Code)}", InsuranceCorrections.TaskKey(check.Id),
            inquiry.AssignedCoordinatorId ?? check.RequestedById, inquiry.AssignedCoordinatorName ?? check.RequestedByName, TaskPriority.High, now, cancellationToken);
        return await FinishAsync(db, check, inquiry, c => c.Fail(outcome.Code, outcome.Message, now),
            $"Verification rejected by {check.PayerName}: {BenefitsReader.Describe(outcome.Code)}", cancellationToken);
    }

    private async Task<VerificationRunOutcome> ConfigurationProblemAsync(
        IAdmissionsDbContext db, EligibilityCheck check, Inquiry inquiry, VerificationOutcome outcome, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var admins = await staff.UserIdsInRoleAsync(Roles.Admin, cancellationToken);
        await FollowUpEffects.NotifyOnceAsync(db, admins, $"Clearinghouse set-up problem with {check.PayerName}",
            outcome.Message, $"/inquiries/{check.InquiryId}", $"vob-config:{check.Id:N}", now, cancellationToken);
        await FollowUpEffects.AddTaskOnceAsync(db, check.InquiryId, FollowUpKind.PhoneVerification,
            $"Phone VOB with {check.PayerName} for {inquiry.Number}: electronic verification not possible", PhoneVerificationTask.Key(check.Id),
            inquiry.AssignedCoordinatorId ?? check.RequestedById, inquiry.AssignedCoordinatorName ?? check.RequestedByName, TaskPriority.High, now, cancellationToken);
        var result = await FinishAsync(db, check, inquiry, c => c.Fail(outcome.Code, outcome.Message, now),
            $"Verification failed: {outcome.Message}", cancellationToken);
        live.NotificationsChanged(admins);
        return result;
    }

    private async Task<VerificationRunOutcome> FinishAsync(
        IAdmissionsDbContext db, EligibilityCheck check, Inquiry inquiry, Action<EligibilityCheck> finish, string timeline, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        finish(check);
        inquiry.Record(ActivityKind.Insurance, timeline, Domain.Common.Actor.System, now);
        if (check.State == VerificationState.Completed)
        {
            await InsuranceCorrections.CloseAnsweredAsync(db, check, inquiry, now, cancellationToken);
        }

        await FollowUpEffects.NotifyOnceAsync(db, [check.RequestedById], $"Verification result for {inquiry.Number}",
            $"{check.PayerName}: {EligibilityCheck.Describe(check.State).ToLowerInvariant()}.", $"/inquiries/{check.InquiryId}",
            $"vob:{check.Id:N}:{check.State}", now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        live.NotificationsChanged([check.RequestedById]);
        return new(check.State, timeline);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Eligibility check {CheckId}: clearinghouse unavailable ({Problem})")]
    private static partial void LogUnavailable(ILogger logger, Guid checkId, string problem);
}
