using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Application.Safety;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Screening;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Admissions.Application.Screening;

public sealed record SaveScreeningResult(Guid ScreeningId, int VersionNumber, ScreeningStatus Status, int? Total, string? BandLabel,
    SuicideRisk? SuicideRisk, bool IsComplete, AlertLevel SafetyLevel, Guid? RaisedAlertId);

/// <summary>
/// Saves a screening: a new one (no <paramref name="ScreeningId"/>), more answers on a draft, or — for a completed
/// screening — a correction, which is a new completed version that keeps the old one.
/// </summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician)]
public sealed record SaveScreening(Guid InquiryId, Guid? ScreeningId, InstrumentCode Instrument, IReadOnlyDictionary<string, int> Answers, bool Complete)
    : ICommand<SaveScreeningResult>;

public sealed class SaveScreeningValidator : AbstractValidator<SaveScreening>
{
    public SaveScreeningValidator()
    {
        RuleFor(c => c.Instrument).IsInEnum().Must(code => InstrumentCatalog.Default.TryGet(code, out _))
            .WithMessage("Choose an instrument from the catalog.");
        RuleFor(c => c.Answers).NotNull().WithMessage("Send the answers (an empty set saves an empty draft).");
        RuleFor(c => c.Answers).Custom((answers, context) =>
        {
            var command = context.InstanceToValidate;
            if (answers is null || !InstrumentCatalog.Default.TryGet(command.Instrument, out var definition))
            {
                return;
            }

            foreach (var (itemId, answer) in answers)
            {
                var item = definition.FindItem(itemId);
                if (item is null)
                {
                    context.AddFailure(nameof(SaveScreening.Answers), $"'{itemId}' is not an item of {definition.Name}.");
                }
                else if (!item.Allows(answer))
                {
                    context.AddFailure(nameof(SaveScreening.Answers),
                        $"Item {item.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)} of {definition.Name} does not allow {answer.ToString(System.Globalization.CultureInfo.InvariantCulture)}; it allows {string.Join(", ", item.AllowedAnswers)}.");
                }
                else if (!item.IsAsked(answers))
                {
                    context.AddFailure(nameof(SaveScreening.Answers),
                        $"Item {item.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)} of {definition.Name} is asked only when '{item.AskedWhen!.ItemId}' is answered {item.AskedWhen.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}; clear its answer.");
                }
            }
        });
    }
}

public sealed class SaveScreeningHandler(
    IAdmissionsDbContextFactory dbFactory, ICurrentUser user, IStaffDirectory staff, ILiveNotifier live, TimeProvider clock,
    IFacilityCalendar calendar, IOptions<SafetyOptions> safety)
    : ICommandHandler<SaveScreening, SaveScreeningResult>
{
    public async ValueTask<SaveScreeningResult> Handle(SaveScreening command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var inquiry = await InquiryChanges.LoadAsync(db, command.InquiryId, cancellationToken);
        var definition = InstrumentCatalog.Default.Get(command.Instrument);
        var now = clock.GetUtcNow();
        var actor = user.Actor();

        ScreeningRecord screening;
        ScreeningResult result;
        string summary;
        if (command.ScreeningId is not { } screeningId)
        {
            (screening, result) = ScreeningRecord.Start(inquiry.Id, definition, null, command.Answers, command.Complete, actor, now);
            db.Screenings.Add(screening);
            summary = command.Complete ? $"{definition.Name} completed" : $"{definition.Name} started (draft)";
        }
        else
        {
            var existing = await db.Screenings.FirstOrDefaultAsync(s => s.Id == screeningId && s.InquiryId == inquiry.Id, cancellationToken)
                ?? throw new NotFoundException("The screening");
            if (existing.Instrument != command.Instrument)
            {
                throw new DomainRuleException($"That screening is a {existing.Instrument} screening, not {command.Instrument}.");
            }

            if (existing.Status == ScreeningStatus.Completed)
            {
                if (!command.Complete)
                {
                    throw new DomainRuleException("A completed screening is never changed; a correction must be completed too.");
                }

                (screening, result) = existing.Correct(definition, command.Answers, actor, now);
                db.Screenings.Add(screening);
                summary = $"{definition.Name} corrected (version {screening.VersionNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
            }
            else
            {
                screening = existing;
                result = existing.Save(definition, command.Answers, command.Complete, actor, now);
                summary = command.Complete ? $"{definition.Name} completed" : $"{definition.Name} draft saved";
            }
        }

        if (screening.Status == ScreeningStatus.Completed)
        {
            inquiry.Record(ActivityKind.Screening, $"{summary}: {Describe(result)}", actor, now);
        }

        var alert = await SafetyWorkflow.RaiseIfNeededAsync(db, staff, calendar, safety.Value, inquiry, screening, result.Safety, actor, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        if (alert is not null)
        {
            live.NotificationsChanged(alert.Value.NotifiedUserIds);
        }

        live.InquiryChanged(inquiry.Id);
        return new SaveScreeningResult(screening.Id, screening.VersionNumber, screening.Status, screening.Total, screening.BandLabel,
            screening.SuicideRisk, screening.IsComplete, result.Safety.Level, alert?.Alert.Id);
    }

    private static string Describe(ScreeningResult result) => result.SuicideRisk is { } risk
        ? $"suicide risk {risk.ToString().ToLowerInvariant()}"
        : $"total {result.Total?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–"}{(result.Band is { } band ? $" ({band.Label})" : "")}";
}
