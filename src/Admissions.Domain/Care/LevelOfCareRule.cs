namespace Admissions.Domain.Care;

/// <summary>
/// One named level-of-care rule. <see cref="Check"/> returns the facts that make it fire, or null
/// when it does not; it reads the ratings by the dimensions of the edition they were made under.
/// </summary>
public sealed record LevelOfCareRule(
    string Name,
    string Title,
    string ThirdEditionCode,
    string FourthEditionCode,
    LevelOfCare? CareSetting,
    Func<ClinicalPicture, DimensionRatings, AsamEdition, string?> Check)
{
    public AsamLevel LevelFor(AsamEdition edition) =>
        AsamLevels.Parse(edition, edition == AsamEdition.Fourth ? FourthEditionCode : ThirdEditionCode);

    public RuleFinding? Evaluate(ClinicalPicture picture, DimensionRatings ratings, AsamEdition edition)
    {
        if (Check(picture, ratings, edition) is not { } facts)
        {
            return null;
        }

        var level = LevelFor(edition);
        return new(Name, level, CareSetting, $"{facts}: {Title} ({level.Code})");
    }
}
