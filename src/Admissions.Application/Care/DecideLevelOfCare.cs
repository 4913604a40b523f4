using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Domain.Care;
using Admissions.Domain.Common;
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

public sealed class DecideLevelOfCareHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
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
        if (CareScope.IsMentalHealthOnly(inquiry.Details, intake?.Substances.Count > 0))
        {
            // ASAM's criteria are for addictive, substance-related and co-occurring conditions; a mental-health-only placement
            // is justified under LOCUS or the payer's own criteria instead.
            throw new DomainRuleException(
                "This inquiry is about mental health only: ASAM levels are for substance use. Record the placement under LOCUS or the payer's criteria.");
        }

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

        var setting = decision.CareSetting is { } s ? LevelsOfCare.Describe(s) : "hospital: refer to a hospital";
        var summary = $"{(decision.IsAdmitting ? "Admitting level of care" : "Level of care changed to")} {decision.Label} ({AsamLevels.Describe(command.Edition)} edition, {setting})"
            + (decision.IsOverride ? $", overriding the recommended {recommendation.Level.Code}" : ", as recommended");
        inquiry.Record(ActivityKind.LevelOfCare, summary, actor, now, decision.OverrideReason);
        await db.SaveChangesAsync(cancellationToken);

        return new DecideLevelOfCareResult(decision.Id, decision.IsAdmitting, decision.LevelCode, decision.CareSetting, decision.IsOverride);
    }
}

/// <summary>
/// A mental-health-only placement, justified under LOCUS or the payer's own criteria (named), with the setting chosen and why.
/// ASAM levels are not forced onto it; the first decision is the admitting one, later ones are changes.
/// </summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.Clinician)]
public sealed record DecideMentalHealthPlacement(
    Guid InquiryId, CriteriaSet Criteria, string? CriteriaName, string Level, LevelOfCare? CareSetting, string Rationale)
    : ICommand<DecideLevelOfCareResult>;

public sealed class DecideMentalHealthPlacementValidator : AbstractValidator<DecideMentalHealthPlacement>
{
    public DecideMentalHealthPlacementValidator()
    {
        RuleFor(c => c.Criteria).IsInEnum().NotEqual(CriteriaSet.Asam).WithMessage("Choose LOCUS or the payer's criteria.");
        RuleFor(c => c.CriteriaName).NotEmpty().When(c => c.Criteria == CriteriaSet.PayerCriteria)
            .WithMessage("Name the payer's criteria (e.g. the plan's level-of-care guideline).").MaximumLength(100);
        RuleFor(c => c.Level).NotEmpty().WithMessage("Give the level the criteria point to.").MaximumLength(100);
        RuleFor(c => c.Level).Must(level => LocusLevels.All.Any(l => l.Code == level?.Trim())).When(c => c.Criteria == CriteriaSet.Locus)
            .WithMessage("LOCUS levels are 0 to 6.");
        RuleFor(c => c.CareSetting).Must(setting => MentalHealthPlacement.Settings.Contains(setting))
            .WithMessage("Choose a mental-health setting (mental-health residential, PHP, IOP, outpatient or a hospital).");
        RuleFor(c => c.Rationale).NotEmpty().WithMessage("Say why the criteria are met.").MaximumLength(2000);
    }
}

public sealed class DecideMentalHealthPlacementHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<DecideMentalHealthPlacement, DecideLevelOfCareResult>
{
    public async ValueTask<DecideLevelOfCareResult> Handle(DecideMentalHealthPlacement command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var inquiry = await InquiryChanges.LoadAsync(db, command.InquiryId, cancellationToken);
        var intake = await ClinicalIntakes.FindAsync(db, inquiry.Id, cancellationToken);
        if (!CareScope.IsMentalHealthOnly(inquiry.Details, intake?.Substances.Count > 0))
        {
            throw new DomainRuleException(
                "Substance use is recorded for this inquiry: decide the level of care under ASAM, which covers co-occurring mental-health conditions.");
        }

        var now = clock.GetUtcNow();
        var actor = user.Actor();
        var placement = new MentalHealthPlacement(command.Criteria, command.CriteriaName, command.Level, command.CareSetting, command.Rationale);
        var history = await db.LevelOfCareHistories.FirstOrDefaultAsync(h => h.InquiryId == inquiry.Id, cancellationToken);
        if (history is null)
        {
            history = new LevelOfCareHistory(inquiry.Id);
            db.LevelOfCareHistories.Add(history);
        }

        var decision = history.Place(placement, actor, now);
        var setting = decision.CareSetting is { } s ? LevelsOfCare.Describe(s) : "inpatient psychiatric hospital: refer to a hospital";
        inquiry.Record(ActivityKind.LevelOfCare,
            $"{(decision.IsAdmitting ? "Admitting level of care" : "Level of care changed to")} {decision.Label} ({setting}), mental health under {decision.CriteriaName}",
            actor, now, decision.Rationale);
        await db.SaveChangesAsync(cancellationToken);
        return new DecideLevelOfCareResult(decision.Id, decision.IsAdmitting, decision.LevelCode, decision.CareSetting, false);
    }
}
