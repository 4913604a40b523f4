using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Domain.Care;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;

namespace Admissions.Application.Care;

/// <summary>The level of care the rules recommend, and the screening results they read.</summary>
public sealed record LevelOfCareRecommendationView(LevelOfCareRecommendation Recommendation, CareScreeningResults Screenings);

/// <summary>What the rules recommend for these ratings; screening totals are filled from the inquiry's latest completed screenings
/// and substance use from its clinical intake.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.Clinician)]
public sealed record RecommendLevelOfCare(Guid InquiryId, ClinicalPictureForm Picture, DimensionRatingsForm Ratings, AsamEdition Edition = AsamEdition.Third)
    : IQuery<LevelOfCareRecommendationView>;

public sealed class RecommendLevelOfCareValidator : AbstractValidator<RecommendLevelOfCare>
{
    public RecommendLevelOfCareValidator()
    {
        RuleFor(q => q.Picture).NotNull().WithMessage("Describe the clinical picture.");
        CareValidation.Ratings(RuleFor(q => q.Ratings));
        RuleFor(q => q.Edition).IsInEnum();
    }
}

public sealed class RecommendLevelOfCareHandler(IAdmissionsDbContextFactory dbFactory, TimeProvider clock)
    : IQueryHandler<RecommendLevelOfCare, LevelOfCareRecommendationView>
{
    public async ValueTask<LevelOfCareRecommendationView> Handle(RecommendLevelOfCare query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var inquiry = await InquiryChanges.LoadAsync(db, query.InquiryId, cancellationToken);
        var screenings = await CareScreeningResults.LoadAsync(db, inquiry, cancellationToken);
        var intake = await ClinicalIntakes.FindAsync(db, inquiry.Id, cancellationToken);
        var picture = screenings.Picture(query.Picture, intake, clock.GetUtcNow());
        return new(LevelOfCareRules.Recommend(picture, query.Ratings.ToRatings(), query.Edition), screenings);
    }
}
