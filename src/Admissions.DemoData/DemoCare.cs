using Admissions.Application.Common;
using Admissions.Domain.Care;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using Microsoft.EntityFrameworkCore;

namespace Admissions.DemoData;

/// <summary>
/// Clinical intakes for the demo inquiries a clinician would be looking at (clinical review onwards): one entry per flagged
/// substance, one of them a daily drinker with withdrawal seizures, so the level-of-care tab shows the rules reading them.
/// </summary>
internal static class DemoCare
{
    private static readonly string[] Medications = ["Sertraline 50 mg daily", "Lisinopril 10 mg daily", "None reported", "Buprenorphine 8 mg (not prescribed)"];
    private static readonly string[] Conditions = ["Hypertension", "Hepatitis C (untreated)", "None reported", "Asthma"];

    public static async Task SeedAsync(IAdmissionsDbContext db, Actor clinician, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var inquiries = await db.Inquiries
            .Where(i => i.Stage == InquiryStage.ClinicalReview || i.Stage == InquiryStage.Approved
                || i.Stage == InquiryStage.AdmissionScheduled || i.Stage == InquiryStage.Admitted)
            .OrderBy(i => i.CreatedAt)
            .Take(8)
            .ToListAsync(cancellationToken);

        for (var n = 0; n < inquiries.Count; n++)
        {
            var inquiry = inquiries[n];
            // Inquiries still awaiting placement were assessed today, so their use reads as current; the others when they moved on.
            var awaitingPlacement = inquiry.Stage is InquiryStage.ClinicalReview or InquiryStage.Approved;
            var at = awaitingPlacement ? now.AddMinutes(-20 * (n + 1)) : inquiry.StageChangedAt > now ? now : inquiry.StageChangedAt;
            var flagged = Enum.GetValues<SubstanceConcerns>()
                .Where(s => s != SubstanceConcerns.None && inquiry.Details.Substances.HasFlag(s))
                .Take(2)
                .ToList();
            var intake = new ClinicalIntake(inquiry.Id);
            intake.Update([.. flagged.Select((substance, i) => Use(substance, n + i, at))], Medications[n % Medications.Length],
                Conditions[n % Conditions.Length], inquiry.Details.PatientSex == Sex.Male ? false : null, clinician, at);
            db.ClinicalIntakes.Add(intake);
            inquiry.Record(ActivityKind.LevelOfCare, intake.TimelineSummary, clinician, at);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static SubstanceUse Use(SubstanceConcerns substance, int n, DateTimeOffset at) => substance switch
    {
        SubstanceConcerns.Alcohol => new SubstanceUse
        {
            Substance = substance,
            Frequency = UseFrequency.Daily,
            Amount = n % 2 == 0 ? "about a fifth of vodka" : "12 beers",
            LastUse = at.AddHours(-6 - n),
            YearsOfUse = 8 + n,
            PriorSeizures = n % 2 == 0,
            PriorDeliriumTremens = n % 4 == 0,
            PriorTreatmentEpisodes = n % 3,
        },
        SubstanceConcerns.OpioidsHeroin or SubstanceConcerns.Fentanyl => new SubstanceUse
        {
            Substance = substance,
            Route = n % 2 == 0 ? SubstanceRoute.Smoked : SubstanceRoute.Injected,
            Frequency = UseFrequency.SeveralTimesADay,
            Amount = "about 1 g a day",
            LastUse = at.AddHours(-10 - n),
            YearsOfUse = 2 + n % 3,
            PriorTreatmentEpisodes = 1 + n % 2,
        },
        _ => new SubstanceUse
        {
            Substance = substance,
            Route = substance == SubstanceConcerns.Cannabis ? SubstanceRoute.Smoked : SubstanceRoute.Oral,
            Frequency = UseFrequency.SeveralTimesAWeek,
            LastUse = at.AddDays(-2),
            YearsOfUse = 3,
        },
    };
}
