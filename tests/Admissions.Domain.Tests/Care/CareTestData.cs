using Admissions.Domain.Care;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;

namespace Admissions.Domain.Tests.Care;

internal static class CareTestData
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    public static readonly Actor Clinician = new("user-7", "Dr. Rivera");

    /// <summary>Nothing on record beyond the time of the assessment.</summary>
    public static readonly ClinicalPicture Quiet = new() { AssessedAt = Now };

    public static readonly DimensionRatings AllOnes = new(1, 1, 1, 1, 1, 1);

    public static DimensionRatings Ratings(int d1 = 1, int d2 = 1, int d3 = 1, int d4 = 1, int d5 = 1, int d6 = 1) =>
        new(d1, d2, d3, d4, d5, d6);

    public static SubstanceUse Use(SubstanceConcerns substance, bool seizures = false, bool deliriumTremens = false, DateTimeOffset? lastUse = null) => new()
    {
        Substance = substance,
        Route = SubstanceRoute.Oral,
        LastUse = lastUse ?? Now.AddHours(-10),
        PriorSeizures = seizures,
        PriorDeliriumTremens = deliriumTremens,
    };

    public static ClinicalPicture With(params SubstanceUse[] uses) => Quiet with { Substances = uses };

    public static LevelOfCareRecommendation Recommend(ClinicalPicture picture, DimensionRatings ratings, AsamEdition edition = AsamEdition.Third) =>
        LevelOfCareRules.Recommend(picture, ratings, edition);

    public static IReadOnlyList<string> Fired(ClinicalPicture picture, DimensionRatings ratings) =>
        [.. Recommend(picture, ratings).Reasons.Select(reason => reason.Rule)];
}
