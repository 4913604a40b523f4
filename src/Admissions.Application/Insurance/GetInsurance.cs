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
    string SignedName, DateTimeOffset SignedAt, string CapturedByName, DateTimeOffset? RevokedAt, string? RevokedByName, bool IsActive,
    bool ExpiresToday);

/// <summary>A level's benefits with what a stay would cost the patient; no estimate when the payer gave no figures.</summary>
public sealed record LevelEstimate(LevelBenefits Benefits, decimal DailyRate, int Length, StayEstimate? Estimate);

public sealed record VerificationView(
    Guid Id, Guid PolicyId, string PayerName, VerificationMethod Method, VerificationState State, IReadOnlyList<LevelOfCare> Levels,
    DateTimeOffset RequestedAt, string RequestedByName, int Attempts, DateTimeOffset? NextAttemptAt, DateTimeOffset? CompletedAt,
    string? ProblemCode, string? Problem, VerificationResult? Result, IReadOnlyList<LevelEstimate> Estimates,
    string? PayerRepName, string? CallReference, string? EnteredByName, string? ApprovedByName, DateTimeOffset? ApprovedAt);

public sealed record AuthorizationView(
    Guid Id, Guid PolicyId, string PayerName, LevelOfCare Level, AuthorizationStatus Status, AuthorizationChannel Channel,
    DateOnly AdmissionDate, int RequestedDays, string Diagnoses, string? CertificationNumber, int? ApprovedDays, DateOnly? ApprovedFrom,
    DateOnly? ApprovedTo, DateOnly? NextReviewOn, string? ReasonCode, string? DenialReason, string? Problem, DateTimeOffset RequestedAt,
    string RequestedByName, DateTimeOffset? DecidedAt, DateTimeOffset? NextRecheckAt, IReadOnlyList<AuthorizationNote> Notes);

public sealed record SelfPayQuote(LevelOfCare Level, decimal DailyRate, int Length, StayEstimate Estimate);

public sealed record InsuranceOverview(
    Guid InquiryId, string InquiryNumber, IReadOnlyList<PolicyView> Policies, IReadOnlyList<ConsentView> Consents,
    IReadOnlyList<VerificationView> Verifications, IReadOnlyList<AuthorizationView> Authorizations, IReadOnlyList<SelfPayQuote> SelfPayQuotes,
    int DisclosureCount);

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
            .OrderByDescending(c => c.SignedAt).ToListAsync(cancellationToken);
        var checks = await db.EligibilityChecks.AsNoTracking().Where(c => c.InquiryId == query.InquiryId)
            .OrderByDescending(c => c.RequestedAt).ToListAsync(cancellationToken);
        var authorizations = await db.PriorAuthorizations.AsNoTracking().Where(a => a.InquiryId == query.InquiryId)
            .OrderByDescending(a => a.RequestedAt).ToListAsync(cancellationToken);
        var disclosures = await db.Disclosures.CountAsync(d => d.InquiryId == query.InquiryId, cancellationToken);
        var today = (await calendar.ForInquiryAsync(query.InquiryId, cancellationToken)).Today;
        var settings = options.Value;
        var rates = await StayRates.LoadAsync(db, settings, cancellationToken);

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
                c.SignedAt, c.CapturedByName, c.RevokedAt, c.RevokedByName, c.IsActive(today), c.ExpiresToday(today))).ToList(),
            checks.Select(c => new VerificationView(c.Id, c.PolicyId, c.PayerName, c.Method, c.State, c.Levels, c.RequestedAt, c.RequestedByName,
                c.Attempts, c.NextAttemptAt, c.CompletedAt, c.ProblemCode, c.Problem, c.Result, Estimates(c.Result, rates, settings.SelfPayDiscount),
                c.PayerRepName, c.CallReference, c.EnteredByName, c.ApprovedByName, c.ApprovedAt)).ToList(),
            authorizations.Select(a => new AuthorizationView(a.Id, a.PolicyId, a.PayerName, a.Level, a.Status, a.Channel, a.AdmissionDate,
                a.RequestedDays, a.Diagnoses, a.CertificationNumber, a.ApprovedDays, a.ApprovedFrom, a.ApprovedTo, a.NextReviewOn, a.ReasonCode,
                a.DenialReason, a.Problem, a.RequestedAt, a.RequestedByName, a.DecidedAt, a.NextRecheckAt, a.Notes.OrderByDescending(n => n.At).ToList())).ToList(),
            LevelsOfCare.All.Select(level =>
            {
                var rate = rates.For(level);
                return new SelfPayQuote(level, rate.DailyRate, rate.TypicalLength, StayEstimate.For(null, rate.DailyRate, rate.TypicalLength, settings.SelfPayDiscount));
            }).ToList(),
            disclosures);
    }

    private static List<LevelEstimate> Estimates(VerificationResult? result, StayRates rates, decimal selfPayDiscount) =>
        result is null
            ? []
            : result.Levels.Select(l =>
            {
                var rate = rates.For(l.Level);
                var estimate = l.Covered == true && !l.HasCostSharing
                    ? null
                    : StayEstimate.For(l, rate.DailyRate, rate.TypicalLength, selfPayDiscount);
                return new LevelEstimate(l, rate.DailyRate, rate.TypicalLength, estimate);
            }).ToList();
}

public sealed record X12ExchangeView(Guid Id, string TransactionType, DateTimeOffset SentAt, string Request, string? Response, DateTimeOffset? ReceivedAt);

/// <summary>The raw X12 of a verification or authorization, for troubleshooting with the clearinghouse. Reading it is audited.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.UtilizationReview)]
public sealed record GetX12Exchanges(Guid InquiryId, Guid SubjectId) : IQuery<IReadOnlyList<X12ExchangeView>>, IAuditedRead
{
    public string AuditEntityType => nameof(X12Exchange);
    public string AuditEntityId => SubjectId.ToString();
}

public sealed class GetX12ExchangesHandler(IAdmissionsDbContextFactory dbFactory) : IQueryHandler<GetX12Exchanges, IReadOnlyList<X12ExchangeView>>
{
    public async ValueTask<IReadOnlyList<X12ExchangeView>> Handle(GetX12Exchanges query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await db.X12Exchanges.AsNoTracking()
            .Where(x => x.InquiryId == query.InquiryId && x.SubjectId == query.SubjectId)
            .OrderBy(x => x.SentAt)
            .Select(x => new X12ExchangeView(x.Id, x.TransactionType, x.SentAt, x.Request, x.Response, x.ReceivedAt))
            .ToListAsync(cancellationToken);
    }
}
