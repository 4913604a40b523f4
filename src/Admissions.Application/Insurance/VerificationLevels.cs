using Admissions.Domain.Care;
using Admissions.Domain.Inquiries;

namespace Admissions.Application.Insurance;

/// <summary>The levels of care a benefits check starts with, and why, in words for the person about to run it.</summary>
public sealed record LevelSuggestion(IReadOnlyList<LevelOfCare> Levels, string Because);

public static class VerificationLevels
{
    /// <summary>
    /// The clinician's current level-of-care decision first (withdrawal management is checked with the residential stay
    /// that usually follows it); without one, what the caller is asking about: substances mean detox and residential,
    /// mental health alone means mental-health residential.
    /// </summary>
    public static LevelSuggestion Suggest(LevelOfCareDecision? current, InquiryDetails details)
    {
        if (current?.CareSetting is { } setting)
        {
            IReadOnlyList<LevelOfCare> levels = setting == LevelOfCare.WithdrawalManagement ? [setting, LevelOfCare.Residential] : [setting];
            return new(levels, $"the level-of-care decision ({current.Label})");
        }

        return details.Substances != SubstanceConcerns.None
            ? new([LevelOfCare.WithdrawalManagement, LevelOfCare.Residential], "the substances on the inquiry")
            : details.MentalHealthConcerns != MentalHealthConcerns.None
                ? new([LevelOfCare.MentalHealthResidential], "the mental-health concerns on the inquiry")
                : new([LevelOfCare.WithdrawalManagement, LevelOfCare.Residential], "the usual first check (no concerns or level of care recorded yet)");
    }
}
