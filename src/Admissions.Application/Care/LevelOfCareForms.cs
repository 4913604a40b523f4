using System.Globalization;
using Admissions.Application.Common;
using Admissions.Domain.Care;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Screening;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Care;

/// <summary>The clinician's six ASAM dimension ratings, 0 (none) to 4 (severe).</summary>
public sealed record DimensionRatingsForm(
    int IntoxicationWithdrawal, int Biomedical, int EmotionalBehavioral, int Readiness, int Relapse, int RecoveryEnvironment)
{
    public DimensionRatings ToRatings() =>
        new(IntoxicationWithdrawal, Biomedical, EmotionalBehavioral, Readiness, Relapse, RecoveryEnvironment);
}

/// <summary>
/// The parts of the clinical picture the clinician answers on the ratings form; a null dual diagnosis is taken from the inquiry.
/// Withdrawal totals are never typed here: COWS and CIWA-Ar come only from observations a clinician recorded in person, and SOWS
/// and SAWS from the caller's self-report. Substance use, medications, conditions and pregnancy come from the clinical intake.
/// </summary>
public sealed record ClinicalPictureForm
{
    public bool? DualDiagnosis { get; init; }
    public SuicideRisk? CssrsRisk { get; init; }
    public int? Phq9Total { get; init; }
}

/// <summary>
/// The latest completed screening results on an inquiry that the level-of-care rules read: the observed withdrawal scales
/// (COWS, CIWA-Ar), which can drive a level, and the phone self-reports (SOWS, SAWS), which are risk information.
/// </summary>
public sealed record CareScreeningResults(
    int? CiwaArTotal, int? CowsTotal, SuicideRisk? CssrsRisk, int? Phq9Total, bool DualDiagnosis, int? SowsSelfReport = null, int? SawsSelfReport = null)
{
    public static async Task<CareScreeningResults> LoadAsync(IAdmissionsDbContext db, Inquiry inquiry, CancellationToken cancellationToken)
    {
        var completed = await db.Screenings.AsNoTracking()
            .Where(s => s.InquiryId == inquiry.Id && s.Status == ScreeningStatus.Completed && s.SupersededById == null
                && (s.Instrument == InstrumentCode.CiwaAr || s.Instrument == InstrumentCode.Cows
                    || s.Instrument == InstrumentCode.Cssrs || s.Instrument == InstrumentCode.Phq9
                    || s.Instrument == InstrumentCode.Sows || s.Instrument == InstrumentCode.Saws))
            .ToListAsync(cancellationToken);
        var latest = completed.GroupBy(s => s.Instrument)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.CompletedAt ?? s.UpdatedAt).First());
        return new CareScreeningResults(
            latest.GetValueOrDefault(InstrumentCode.CiwaAr)?.Total,
            latest.GetValueOrDefault(InstrumentCode.Cows)?.Total,
            latest.GetValueOrDefault(InstrumentCode.Cssrs)?.SuicideRisk,
            latest.GetValueOrDefault(InstrumentCode.Phq9)?.Total,
            inquiry.IsDualDiagnosis,
            latest.GetValueOrDefault(InstrumentCode.Sows)?.Total,
            latest.GetValueOrDefault(InstrumentCode.Saws)?.Total);
    }

    public ClinicalPicture Picture(ClinicalPictureForm form, ClinicalIntake? intake, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new ClinicalPicture
        {
            AssessedAt = at,
            DualDiagnosis = form.DualDiagnosis ?? DualDiagnosis,
            CiwaArTotal = CiwaArTotal,
            CowsTotal = CowsTotal,
            SowsSelfReport = SowsSelfReport,
            SawsSelfReport = SawsSelfReport,
            CssrsRisk = form.CssrsRisk ?? CssrsRisk,
            Phq9Total = form.Phq9Total ?? Phq9Total,
            Substances = intake?.Substances ?? [],
            Medications = intake?.Medications,
            MedicalConditions = intake?.MedicalConditions,
            Pregnant = intake?.Pregnant,
        };
    }
}

internal static class CareValidation
{
    public static void Ratings<T>(IRuleBuilder<T, DimensionRatingsForm> rule) =>
        rule.NotNull().WithMessage("Rate all six dimensions.").Custom((ratings, context) =>
        {
            if (ratings is null)
            {
                return;
            }

            int[] values = [ratings.IntoxicationWithdrawal, ratings.Biomedical, ratings.EmotionalBehavioral, ratings.Readiness, ratings.Relapse, ratings.RecoveryEnvironment];
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] is < DimensionRatings.Lowest or > DimensionRatings.Highest)
                {
                    context.AddFailure("Ratings", string.Create(CultureInfo.InvariantCulture,
                        $"Dimension {i + 1} must be rated {DimensionRatings.Lowest} to {DimensionRatings.Highest}; {values[i]} is out of range."));
                }
            }
        });
}
