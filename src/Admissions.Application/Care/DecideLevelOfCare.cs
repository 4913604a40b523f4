using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Domain.Care;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Care;

public sealed record DecideLevelOfCareResult(Guid DecisionId, bool IsAdmitting, string LevelCode, LevelOfCare? CareSetting, bool IsOverride);

/// <summary>
/// Decides a level of care: the rules' recommendation accepted, or overridden with another level and a reason.
/// The first decision on an inquiry is the admitting one; later ones are changes, appended.
/// </summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.Clinician)]
public sealed record DecideLevelOfCare(
    Guid InquiryId, ClinicalPictureForm Picture, DimensionRatingsForm Ratings, AsamEdition Edition = AsamEdition.Third,
    string? OverrideLevelCode = null, string? OverrideReason = null) : ICommand<DecideLevelOfCareResult>;

public sealed class DecideLevelOfCareValidator : AbstractValidator<DecideLevelOfCare>
{
    public DecideLevelOfCareValidator()
    {
        RuleFor(c => c.Picture).NotNull().WithMessage("Describe the clinical picture.");
        CareValidation.Ratings(RuleFor(c => c.Ratings));
        RuleFor(c => c.Edition).IsInEnum();
        RuleFor(c => c.OverrideReason).NotEmpty().When(c => !string.IsNullOrWhiteSpace(c.OverrideLevelCode))
            .WithMessage("Give a reason for overriding the recommended level of care.");
        RuleFor(c => c.OverrideReason).MaximumLength(2000);
        RuleFor(c => c.OverrideLevelCode)
            .Must((c, code) => AsamLevels.For(c.Edition).Any(l => string.Equals(l.Code, code!.Trim(), StringComparison.OrdinalIgnoreCase)))
            .When(c => !string.IsNullOrWhiteSpace(c.OverrideLevelCode) && Enum.IsDefined(c.Edition))
            .WithMessage(c => $"'{c.OverrideLevelCode}' is not an ASAM {AsamLevels.Describe(c.Edition)} edition level.");
    }
}

public sealed class DecideLevelOfCareHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, ILiveNotifier live, TimeProvider clock)
    : ICommandHandler<DecideLevelOfCare, DecideLevelOfCareResult>
{
    public async ValueTask<DecideLevelOfCareResult> Handle(DecideLevelOfCare command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var inquiry = await InquiryChanges.LoadAsync(db, command.InquiryId, cancellationToken);
        var now = clock.GetUtcNow();
        var actor = user.Actor();
        var screenings = await CareScreeningResults.LoadAsync(db, inquiry, cancellationToken);
        var intake = await ClinicalIntakes.FindAsync(db, inquiry.Id, cancellationToken);
        var recommendation = LevelOfCareRules.Recommend(screenings.Picture(command.Picture, intake, now), command.Ratings.ToRatings(), command.Edition);

        LevelOfCareOverride? overriding = null;
        if (!string.IsNullOrWhiteSpace(command.OverrideLevelCode))
        {
            var level = AsamLevels.Parse(command.Edition, command.OverrideLevelCode);
            overriding = new LevelOfCareOverride(level, level.CareSetting, command.OverrideReason ?? "");
        }

        var history = await db.LevelOfCareHistories.FirstOrDefaultAsync(h => h.InquiryId == inquiry.Id, cancellationToken);
        if (history is null)
        {
            history = new LevelOfCareHistory(inquiry.Id);
            db.LevelOfCareHistories.Add(history);
        }

        var decision = history.Current is null
            ? history.Decide(recommendation, actor, now, overriding)
            : history.Change(recommendation, actor, now, overriding);

        var setting = decision.CareSetting is { } s ? LevelsOfCare.Describe(s) : "hospital";
        var summary = $"{(decision.IsAdmitting ? "Admitting level of care" : "Level of care changed to")} ASAM {decision.Level.Code} ({setting})"
            + (decision.IsOverride ? $", overriding the recommended {recommendation.Level.Code}" : ", as recommended");
        inquiry.Record(ActivityKind.LevelOfCare, summary, actor, now, decision.OverrideReason);
        await db.SaveChangesAsync(cancellationToken);

        live.InquiryChanged(inquiry.Id);
        return new DecideLevelOfCareResult(decision.Id, decision.IsAdmitting, decision.Level.Code, decision.CareSetting, decision.IsOverride);
    }
}
