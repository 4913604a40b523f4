using System.Numerics;
using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Domain.Care;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Care;

/// <summary>One substance as the form sends it; <see cref="LastUse"/> is an instant (the page converts from local time).</summary>
public sealed record SubstanceUseForm
{
    public SubstanceConcerns Substance { get; init; }
    public SubstanceRoute Route { get; init; }
    public UseFrequency? Frequency { get; init; }
    public string? Amount { get; init; }
    public DateTimeOffset? LastUse { get; init; }
    public decimal? YearsOfUse { get; init; }
    public bool PriorSeizures { get; init; }
    public bool PriorDeliriumTremens { get; init; }
    public int PriorTreatmentEpisodes { get; init; }

    public static SubstanceUseForm From(SubstanceUse use)
    {
        ArgumentNullException.ThrowIfNull(use);
        return new()
        {
            Substance = use.Substance,
            Route = use.Route,
            Frequency = use.Frequency,
            Amount = use.Amount,
            LastUse = use.LastUse,
            YearsOfUse = use.YearsOfUse,
            PriorSeizures = use.PriorSeizures,
            PriorDeliriumTremens = use.PriorDeliriumTremens,
            PriorTreatmentEpisodes = use.PriorTreatmentEpisodes,
        };
    }

    public SubstanceUse ToSubstanceUse() => new()
    {
        Substance = Substance,
        Route = Route,
        Frequency = Frequency,
        Amount = string.IsNullOrWhiteSpace(Amount) ? null : Amount.Trim(),
        LastUse = LastUse,
        YearsOfUse = YearsOfUse,
        PriorSeizures = PriorSeizures,
        PriorDeliriumTremens = PriorDeliriumTremens,
        PriorTreatmentEpisodes = PriorTreatmentEpisodes,
    };
}

/// <summary>
/// Replaces an inquiry's clinical intake. <see cref="ExpectedVersion"/> is the version that was opened (null when there
/// was none): if someone saved in between, nothing is overwritten. Returns the new version.
/// </summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician)]
public sealed record SaveClinicalIntake(
    Guid InquiryId, string? ExpectedVersion, IReadOnlyList<SubstanceUseForm> Substances, string? Medications, string? MedicalConditions,
    bool? Pregnant) : ICommand<string>;

public sealed class SaveClinicalIntakeValidator : AbstractValidator<SaveClinicalIntake>
{
    public const int MaxAmount = 200;
    public const int MaxYears = 80;
    public const int MaxEpisodes = 99;
    public const int MaxText = 2000;

    public SaveClinicalIntakeValidator(TimeProvider clock)
    {
        RuleFor(c => c.Substances).NotNull().WithMessage("List the substances, or none.");
        RuleForEach(c => c.Substances).SetValidator(new SubstanceUseFormValidator(clock)).OverridePropertyName("Substances");
        RuleFor(c => c.Substances).Custom((substances, context) =>
        {
            foreach (var repeated in (substances ?? []).GroupBy(s => s.Substance).Where(g => g.Count() > 1))
            {
                context.AddFailure("Substances", $"{ClinicalIntake.Describe(repeated.Key)} is listed twice; keep one entry per substance.");
            }
        });
        RuleFor(c => c.Medications).MaximumLength(MaxText).WithMessage($"Keep medications to {MaxText} characters.");
        RuleFor(c => c.MedicalConditions).MaximumLength(MaxText).WithMessage($"Keep medical conditions to {MaxText} characters.");
    }
}

public sealed class SubstanceUseFormValidator : AbstractValidator<SubstanceUseForm>
{
    public SubstanceUseFormValidator(TimeProvider clock)
    {
        RuleFor(s => s.Substance).Must(s => s != SubstanceConcerns.None && BitOperations.IsPow2((int)s) && Enum.IsDefined(s))
            .WithMessage("Choose one substance for each entry.");
        RuleFor(s => s.Route).IsInEnum().WithMessage("Choose how the substance is used.");
        RuleFor(s => s.Frequency).IsInEnum().WithMessage("Choose how often the substance is used.");
        RuleFor(s => s.Amount).MaximumLength(SaveClinicalIntakeValidator.MaxAmount)
            .WithMessage(s => $"Keep the amount of {ClinicalIntake.Describe(s.Substance)} to {SaveClinicalIntakeValidator.MaxAmount} characters.");
        RuleFor(s => s.LastUse).Must(at => at is null || at <= clock.GetUtcNow())
            .WithMessage(s => $"The last use of {ClinicalIntake.Describe(s.Substance)} cannot be in the future.");
        RuleFor(s => s.YearsOfUse).InclusiveBetween(0, SaveClinicalIntakeValidator.MaxYears)
            .WithMessage(s => $"Years of {ClinicalIntake.Describe(s.Substance)} use are 0 to {SaveClinicalIntakeValidator.MaxYears}.");
        RuleFor(s => s.PriorTreatmentEpisodes).InclusiveBetween(0, SaveClinicalIntakeValidator.MaxEpisodes)
            .WithMessage($"Prior treatment episodes are 0 to {SaveClinicalIntakeValidator.MaxEpisodes}.");
    }
}

public sealed class SaveClinicalIntakeHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<SaveClinicalIntake, string>
{
    private const string Conflict = "Someone saved the substance use while you were editing. Your entries are still in the form: review theirs and save again.";

    public async ValueTask<string> Handle(SaveClinicalIntake command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var inquiry = await InquiryChanges.LoadAsync(db, command.InquiryId, cancellationToken);
        var intake = await db.ClinicalIntakes.FirstOrDefaultAsync(i => i.InquiryId == inquiry.Id, cancellationToken);
        var first = intake is null;
        if (intake is null)
        {
            if (command.ExpectedVersion is not null)
            {
                throw new ConcurrencyConflictException(Conflict, []);
            }

            intake = new ClinicalIntake(inquiry.Id);
            db.ClinicalIntakes.Add(intake);
        }
        else
        {
            var expected = command.ExpectedVersion is null ? [] : InquiryVersion.Decode(command.ExpectedVersion);
            if (!intake.Version.AsSpan().SequenceEqual(expected))
            {
                throw new ConcurrencyConflictException(Conflict, []);
            }

            // The version the person opened is the one the database must still hold at save time.
            db.Entry(intake).Property(i => i.Version).OriginalValue = expected;
        }

        var now = clock.GetUtcNow();
        var actor = user.Actor();
        intake.Update([.. command.Substances.Select(s => s.ToSubstanceUse())], command.Medications, command.MedicalConditions, command.Pregnant, actor, now);
        inquiry.Record(ActivityKind.LevelOfCare, intake.TimelineSummary, actor, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || (first && ex is UniqueKeyViolationException))
        {
            // A concurrency miss on an update, or a second first save on the inquiry's unique row.
            throw new ConcurrencyConflictException(Conflict, []);
        }

        return InquiryVersion.Encode(intake.Version);
    }
}
