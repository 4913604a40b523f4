using Admissions.Domain.Care;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using static Admissions.Domain.Tests.Care.CareTestData;

namespace Admissions.Domain.Tests.Care;

public class ClinicalIntakeTests
{
    private static readonly Guid InquiryId = Guid.NewGuid();

    [Fact]
    public void An_update_replaces_the_entries_cleans_the_text_and_says_who_saved_it()
    {
        var intake = new ClinicalIntake(InquiryId);
        intake.Update([Use(SubstanceConcerns.Alcohol)], "old", null, null, Clinician, Now.AddHours(-1));

        intake.Update([Use(SubstanceConcerns.Fentanyl), Use(SubstanceConcerns.Alcohol, seizures: true)], "  Buprenorphine 8 mg  ", " ", true, Clinician, Now);

        Assert.Equal([SubstanceConcerns.Alcohol, SubstanceConcerns.Fentanyl], intake.Substances.Select(s => s.Substance));
        Assert.True(intake.Substances[0].PriorSeizures);
        Assert.Equal(("Buprenorphine 8 mg", (string?)null, (bool?)true), (intake.Medications, intake.MedicalConditions, intake.Pregnant));
        Assert.Equal((Now, Clinician.Id, Clinician.Name), (intake.UpdatedAt, intake.UpdatedById, intake.UpdatedByName));
    }

    [Fact]
    public void A_substance_listed_twice_is_refused_and_nothing_changes()
    {
        var intake = new ClinicalIntake(InquiryId);

        var error = Assert.Throws<DomainRuleException>(() =>
            intake.Update([Use(SubstanceConcerns.OpioidsHeroin), Use(SubstanceConcerns.OpioidsHeroin, seizures: true)], null, null, null, Clinician, Now));

        Assert.Equal("Opioids / heroin is listed twice; keep one entry per substance.", error.Message);
        Assert.Empty(intake.Substances);
    }

    [Fact]
    public void A_last_use_after_the_save_is_refused()
    {
        var intake = new ClinicalIntake(InquiryId);

        Assert.Throws<DomainRuleException>(() =>
            intake.Update([Use(SubstanceConcerns.Cocaine, lastUse: Now.AddMinutes(1))], null, null, null, Clinician, Now));
    }

    [Theory]
    [InlineData(-6, "Alcohol, daily, a fifth, last use 6 h ago, prior seizures, prior DTs, 2 prior treatment episodes")]
    [InlineData(-0.5, "Alcohol, daily, a fifth, last use within the hour, prior seizures, prior DTs, 2 prior treatment episodes")]
    [InlineData(-72, "Alcohol, daily, a fifth, last use 3 d ago, prior seizures, prior DTs, 2 prior treatment episodes")]
    public void The_summary_reads_like_the_clinician_would_say_it(double hoursAgo, string expected)
    {
        var use = Use(SubstanceConcerns.Alcohol, seizures: true, deliriumTremens: true, lastUse: Now.AddHours(hoursAgo)) with
        {
            Frequency = UseFrequency.Daily,
            Amount = "a fifth",
            PriorTreatmentEpisodes = 2,
        };

        Assert.Equal(expected, ClinicalIntake.Summarize(use, Now));
    }

    [Fact]
    public void The_summary_names_a_route_other_than_oral_and_an_unknown_last_use()
    {
        var use = new SubstanceUse { Substance = SubstanceConcerns.MethamphetamineAmphetamines, Route = SubstanceRoute.Injected, PriorTreatmentEpisodes = 1 };

        Assert.Equal("Meth / amphetamines, injected, last use unknown, 1 prior treatment episode", ClinicalIntake.Summarize(use, Now));
    }
}
