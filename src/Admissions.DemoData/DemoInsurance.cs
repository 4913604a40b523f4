using Admissions.Application.Common;
using Admissions.Domain.Care;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Admissions.Domain.Placement;
using Admissions.Infrastructure.Seeding;
using Bogus;
using Microsoft.EntityFrameworkCore;

namespace Admissions.DemoData;

/// <summary>
/// Insurance for the demo inquiries: policies, signed consents, verifications in every state and
/// authorizations with reviews coming up, so the queues have something in them on day one.
/// </summary>
internal static class DemoInsurance
{
    private static readonly string[] PayerNames = ["Cigna", "Aetna", "Blue Cross Blue Shield of Illinois", "TRICARE East", "Humana", "UnitedHealthcare"];

    public static async Task SeedAsync(IAdmissionsDbContext db, Faker faker, Actor coordinator, Actor reviewer, FacilityDays days, CancellationToken cancellationToken)
    {
        var now = days.Now;
        await PayerDirectory.EnsureAsync(db, cancellationToken);
        var payers = await db.Payers.Where(p => PayerNames.Contains(p.Name)).ToListAsync(cancellationToken);
        var inquiries = await db.Inquiries
            .Where(i => i.Stage == InquiryStage.InsuranceVerification || i.Stage == InquiryStage.ClinicalReview || i.Stage == InquiryStage.Approved
                || i.Stage == InquiryStage.AdmissionScheduled || i.Stage == InquiryStage.Admitted)
            .OrderBy(i => i.CreatedAt)
            .ToListAsync(cancellationToken);

        var admittedSoFar = 0;
        List<PriorAuthorization> outOfNetwork = [];
        for (var n = 0; n < inquiries.Count; n++)
        {
            var inquiry = inquiries[n];
            var payer = payers.First(p => p.Name == PayerNames[n % PayerNames.Length]);
            var at = inquiry.StageChangedAt.AddMinutes(-90);
            var policy = Insure(db, faker, inquiry, payer, n, coordinator, at, now);

            if (inquiry.Stage is InquiryStage.Approved or InquiryStage.AdmissionScheduled or InquiryStage.Admitted)
            {
                var authorization = Authorization(inquiry, policy, payer, reviewer, days,
                    inquiry.Stage == InquiryStage.Admitted ? admittedSoFar++ : n, $"UMDEMO{n:000}{faker.Random.Int(1000, 9999)}",
                    $"AUTH{faker.Random.Int(10_000_000, 99_999_999)}", at);
                db.PriorAuthorizations.Add(authorization);
                if (!payer.InNetwork)
                {
                    outOfNetwork.Add(authorization);
                }
            }
        }

        if (AgreementFor(outOfNetwork, reviewer, now) is { } agreement)
        {
            db.SingleCaseAgreements.Add(agreement);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// One adult residential resident whose payer certified the stay through five days from now: a covered stay with no
    /// review due yet and no agreement, so the board always has a stay a step-down or a discharge can end on its own.
    /// </summary>
    public static async Task SeedCoveredResidentAsync(IAdmissionsDbContext db, Faker faker, Actor coordinator, Actor reviewer, FacilityDays days, CancellationToken cancellationToken)
    {
        var insured = db.InsurancePolicies.Select(p => p.InquiryId);
        var resident = await (from admission in db.Admissions
                              join inquiry in db.Inquiries on admission.InquiryId equals inquiry.Id
                              where admission.State == AdmissionState.Admitted && admission.ProgramName == "Adult Residential" && !insured.Contains(inquiry.Id)
                              orderby admission.AdmittedOn descending
                              select inquiry).FirstAsync(cancellationToken);
        var payer = await db.Payers.SingleAsync(p => p.Name == "Aetna", cancellationToken);
        var at = resident.StageChangedAt.AddMinutes(-90);
        const int Numbered = 99;
        var policy = Insure(db, faker, resident, payer, Numbered, coordinator, at, days.Now);
        // The fifth admitted patient's coverage in Authorization's cycle: certified through five days from now.
        db.PriorAuthorizations.Add(Authorization(resident, policy, payer, reviewer, days, 4, $"UMDEMO{Numbered}{faker.Random.Int(1000, 9999)}",
            $"AUTH{faker.Random.Int(10_000_000, 99_999_999)}", at));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A policy with the patient's signed Part 2 consent, its eligibility check (in a state that fits the inquiry's stage) and the disclosure that check made.</summary>
    private static InsurancePolicy Insure(IAdmissionsDbContext db, Faker faker, Inquiry inquiry, Payer payer, int n, Actor coordinator, DateTimeOffset at, DateTimeOffset now)
    {
        var policy = new InsurancePolicy
        {
            InquiryId = inquiry.Id,
            Rank = PolicyRank.Primary,
            PayerId = payer.Id,
            PayerName = payer.Name,
            MemberId = $"{payer.Name[..1]}{faker.Random.Int(10_000_000, 99_999_999)}01",
            GroupNumber = faker.Random.Bool() ? faker.Random.Int(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            Relationship = SubscriberRelationship.Self,
            CreatedAt = at,
            UpdatedAt = at,
        };
        // Every third demo patient signed the single TPO consent (recipients by class); the others a consent naming their payer.
        var tpo = n % 3 == 1;
        var consent = new Part2Consent
        {
            InquiryId = inquiry.Id,
            Kind = tpo ? ConsentKind.SingleTpo : ConsentKind.NamedRecipients,
            PatientName = $"{inquiry.Details.PatientFirstName} {inquiry.Details.PatientLastName}",
            DisclosingProgram = "Riverbend Recovery Center admissions",
            RecipientPayerIds = tpo ? [] : [payer.Id],
            RecipientClasses = tpo ? RecipientClass.TreatingProviders | RecipientClass.HealthPlansAndPayers | RecipientClass.ProgramOperations : RecipientClass.None,
            RecipientNames = tpo ? Application.Insurance.ConsentDefaults.TpoRecipients : payer.Name,
            Purposes = tpo ? DisclosurePurpose.Treatment | DisclosurePurpose.Payment | DisclosurePurpose.HealthCareOperations : DisclosurePurpose.Payment,
            Information = Application.Insurance.ConsentDefaults.Information,
            ExpiresOn = tpo ? null : DateOnly.FromDateTime(at.UtcDateTime).AddYears(1),
            ExpiryEvent = tpo ? Application.Insurance.ConsentDefaults.TpoExpiryEvent : null,
            CapturedById = coordinator.Id,
            CapturedByName = coordinator.Name,
            PreparedAt = at.AddMinutes(-10),
        };
        consent.SignElectronically($"{inquiry.Details.PatientFirstName} {inquiry.Details.PatientLastName}",
            $"203.0.113.{10 + n}", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X)", at);
        db.InsurancePolicies.Add(policy);
        db.Part2Consents.Add(consent);

        LevelOfCare[] levels = [LevelOfCare.WithdrawalManagement, LevelOfCare.Residential];
        var check = EligibilityCheck.Request(policy, levels, $"VOBDEMO{n:000}{faker.Random.Int(1000, 9999)}", coordinator, at.AddMinutes(5));
        check.RecordAttempt(at.AddMinutes(5));
        var stillVerifying = inquiry.Stage == InquiryStage.InsuranceVerification;
        if (stillVerifying && n % 2 == 0)
        {
            check.NeedPhoneVerification(Result(payer, levels, carvedOut: true, now),
                $"Behavioural benefits are carved out to {payer.BehavioralCarveOut ?? "the plan's behavioural partner"}. Call them to verify.");
        }
        else if (stillVerifying)
        {
            check.Fail("72", "The member ID is invalid or missing. Correct the policy or patient details and verify again.", at.AddMinutes(6));
        }
        else
        {
            check.Complete(Result(payer, levels, carvedOut: false, now), at.AddMinutes(6));
        }

        db.EligibilityChecks.Add(check);
        db.Disclosures.Add(new Disclosure
        {
            InquiryId = inquiry.Id,
            ConsentId = consent.Id,
            DisclosedAt = at.AddMinutes(5),
            DisclosedById = coordinator.Id,
            DisclosedByName = coordinator.Name,
            Recipient = payer.Name,
            Purpose = DisclosurePurpose.Payment,
            Information = "Eligibility inquiry (X12 270): patient and subscriber name, date of birth, sex, member ID; service types AI, RT",
            Channel = "Clearinghouse, X12 270",
            Reference = check.TraceNumber,
        });
        return policy;
    }

    /// <summary>
    /// Residential authorizations that agree with themselves and the board: certified stays belong to admitted
    /// patients, run from the admission day for their approved days and end today, tomorrow or later; one admitted
    /// patient's request has been pended for days (flagged), another was denied and is open to appeal; patients not
    /// admitted yet wait on the payer (pended with its reason, or just asked).
    /// </summary>
    private static PriorAuthorization Authorization(
        Inquiry inquiry, InsurancePolicy policy, Payer payer, Actor reviewer, FacilityDays days, int n, string trace, string certification, DateTimeOffset at)
    {
        var today = days.Today;
        var admitted = inquiry.Stage == InquiryStage.Admitted;
        var admission = admitted ? days.DayOf(inquiry.StageChangedAt) : today.AddDays(1 + n % 3);
        // Patients not admitted yet were asked about in the last day or two: a pend weeks old would be a lost case, not a queue.
        var requestedAt = admitted ? days.StartOf(admission).AddHours(-20) : Max(at.AddHours(2), days.Now.AddHours(-30 - 6 * (n % 3)));
        var authorization = PriorAuthorization.Request(policy, LevelOfCare.Residential, payer.ServiceTypeFor(LevelOfCare.Residential),
            admission, 14, "F1120, F332", AuthorizationChannel.Electronic, trace, reviewer, requestedAt);
        var decidedAt = requestedAt.AddHours(3);
        if (!admitted)
        {
            if (n % 2 == 0)
            {
                authorization.RecordDecision(new AuthorizationDecision(AuthorizationStatus.Pended, null, null, null, null, null, "0U", null,
                    "Additional patient information required: the nursing assessment and the last 72 hours of withdrawal scores"), reviewer, decidedAt);
            }

            return authorization;
        }

        // Admitted patients in order of arrival, the longest stay first: a pend of days (flagged), a denial open to
        // appeal, then stays whose coverage ends today, tomorrow and later.
        switch (n % 5)
        {
            case 0:
                var pendedAt = Max(decidedAt, days.Now.AddDays(-5));
                authorization.RecordDecision(new AuthorizationDecision(AuthorizationStatus.Pended, null, null, null, null, null, "0V", null,
                    "Requires medical review: a peer-to-peer with the payer's medical director"), reviewer, pendedAt);
                break;
            case 1:
                authorization.RecordDecision(new AuthorizationDecision(AuthorizationStatus.Denied, null, null, null, null, null, "33",
                    "Services not medically necessary at residential level; outpatient suggested"), reviewer, decidedAt);
                authorization.AddNote(AuthorizationNoteKind.Appeal, "Appeal letter being drafted with the attending physician.", reviewer, decidedAt.AddHours(2));
                break;
            default:
                Certify(authorization, reviewer, days, certification, today.AddDays((n % 5) switch { 2 => 0, 3 => 1, _ => 5 }), decidedAt);
                break;
        }

        return authorization;
    }

    /// <summary>
    /// Certifies from the admission day through <paramref name="last"/> as a payer does: the days asked for (or fewer, a
    /// partial certification) first, then a week at a time at each concurrent review, each step in the review history.
    /// </summary>
    private static void Certify(PriorAuthorization authorization, Actor reviewer, FacilityDays days, string certification, DateOnly last, DateTimeOffset decidedAt)
    {
        var from = authorization.AdmissionDate;
        var total = last.DayNumber - from.DayNumber + 1;
        if (total < 1)
        {
            return;
        }

        var first = Math.Min(total, authorization.RequestedDays);
        var status = total < authorization.RequestedDays ? AuthorizationStatus.Partial : AuthorizationStatus.Certified;
        authorization.RecordDecision(new AuthorizationDecision(status, certification, first, from, PriorAuthorization.LastDay(from, first), null, null, null),
            reviewer, decidedAt);
        var extension = 0;
        while (authorization.ApprovedTo < last)
        {
            var add = Math.Min(7, last.DayNumber - authorization.ApprovedTo!.Value.DayNumber);
            var reviewDay = authorization.NextReviewOn!.Value;
            // A review still ahead of today is entered as of now: the demo never records the future.
            authorization.Extend(add, null, $"{certification}-{++extension}", reviewer, Min(days.At(reviewDay, new TimeOnly(11, 0)), days.Now.AddMinutes(-extension)));
        }

        if (status == AuthorizationStatus.Partial)
        {
            authorization.AddNote(AuthorizationNoteKind.PeerToPeer, "Peer-to-peer scheduled with the payer's medical director for tomorrow 10:00.", reviewer, decidedAt.AddHours(1));
        }
    }

    /// <summary>
    /// One out-of-network patient's single case agreement, for the days the payer certified (or, before a decision, the
    /// days asked for from the admission day): an admitted, certified stay when there is one.
    /// </summary>
    private static SingleCaseAgreement? AgreementFor(List<PriorAuthorization> outOfNetwork, Actor reviewer, DateTimeOffset now)
    {
        var authorization = outOfNetwork.FirstOrDefault(a => PriorAuthorization.IsCertification(a.Status))
            ?? outOfNetwork.FirstOrDefault(a => a.Status is AuthorizationStatus.Requested or AuthorizationStatus.Pended);
        if (authorization is null)
        {
            return null;
        }

        var from = authorization.ApprovedFrom ?? authorization.AdmissionDate;
        var daysAgreed = authorization.ApprovedDays ?? authorization.RequestedDays;
        // Agreed after the payer's last word on the days it covers, so the agreement's days are the authorization's days then.
        var at = authorization.Reviews.Count > 0 ? authorization.Reviews[^1].At : authorization.RequestedAt.AddHours(2);
        return SingleCaseAgreement.Record(authorization, new AgreementTerms(1_150m, AgreementRateBasis.PerDay, daysAgreed, from,
            PriorAuthorization.LastDay(from, daysAgreed), "SCA-2026-0417", "Dana Whitfield, UHC network management", "(555) 310-2200",
            "dana.whitfield@uhc.example", "Agreed by phone and confirmed by letter. No balance billing for the agreed days; bill on UB-04 with revenue code 1002."),
            reviewer, Min(at.AddHours(1), now));
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static VerificationResult Result(Payer payer, IEnumerable<LevelOfCare> levels, bool carvedOut, DateTimeOffset now) => new()
    {
        CoverageActive = true,
        PlanName = payer.Kind == PayerKind.Military ? "TRICARE PRIME" : payer.Name == "Cigna" ? "OPEN ACCESS PLUS" : "PPO PLAN",
        InsuranceType = "PR",
        PlanBegin = new DateOnly(now.Year, 1, 1),
        CarveOutName = carvedOut ? payer.BehavioralCarveOut ?? "Behavioral health partner" : null,
        CarveOutPhone = carvedOut ? payer.BehavioralCarveOutPhone : null,
        Levels = carvedOut
            ? []
            : levels.Select(level => new LevelBenefits
            {
                Level = level,
                ServiceType = payer.ServiceTypeFor(level),
                Covered = true,
                InNetwork = payer.InNetwork,
                AuthorizationRequired = level == LevelOfCare.Residential || payer.Kind == PayerKind.Military,
                Deductible = 3000,
                DeductibleRemaining = 1850,
                OutOfPocketMax = 6000,
                OutOfPocketRemaining = 4200,
                Coinsurance = 0.2m,
                Copay = 0,
                CopayPeriod = "36",
                DayLimit = LevelsOfCare.IsInpatient(level) ? 30 : null,
            }).ToList(),
    };
}
