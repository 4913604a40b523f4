using Admissions.Domain.Care;
using Admissions.Domain.Common;

namespace Admissions.Domain.Tests.Care;

public class AsamLevelsTests
{
    [Fact]
    public void The_third_edition_has_nine_levels_and_five_withdrawal_management_levels()
    {
        Assert.Equal(
            ["0.5", "1", "2.1", "2.5", "3.1", "3.3", "3.5", "3.7", "4", "1-WM", "2-WM", "3.2-WM", "3.7-WM", "4-WM"],
            AsamLevels.For(AsamEdition.Third).Select(level => level.Code));
    }

    [Fact]
    public void The_fourth_edition_has_ten_levels()
    {
        Assert.Equal(
            ["1.0", "1.5", "1.7", "2.1", "2.5", "2.7", "3.1", "3.5", "3.7", "4.0"],
            AsamLevels.For(AsamEdition.Fourth).Select(level => level.Code));
    }

    [Fact]
    public void Every_level_carries_its_edition()
    {
        Assert.All(AsamLevels.For(AsamEdition.Third), level => Assert.Equal(AsamEdition.Third, level.Edition));
        Assert.All(AsamLevels.For(AsamEdition.Fourth), level => Assert.Equal(AsamEdition.Fourth, level.Edition));
    }

    [Fact]
    public void The_third_edition_is_the_default()
    {
        Assert.Equal(AsamEdition.Third, default);
    }

    [Theory]
    [InlineData(AsamEdition.Third, "0.5", LevelOfCare.Outpatient)]
    [InlineData(AsamEdition.Third, "1", LevelOfCare.Outpatient)]
    [InlineData(AsamEdition.Third, "2.1", LevelOfCare.IntensiveOutpatient)]
    [InlineData(AsamEdition.Third, "2.5", LevelOfCare.PartialHospitalization)]
    [InlineData(AsamEdition.Third, "3.1", LevelOfCare.Residential)]
    [InlineData(AsamEdition.Third, "3.3", LevelOfCare.Residential)]
    [InlineData(AsamEdition.Third, "3.5", LevelOfCare.Residential)]
    [InlineData(AsamEdition.Third, "3.7", LevelOfCare.Residential)]
    [InlineData(AsamEdition.Third, "4", null)]
    [InlineData(AsamEdition.Third, "1-WM", LevelOfCare.Outpatient)]
    [InlineData(AsamEdition.Third, "2-WM", LevelOfCare.PartialHospitalization)]
    [InlineData(AsamEdition.Third, "3.2-WM", LevelOfCare.WithdrawalManagement)]
    [InlineData(AsamEdition.Third, "3.7-WM", LevelOfCare.WithdrawalManagement)]
    [InlineData(AsamEdition.Third, "4-WM", null)]
    [InlineData(AsamEdition.Fourth, "1.0", LevelOfCare.Outpatient)]
    [InlineData(AsamEdition.Fourth, "1.5", LevelOfCare.Outpatient)]
    [InlineData(AsamEdition.Fourth, "1.7", LevelOfCare.Outpatient)]
    [InlineData(AsamEdition.Fourth, "2.1", LevelOfCare.IntensiveOutpatient)]
    [InlineData(AsamEdition.Fourth, "2.5", LevelOfCare.PartialHospitalization)]
    [InlineData(AsamEdition.Fourth, "2.7", LevelOfCare.PartialHospitalization)]
    [InlineData(AsamEdition.Fourth, "3.1", LevelOfCare.Residential)]
    [InlineData(AsamEdition.Fourth, "3.5", LevelOfCare.Residential)]
    [InlineData(AsamEdition.Fourth, "3.7", LevelOfCare.Residential)]
    [InlineData(AsamEdition.Fourth, "4.0", null)]
    public void Each_level_maps_to_the_setting_it_is_usually_delivered_in(AsamEdition edition, string code, LevelOfCare? setting)
    {
        Assert.Equal(setting, AsamLevels.Parse(edition, code).CareSetting);
    }

    [Fact]
    public void Withdrawal_management_is_the_WM_levels_in_the_third_edition_and_the_medically_managed_levels_in_the_fourth()
    {
        Assert.Equal(
            ["1-WM", "2-WM", "3.2-WM", "3.7-WM", "4-WM"],
            AsamLevels.For(AsamEdition.Third).Where(level => level.ManagesWithdrawal).Select(level => level.Code));
        Assert.Equal(
            ["1.7", "2.7", "3.7", "4.0"],
            AsamLevels.For(AsamEdition.Fourth).Where(level => level.ManagesWithdrawal).Select(level => level.Code));
    }

    [Fact]
    public void Parsing_ignores_case_and_surrounding_spaces()
    {
        var level = AsamLevels.Parse(AsamEdition.Third, " 3.7-wm ");

        Assert.Equal("3.7-WM", level.Code);
        Assert.Equal(LevelOfCare.WithdrawalManagement, level.CareSetting);
    }

    [Theory]
    [InlineData(AsamEdition.Third, "1.7")]
    [InlineData(AsamEdition.Third, "4.0")]
    [InlineData(AsamEdition.Fourth, "3.7-WM")]
    [InlineData(AsamEdition.Fourth, "3.3")]
    [InlineData(AsamEdition.Third, "")]
    public void A_code_from_another_edition_or_none_is_rejected(AsamEdition edition, string code)
    {
        Assert.Throws<DomainRuleException>(() => AsamLevels.Parse(edition, code));
    }

    [Fact]
    public void Levels_are_named_in_our_own_words()
    {
        Assert.Equal("Inpatient withdrawal management, medically monitored", AsamLevels.Parse(AsamEdition.Third, "3.7-WM").Name);
        Assert.All(AsamLevels.For(AsamEdition.Fourth), level => Assert.False(string.IsNullOrWhiteSpace(level.Name)));
    }
}
