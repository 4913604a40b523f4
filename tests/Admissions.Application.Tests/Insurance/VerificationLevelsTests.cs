using Admissions.Application.Insurance;
using Admissions.Domain.Care;
using Admissions.Domain.Inquiries;

namespace Admissions.Application.Tests.Insurance;

public sealed class VerificationLevelsTests
{
    [Theory]
    [InlineData(SubstanceConcerns.Alcohol, MentalHealthConcerns.Depression, new[] { LevelOfCare.WithdrawalManagement, LevelOfCare.Residential }, "the substances on the inquiry")]
    [InlineData(SubstanceConcerns.None, MentalHealthConcerns.Depression, new[] { LevelOfCare.MentalHealthResidential }, "the mental-health concerns on the inquiry")]
    [InlineData(SubstanceConcerns.None, MentalHealthConcerns.None, new[] { LevelOfCare.WithdrawalManagement, LevelOfCare.Residential }, "the usual first check (no concerns or level of care recorded yet)")]
    public void Without_a_level_of_care_decision_the_check_starts_from_what_the_caller_asked_about(
        SubstanceConcerns substances, MentalHealthConcerns mentalHealth, LevelOfCare[] expected, string because)
    {
        var details = new InquiryDetails { Substances = substances, MentalHealthConcerns = mentalHealth };

        var suggestion = VerificationLevels.Suggest(null, details);

        Assert.Equal(expected, suggestion.Levels.ToArray());
        Assert.Equal(because, suggestion.Because);
    }
}
