using Admissions.Domain.Care;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using static Admissions.Domain.Tests.Care.CareTestData;

namespace Admissions.Domain.Tests.Care;

public class MentalHealthPlacementTests
{
    [Fact]
    public void A_locus_placement_records_the_criteria_set_level_and_rationale_instead_of_an_asam_level()
    {
        var history = new LevelOfCareHistory(Guid.NewGuid());

        var decision = history.Place(new MentalHealthPlacement(CriteriaSet.Locus, null, "5", LevelOfCare.MentalHealthResidential, " Severe depression, failed IOP "),
            Clinician, Now);

        Assert.True(decision.IsAdmitting);
        Assert.Equal((CriteriaSet.Locus, "LOCUS", "5"), (decision.Criteria, decision.CriteriaName, decision.CriteriaLevel));
        Assert.Null(decision.Level);
        Assert.Null(decision.Recommendation);
        Assert.Null(decision.Edition);
        Assert.Equal(("LOCUS level 5", "LOCUS 5", "Severe depression, failed IOP"), (decision.Label, decision.LevelCode, decision.Rationale));
        Assert.Equal(LevelOfCare.MentalHealthResidential, history.AdmittingCareSetting);
    }

    [Fact]
    public void A_payer_criteria_placement_names_the_criteria_and_a_later_one_is_a_change()
    {
        var history = new LevelOfCareHistory(Guid.NewGuid());
        history.Place(new MentalHealthPlacement(CriteriaSet.Locus, null, "4", LevelOfCare.PartialHospitalization, "Daily structure needed"), Clinician, Now);

        var change = history.Place(new MentalHealthPlacement(CriteriaSet.PayerCriteria, "Aetna level of care guideline", "Residential", LevelOfCare.MentalHealthResidential,
            "Worsening at PHP"), Clinician, Now.AddDays(3));

        Assert.False(change.IsAdmitting);
        Assert.Equal("Aetna level of care guideline: Residential", change.Label);
        Assert.Equal(LevelOfCare.PartialHospitalization, history.AdmittingCareSetting);
        Assert.Same(change, history.Current);
    }

    [Theory]
    [InlineData(CriteriaSet.Asam, null, "3.5", "ASAM levels are decided from the dimension ratings, not as a mental-health placement.")]
    [InlineData(CriteriaSet.PayerCriteria, " ", "Residential", "Name the payer's criteria the placement meets (e.g. the plan's level-of-care guideline).")]
    [InlineData(CriteriaSet.Locus, null, "7", "'7' is not a LOCUS level; LOCUS levels are 0 to 6.")]
    public void A_placement_without_its_criteria_is_refused(CriteriaSet criteria, string? name, string level, string message)
    {
        var error = Assert.Throws<DomainRuleException>(() => new MentalHealthPlacement(criteria, name, level, LevelOfCare.MentalHealthResidential, "why"));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_mental_health_placement_cannot_use_a_substance_use_setting()
    {
        var error = Assert.Throws<DomainRuleException>(() => new MentalHealthPlacement(CriteriaSet.Locus, null, "5", LevelOfCare.WithdrawalManagement, "why"));

        Assert.Contains("substance-use setting", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Locus_level_6_is_inpatient_psychiatric_hospital_care()
    {
        Assert.Null(LocusLevels.Parse("6").CareSetting);
        Assert.Equal(LevelOfCare.MentalHealthResidential, LocusLevels.Parse("5").CareSetting);
    }

    [Theory]
    [InlineData(SubstanceConcerns.None, MentalHealthConcerns.Depression, false, true)]
    [InlineData(SubstanceConcerns.Alcohol, MentalHealthConcerns.Depression, false, false)]
    [InlineData(SubstanceConcerns.None, MentalHealthConcerns.Depression, true, false)]
    [InlineData(SubstanceConcerns.None, MentalHealthConcerns.None, false, false)]
    public void Only_an_inquiry_with_mental_health_concerns_and_no_substance_use_is_mental_health_only(
        SubstanceConcerns substances, MentalHealthConcerns mentalHealth, bool intakeSubstances, bool mentalHealthOnly)
    {
        var details = new InquiryDetails { Substances = substances, MentalHealthConcerns = mentalHealth };

        Assert.Equal(mentalHealthOnly, CareScope.IsMentalHealthOnly(details, intakeSubstances));
    }
}
