using Admissions.Application.Common;
using Admissions.Domain.Care;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Admissions.Domain.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Admissions.Application.Insurance;

public sealed record PolicyView(
    Guid Id, PolicyRank Rank, Guid PayerId, string PayerName, PayerKind PayerKind, string MemberId, string? GroupNumber,
    SubscriberRelationship Relationship, string? SubscriberFirstName, string? SubscriberLastName, DateOnly? SubscriberDateOfBirth,
    Sex? SubscriberSex, bool ElectronicVerification, string? BehavioralCarveOut, IReadOnlyList<string> MissingForVerification);

public sealed record ConsentView(
    Guid Id, string RecipientNames, DisclosurePurpose Purposes, string Information, DateOnly? ExpiresOn, string? ExpiryEvent,
    string? SignedName, DateTimeOffset? SignedAt, string CapturedByName, DateTimeOffset? RevokedAt, string? RevokedByName, bool IsActive,
    bool ExpiresToday)
{
    public ConsentKind Kind { get; init; }
    public DateTimeOffset PreparedAt { get; init; }
    public bool IsAwaitingSignature { get; init; }

    /// <summary>"signed “Alex Lopez” electronically", "verbal consent taken by Sam Reed", or "awaiting the patient's signature".</summary>
    public string Signature { get; init; } = "";

    /// <summary>Awaiting signature: where the newest link went, and until when it works.</summary>
    public string? LinkSentTo { get; init; }
    public DateTimeOffset? LinkExpiresAt { get; init; }
}

/// <summary>A level's benefits with what a stay would cost the patient; no estimate when the payer gave no figures.</summary>
public sealed record LevelEstimate(LevelBenefits Benefits, decimal DailyRate, int Length, StayEstimate? Estimate);

public sealed record VerificationView(
    Guid Id, Guid PolicyId, string PayerName, VerificationMethod Method, VerificationState State, IReadOnlyList<LevelOfCare> Levels,
    DateTimeOffset RequestedAt, string RequestedByName, int Attempts, DateTimeOffset? NextAttemptAt, DateTimeOffset? CompletedAt,
    string? ProblemCode, string? Problem, VerificationResult? Result, IReadOnlyList<LevelEstimate> Estimates,
    string? PayerRepName, string? CallReference, string? EnteredByName, string? ApprovedByName, DateTimeOffset? ApprovedAt)
{
    /// <summary>The covered levels as one episode (detox, then residential…): one deductible and out-of-pocket maximum; null with fewer than two levels.</summary>
    public EpisodeEstimate? Episode { get; init; }
}

public sealed record AuthorizationView(
    Guid Id, Guid PolicyId, string PayerName, LevelOfCare Level, AuthorizationStatus Status, AuthorizationChannel Channel,
    DateOnly AdmissionDate, int RequestedDays, string Diagnoses, string? CertificationNumber, int? ApprovedDays, DateOnly? ApprovedFrom,
    DateOnly? ApprovedTo, DateOnly? NextReviewOn, string? ReasonCode, string? DenialReason, string? Problem, DateTimeOffset RequestedAt,
    string RequestedByName, DateTimeOffset? DecidedAt, DateTimeOffset? NextRecheckAt, IReadOnlyList<AuthorizationNote> Notes)
{
    /// <summary>Opened at a step-down and not sent to the payer yet: utilization review sends it.</summary>
    public bool AwaitingSubmission { get; init; }

    /// <summary>The day the stay it covers ended (discharge or step-down).</summary>
    public DateOnly? StayEndedOn { get; init; }

    /// <summary>What the payer asked for when it pended the request.</summary>
    public string? PendedReason { get; init; }

    /// <summary>Every decision, concurrent review and extension, oldest first.</summary>
    public IReadOnlyList<AuthorizationReview> Reviews { get; init; } = [];

    /// <summary>Days used and left on the facility calendar's today; null until days are approved.</summary>
    public CoverageDays? Coverage { get; init; }

    /// <summary>The active single case agreement, if the out-of-network payer signed one.</summary>
    public SingleCaseAgreementView? Agreement { get; init; }

    /// <summary>Agreements withdrawn from this authorization, newest first.</summary>
    public IReadOnlyList<SingleCaseAgreementView> WithdrawnAgreements { get; init; } = [];

    /// <summary>In network with the payer for this level (a single case agreement is only for out-of-network payers).</summary>
    public bool InNetwork { get; init; }
}

public sealed record SelfPayQuote(LevelOfCare Level, decimal DailyRate, int Length, StayEstimate Estimate);

public sealed record InsuranceOverview(
    Guid InquiryId, string InquiryNumber, IReadOnlyList<PolicyView> Policies, IReadOnlyList<ConsentView> Consents,
    IReadOnlyList<VerificationView> Verifications, IReadOnlyList<AuthorizationView> Authorizations, IReadOnlyList<SelfPayQuote> SelfPayQuotes,
    int DisclosureCount, LevelSuggestion SuggestedLevels)
{
    public IReadOnlyList<GoodFaithEstimateView> GoodFaithEstimates { get; init; } = [];
}

/// <summary>The insurance side of an inquiry: policies, consent, verifications with estimates, authorizations.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview)]
public sealed record GetInsurance(Guid InquiryId) : IQuery<InsuranceOverview>, IAuditedRead
{
    public string AuditEntityType => nameof(InsurancePolicy);
    public string AuditEntityId => InquiryId.ToString();
}

public sealed class GetInsuranceHandler(IAdmissionsDbContextFactory dbFactory, IFacilityCalendar calendar, IOptions<InsuranceOptions> options)
    : IQueryHandler<GetInsurance, InsuranceOverview>
{
    public async ValueTask<InsuranceOverview> Handle(GetInsurance query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var inquiry = await db.Inquiries.AsNoTracking().FirstOrDefaultAsync(i => i.Id == query.InquiryId, cancellationToken)
            ?? throw new NotFoundException("The inquiry");
        var policies = await db.InsurancePolicies.AsNoTracking()
            .Where(p => p.InquiryId == query.InquiryId && p.RemovedAt == null)
            .OrderBy(p => p.Rank)
            .ToListAsync(cancellationToken);
        var payerIds = policies.Select(p => p.PayerId).ToList();
        var payers = await db.Payers.AsNoTracking().Where(p => payerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var consents = await db.Part2Consents.AsNoTracking().Where(c => c.InquiryId == query.InquiryId)
            .OrderByDescending(c => c.PreparedAt).ToListAsync(cancellationToken);
        var consentIds = consents.Select(c => c.Id).ToList();
        var links = (await db.ConsentSigningRequests.AsNoTracking().Where(r => consentIds.Contains(r.ConsentId)).ToListAsync(cancellationToken))
            .GroupBy(r => r.ConsentId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.CreatedAt).First());
        var checks = await db.EligibilityChecks.AsNoTracking().Where(c => c.InquiryId == query.InquiryId)
            .OrderByDescending(c => c.RequestedAt).ToListAsync(cancellationToken);
        var authorizations = await db.PriorAuthorizations.AsNoTracking().Where(a => a.InquiryId == query.InquiryId)
            .OrderByDescending(a => a.RequestedAt).ToListAsync(cancellationToken);
        var agreements = await db.SingleCaseAgreements.AsNoTracking().Where(a => a.InquiryId == query.InquiryId)
            .OrderByDescending(a => a.RecordedAt).ToListAsync(cancellationToken);
        var agreed = SingleCaseAgreements.ActiveByPolicyAndLevel(agreements);
        var disclosures = await db.Disclosures.CountAsync(d => d.InquiryId == query.InquiryId, cancellationToken);
        var today = (await calendar.ForInquiryAsync(query.InquiryId, cancellationToken)).Today;
        var settings = options.Value;
        var rates = await StayRates.LoadAsync(db, settings, cancellationToken);
        var checkPayerIds = checks.Select(c => c.PayerId).Distinct().ToList();
        var checkPayers = await db.Payers.AsNoTracking().Where(p => checkPayerIds.Contains(p.Id) || payerIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var track = X12Requests.Track(inquiry.Details);
        var estimates = await db.GoodFaithEstimates.AsNoTracking().Where(g => g.InquiryId == query.InquiryId)
            .OrderByDescending(g => g.CreatedAt).ToListAsync(cancellationToken);
        var levelOfCare = await db.LevelOfCareHistories.AsNoTracking().FirstOrDefaultAsync(h => h.InquiryId == query.InquiryId, cancellationToken);

        return new InsuranceOverview(
            inquiry.Id,
            inquiry.Number,
            policies.Select(p =>
            {
                var payer = payers[p.PayerId];
                return new PolicyView(p.Id, p.Rank, p.PayerId, p.PayerName, payer.Kind, p.MemberId, p.GroupNumber, p.Relationship,
                    p.SubscriberFirstName, p.SubscriberLastName, p.SubscriberDateOfBirth, p.SubscriberSex, payer.SupportsElectronicVerification,
                    payer.BehavioralCarveOut, VerificationReadiness.Missing(inquiry.Details, p, payer, consents, today));
            }).ToList(),
            consents.Select(c => new ConsentView(c.Id, c.RecipientNames, c.Purposes, c.Information, c.ExpiresOn, c.ExpiryEvent, c.SignedName,
                c.SignedAt, c.CapturedByName, c.RevokedAt, c.RevokedByName, c.IsActive(today), c.ExpiresToday(today))
            {
                Kind = c.Kind,
                PreparedAt = c.PreparedAt,
                IsAwaitingSignature = c.IsAwaitingSignature,
                Signature = c.SignatureDescription,
                LinkSentTo = c.IsAwaitingSignature ? links.GetValueOrDefault(c.Id)?.SentTo : null,
                LinkExpiresAt = c.IsAwaitingSignature ? links.GetValueOrDefault(c.Id)?.ExpiresAt : null,
            }).ToList(),
            checks.Select(c =>
            {
                var (levels, episode) = Estimates(c.Result, rates, checkPayers.GetValueOrDefault(c.PayerId), track, settings.SelfPayDiscount,
                    level => agreed.GetValueOrDefault((c.PolicyId, level)));
                return new VerificationView(c.Id, c.PolicyId, c.PayerName, c.Method, c.State, c.Levels, c.RequestedAt, c.RequestedByName,
                    c.Attempts, c.NextAttemptAt, c.CompletedAt, c.ProblemCode, c.Problem, c.Result, levels,
                    c.PayerRepName, c.CallReference, c.EnteredByName, c.ApprovedByName, c.ApprovedAt)
                { Episode = episode };
            }).ToList(),
            authorizations.Select(a => new AuthorizationView(a.Id, a.PolicyId, a.PayerName, a.Level, a.Status, a.Channel, a.AdmissionDate,
                a.RequestedDays, a.Diagnoses, a.CertificationNumber, a.ApprovedDays, a.ApprovedFrom, a.ApprovedTo, a.NextReviewOn, a.ReasonCode,
                a.DenialReason, a.Problem, a.RequestedAt, a.RequestedByName, a.DecidedAt, a.NextRecheckAt, a.Notes.OrderByDescending(n => n.At).ToList())
            {
                AwaitingSubmission = a.AwaitingSubmission && !a.IsDecided,
                StayEndedOn = a.StayEndedOn,
                PendedReason = a.Status == AuthorizationStatus.Pended ? a.PendedReason ?? AuthorizationDecisions.DescribeReason(a.ReasonCode) : null,
                Reviews = [.. a.Reviews],
                Coverage = PriorAuthorization.IsCertification(a.Status) ? a.CoverageOn(today) : null,
                Agreement = agreements.Where(g => g.AuthorizationId == a.Id && g.IsActive).Select(SingleCaseAgreementView.From).FirstOrDefault(),
                WithdrawnAgreements = agreements.Where(g => g.AuthorizationId == a.Id && !g.IsActive).Select(SingleCaseAgreementView.From).ToList(),
                InNetwork = SingleCaseAgreements.IsInNetwork(checkPayers.GetValueOrDefault(a.PayerId)?.InNetwork ?? true,
                    checks.Where(c => c.PolicyId == a.PolicyId).Select(c => c.Result?.Levels.FirstOrDefault(l => l.Level == a.Level)).FirstOrDefault(l => l is not null)?.InNetwork),
            }).ToList(),
            LevelsOfCare.All.Select(level =>
            {
                var rate = rates.For(level);
                return new SelfPayQuote(level, rate.DailyRate, rate.TypicalLength, StayEstimate.For(null, rate.DailyRate, rate.TypicalLength, settings.SelfPayDiscount));
            }).ToList(),
            disclosures,
            VerificationLevels.Suggest(levelOfCare?.Current, inquiry.Details))
        {
            GoodFaithEstimates = estimates.Select(GoodFaithEstimateView.From).ToList(),
        };
    }

    /// <summary>
    /// Each level's estimate as part of one episode in the order of care (detox before residential before day programs),
    /// so the deductible and out-of-pocket maximum are met once; the contracted rate from the payer directory when entered,
    /// and the active single case agreement for the policy and level when the payer signed one.
    /// A covered level with no cost-sharing figures gets no estimate.
    /// </summary>
    private static (List<LevelEstimate> Levels, EpisodeEstimate? Episode) Estimates(
        VerificationResult? result, StayRates rates, Payer? payer, CareTrack track, decimal selfPayDiscount, Func<LevelOfCare, AgreedRate?> agreement)
    {
        if (result is null)
        {
            return ([], null);
        }

        var estimable = result.Levels.Where(l => !(l.Covered == true && !l.HasCostSharing)).OrderBy(l => l.Level).ToList();
        var episode = EpisodeEstimate.For(
            estimable.Select(l => new LevelStay(l.Level, l, rates.For(l.Level).DailyRate, payer?.RuleFor(l.Level, track).ContractedRate, rates.For(l.Level).TypicalLength,
                agreement(l.Level))).ToList(),
            selfPayDiscount);
        var levels = result.Levels.Select(l =>
        {
            var rate = rates.For(l.Level);
            return new LevelEstimate(l, rate.DailyRate, rate.TypicalLength, episode.Levels.FirstOrDefault(e => e.Level == l.Level));
        }).ToList();
        return (levels, episode.Levels.Count > 1 ? episode : null);
    }
}

public sealed record X12ExchangeView(
    Guid Id, string TransactionType, DateTimeOffset SentAt, string Request, string? Response, DateTimeOffset? ReceivedAt, string? NoAnswer);

/// <summary>
/// The raw X12 of a verification or authorization, for troubleshooting with the clearinghouse. Reading it is audited
/// against the verification or authorization and against the inquiry, so the inquiry's own audit trail shows it.
/// </summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.UtilizationReview)]
public sealed record GetX12Exchanges(Guid InquiryId, Guid SubjectId) : IQuery<IReadOnlyList<X12ExchangeView>>, IAuditedRead
{
    public string AuditEntityType => nameof(X12Exchange);
    public string AuditEntityId => SubjectId.ToString();
    public string AuditDetails => $"Inquiry {InquiryId}";
    public IEnumerable<(string EntityType, string EntityId)> AlsoAudited => [(nameof(Domain.Inquiries.Inquiry), InquiryId.ToString())];
}

public sealed class GetX12ExchangesHandler(IAdmissionsDbContextFactory dbFactory) : IQueryHandler<GetX12Exchanges, IReadOnlyList<X12ExchangeView>>
{
    public async ValueTask<IReadOnlyList<X12ExchangeView>> Handle(GetX12Exchanges query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await db.X12Exchanges.AsNoTracking()
            .Where(x => x.InquiryId == query.InquiryId && x.SubjectId == query.SubjectId)
            .OrderBy(x => x.SentAt)
            .Select(x => new X12ExchangeView(x.Id, x.TransactionType, x.SentAt, x.Request, x.Response, x.ReceivedAt, x.NoAnswer))
            .ToListAsync(cancellationToken);
    }
}
