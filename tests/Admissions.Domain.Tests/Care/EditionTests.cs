using Admissions.Domain.Care;
using static Admissions.Domain.Tests.Care.CareTestData;

namespace Admissions.Domain.Tests.Care;

/// <summary>Each ASAM edition as published: its dimensions, its levels, and how a 3rd-edition level reads in the 4th.</summary>
public class EditionTests
{
    [Fact]
    public void The_3rd_edition_names_its_six_dimensions_as_published_in_2013()
    {
        Assert.Equal(
            ["Acute intoxication and/or withdrawal potential", "Biomedical conditions and complications",
             "Emotional, behavioural or cognitive conditions and complications", "Readiness to change",
             "Relapse, continued use or continued problem potential", "Recovery/living environment"],
            AsamDimensions.For(AsamEdition.Third));
    }

    [Fact]
    public void The_4th_edition_renames_and_restructures_the_dimensions()
    {
        Assert.Equal(
            ["Intoxication, withdrawal and addiction medications", "Biomedical conditions", "Psychiatric and cognitive conditions",
             "Substance use-related risks", "Recovery environment interactions", "Person-centered considerations"],
            AsamDimensions.For(AsamEdition.Fourth));
    }

    [Theory]
    [InlineData(AsamEdition.Third, 5, 6, 4)]
    [InlineData(AsamEdition.Fourth, 4, 5, 6)]
    public void Relapse_risk_environment_and_engagement_sit_in_different_dimensions_per_edition(AsamEdition edition, int relapse, int environment, int engagement)
    {
        Assert.Equal((relapse, environment, engagement),
            (AsamDimensions.RelapseRisk(edition), AsamDimensions.Environment(edition), AsamDimensions.Engagement(edition)));
    }

    [Fact]
    public void Under_the_4th_edition_a_rating_of_4_in_dimension_4_is_substance_use_risk_and_places_in_high_intensity_residential()
    {
        var recommendation = Recommend(Quiet, Ratings(d4: 4), AsamEdition.Fourth);

        Assert.Equal("3.5", recommendation.Level.Code);
        Assert.Equal("dimension 4 rated 4 with withdrawal and biomedical risk at 2 or lower: high-intensity residential (3.5)", recommendation.Reasons[0].Reason);
    }

    [Fact]
    public void Person_centered_considerations_shape_care_but_do_not_raise_its_intensity_in_the_4th_edition()
    {
        // The same six numbers: in the 3rd edition dimension 6 is the recovery environment (places in 3.5); in the 4th it is
        // person-centered considerations, which do not place.
        Assert.Equal("3.5", Recommend(Quiet, Ratings(d6: 4), AsamEdition.Third).Level.Code);
        Assert.Equal("1.5", Recommend(Quiet, Ratings(d6: 4), AsamEdition.Fourth).Level.Code);
    }

    [Theory]
    [InlineData(AsamEdition.Third, 2, 1, "dimension 5 rated 2")]
    [InlineData(AsamEdition.Fourth, 2, 1, "dimension 4 rated 2")]
    public void Partial_hospitalization_reads_relapse_risk_from_the_edition_dimension(AsamEdition edition, int d4OrD5, int other, string fact)
    {
        var ratings = edition == AsamEdition.Third ? Ratings(d5: d4OrD5, d4: other) : Ratings(d4: d4OrD5, d5: other);

        var recommendation = Recommend(Quiet, ratings, edition);

        Assert.Equal("2.5", recommendation.Level.Code);
        Assert.StartsWith(fact, recommendation.Reasons[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_combination_of_ratings_gets_a_4th_edition_recommendation()
    {
        var count = 0;
        var all = Range().SelectMany(d1 => Range().SelectMany(d2 => Range().SelectMany(d3 => Range().SelectMany(d4 =>
            Range().SelectMany(d5 => Range().Select(d6 => Ratings(d1, d2, d3, d4, d5, d6)))))));
        foreach (var ratings in all)
        {
            Assert.NotEmpty(Recommend(Quiet, ratings, AsamEdition.Fourth).Reasons);
            count++;
        }

        Assert.Equal(15_625, count);

        static IEnumerable<int> Range() => Enumerable.Range(0, 5);
    }

    [Theory]
    [InlineData("0.5", null)]
    [InlineData("1", "1.5")]
    [InlineData("1-WM", "1.7")]
    [InlineData("2.1", "2.1")]
    [InlineData("2-WM", "2.7")]
    [InlineData("2.5", "2.5")]
    [InlineData("3.1", "3.1")]
    [InlineData("3.2-WM", "3.7")]
    [InlineData("3.3", "3.1")]
    [InlineData("3.5", "3.5")]
    [InlineData("3.7", "3.7")]
    [InlineData("3.7-WM", "3.7")]
    [InlineData("4", "4.0")]
    [InlineData("4-WM", "4.0")]
    public void Every_3rd_edition_level_reads_as_a_4th_edition_level(string third, string? fourth)
    {
        Assert.Equal(fourth, AsamCrosswalk.ToFourth(AsamLevels.Parse(AsamEdition.Third, third))?.Code);
    }

    [Fact]
    public void The_crosswalk_covers_every_3rd_edition_level_and_keeps_hospital_care_in_hospital()
    {
        foreach (var level in AsamLevels.For(AsamEdition.Third).Where(l => l.Code != "0.5"))
        {
            var fourth = AsamCrosswalk.ToFourth(level)!;
            Assert.Equal(AsamEdition.Fourth, fourth.Edition);
            Assert.Equal(level.IsHospital, fourth.IsHospital);
            Assert.Equal(level.ManagesWithdrawal, level.ManagesWithdrawal && fourth.ManagesWithdrawal);
        }
    }

    [Fact]
    public void Level_4_is_a_hospital_setting_in_both_editions()
    {
        Assert.True(AsamLevels.Parse(AsamEdition.Third, "4").IsHospital);
        Assert.True(AsamLevels.Parse(AsamEdition.Third, "4-WM").IsHospital);
        Assert.True(AsamLevels.Parse(AsamEdition.Fourth, "4.0").IsHospital);
        Assert.All(AsamLevels.For(AsamEdition.Third).Concat(AsamLevels.For(AsamEdition.Fourth)).Where(l => !l.Code.StartsWith('4')),
            level => Assert.False(level.IsHospital));
    }
}
