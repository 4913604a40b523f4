using Admissions.Domain.Care;
using Admissions.Domain.Insurance;

namespace Admissions.Domain.Tests.Insurance;

/// <summary>Each default code against the CMS place-of-service set and the X12 service type list (docs/domain/payers-and-costs.md).</summary>
public class PayerCodesTests
{
    [Theory]
    [InlineData(LevelOfCare.WithdrawalManagement, CareTrack.SubstanceUse, "AI", "55")] // substance abuse; residential SUD treatment facility
    [InlineData(LevelOfCare.Residential, CareTrack.SubstanceUse, "RT", "55")] // residential psychiatric treatment; residential SUD treatment facility
    [InlineData(LevelOfCare.MentalHealthResidential, CareTrack.MentalHealth, "RT", "56")] // psychiatric residential treatment center, not 51
    [InlineData(LevelOfCare.PartialHospitalization, CareTrack.SubstanceUse, "BB", "57")] // non-residential SUD treatment facility
    [InlineData(LevelOfCare.PartialHospitalization, CareTrack.MentalHealth, "BB", "52")] // psychiatric facility - partial hospitalization
    [InlineData(LevelOfCare.IntensiveOutpatient, CareTrack.SubstanceUse, "AI", "57")]
    [InlineData(LevelOfCare.IntensiveOutpatient, CareTrack.MentalHealth, "A8", "49")] // psychiatric outpatient; independent clinic, not 57
    [InlineData(LevelOfCare.Outpatient, CareTrack.SubstanceUse, "AI", "57")]
    [InlineData(LevelOfCare.Outpatient, CareTrack.MentalHealth, "MH", "11")] // mental health; office, not 57
    public void Each_level_and_track_has_its_default_codes(LevelOfCare level, CareTrack track, string serviceType, string placeOfService)
    {
        var rule = PayerCodes.Default(level, track);

        Assert.Equal((serviceType, placeOfService), (rule.ServiceType, rule.PlaceOfService));
        Assert.True(PayerCodes.ServiceTypes.ContainsKey(rule.ServiceType));
        Assert.True(PayerCodes.PlacesOfService.ContainsKey(rule.PlaceOfService));
    }

    [Fact]
    public void No_default_sends_a_residential_or_day_program_as_an_inpatient_psychiatric_facility()
    {
        Assert.DoesNotContain(CareTracks.All, t => PayerCodes.Default(t.Level, t.Track).PlaceOfService is "51" or "21");
    }

    [Fact]
    public void Detox_and_residential_stay_substance_use_whatever_the_track_asked()
    {
        Assert.Equal("55", new Payer().PlaceOfServiceFor(LevelOfCare.Residential, CareTrack.MentalHealth));
        Assert.Equal("56", new Payer().PlaceOfServiceFor(LevelOfCare.MentalHealthResidential, CareTrack.SubstanceUse));
    }

    [Theory]
    [InlineData("F10.20", CareTrack.SubstanceUse)]
    [InlineData("F11.23", CareTrack.SubstanceUse)]
    [InlineData("F19.10", CareTrack.SubstanceUse)]
    [InlineData("F33.1", CareTrack.MentalHealth)]
    [InlineData("F43.10", CareTrack.MentalHealth)]
    [InlineData("F20.9", CareTrack.MentalHealth)]
    public void The_principal_diagnosis_decides_the_track_of_a_278(string principal, CareTrack expected)
    {
        Assert.Equal(expected, CareTracks.ForDiagnoses([principal, "F10.20"]));
    }

    [Fact]
    public void A_payers_own_rule_wins_over_the_default()
    {
        var payer = new Payer { LevelRules = [new PayerLevelRule { Level = LevelOfCare.IntensiveOutpatient, Track = CareTrack.MentalHealth, ServiceType = "A6", PlaceOfService = "53" }] };

        Assert.Equal(("A6", "53"), (payer.ServiceTypeFor(LevelOfCare.IntensiveOutpatient, CareTrack.MentalHealth), payer.PlaceOfServiceFor(LevelOfCare.IntensiveOutpatient, CareTrack.MentalHealth)));
        Assert.Equal("57", payer.PlaceOfServiceFor(LevelOfCare.IntensiveOutpatient, CareTrack.SubstanceUse));
    }

    [Theory]
    [InlineData("Florida Blue", true)]
    [InlineData("florida-blue", true)]
    [InlineData("BCBS of Florida", true)]
    [InlineData("FL", true)]
    [InlineData("0059", true)]
    [InlineData("Texas", false)]
    public void A_payer_is_found_by_name_alias_payer_id_or_state(string text, bool found)
    {
        var payer = new Payer { Name = "Florida Blue", Aliases = ["Blue Cross Blue Shield of Florida", "BCBS of Florida"], States = ["FL"], ClearinghousePayerId = "00590" };

        Assert.Equal(found, payer.Matches(text));
    }
}
