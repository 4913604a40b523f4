namespace Admissions.Domain.Care;

/// <summary>
/// One named level-of-care rule. <see cref="Check"/> returns the facts that make it fire, or null
/// when it does not.
/// </summary>
public sealed record LevelOfCareRule(
    string Name,
    string Title,
    string ThirdEditionCode,
    string FourthEditionCode,
    LevelOfCare? CareSetting,
    Func<ClinicalPicture, DimensionRatings, string?> Check)
{
    public AsamLevel LevelFor(AsamEdition edition) =>
        AsamLevels.Parse(edition, edition == AsamEdition.Fourth ? FourthEditionCode : ThirdEditionCode);

    public RuleFinding? Evaluate(ClinicalPicture picture, DimensionRatings ratings, AsamEdition edition)
    {
        if (Check(picture, ratings) is not { } facts)
        {
            return null;
        }

        var level = LevelFor(edition);
        return new(Name, level, CareSetting, $"{facts}: {Title} ({level.Code})");
    }
}
