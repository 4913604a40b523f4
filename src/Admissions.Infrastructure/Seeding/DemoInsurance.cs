using Admissions.Application.Common;
using Admissions.Domain.Care;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Bogus;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Infrastructure.Seeding;

/// <summary>
/// Insurance for the demo inquiries: policies, signed consents, verifications in every state and
/// authorizations with reviews coming up, so the queues have something in them on day one.
/// </summary>
internal static class DemoInsurance
{
    private static readonly string[] PayerNames = ["Cigna", "Aetna", "Blue Cross Blue Shield of Illinois", "TRICARE East", "Humana", "UnitedHealthcare"];

    public static async Task SeedAsync(IAdmissionsDbContext db, Faker faker, Actor coordinator, Actor reviewer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await PayerDirectory.EnsureAsync(db, cancellationToken);
        var payers = await db.Payers.Where(p => PayerNames.Contains(p.Name)).ToListAsync(cancellationToken);
        var inquiries = await db.Inquiries
            .Where(i => i.Stage == InquiryStage.InsuranceVerification || i.Stage == InquiryStage.ClinicalReview || i.Stage == InquiryStage.Approved
                || i.Stage == InquiryStage.AdmissionScheduled || i.Stage == InquiryStage.Admitted)
            .OrderBy(i => i.CreatedAt)
            .ToListAsync(cancellationToken);

        for (var n = 0; n < inquiries.Count; n++)
        {
            var inquiry = inquiries[n];
            var payer = payers.First(p => p.Name == PayerNames[n % PayerNames.Length]);
            var at = inquiry.StageChangedAt.AddMinutes(-90);
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

            if (inquiry.Stage is InquiryStage.Approved or InquiryStage.AdmissionScheduled or InquiryStage.Admitted)
            {
                var admission = DateOnly.FromDateTime(inquiry.StageChangedAt.UtcDateTime).AddDays(1);
                var authorization = PriorAuthorization.Request(policy, LevelOfCare.Residential, payer.ServiceTypeFor(LevelOfCare.Residential),
                    admission, 14, "F1120, F332", AuthorizationChannel.Electronic, $"UMDEMO{n:000}{faker.Random.Int(1000, 9999)}", reviewer, at.AddHours(2));
                var today = DateOnly.FromDateTime(now.UtcDateTime);
                var decision = (n % 3) switch
                {
                    0 => new AuthorizationDecision(AuthorizationStatus.Pended, null, null, null, null, null, "0U", null),
                    1 => new AuthorizationDecision(AuthorizationStatus.Certified, $"AUTH{faker.Random.Int(10_000_000, 99_999_999)}", 7,
                        today.AddDays(-5), today.AddDays(1 + n % 4), null, null, null),
                    _ => new AuthorizationDecision(AuthorizationStatus.Partial, $"AUTH{faker.Random.Int(10_000_000, 99_999_999)}", 5,
                        today.AddDays(-3), today.AddDays(2 + n % 3), null, null, null),
                };
                authorization.RecordDecision(decision, reviewer, at.AddHours(3));
                if (decision.Status == AuthorizationStatus.Partial)
                {
                    authorization.AddNote(AuthorizationNoteKind.PeerToPeer, "Peer-to-peer scheduled with the payer's medical director for tomorrow 10:00.", reviewer, at.AddHours(4));
                }

                db.PriorAuthorizations.Add(authorization);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

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
