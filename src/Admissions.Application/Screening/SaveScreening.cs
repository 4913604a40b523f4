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
/// Saves a screening taken during the call: a new one (no <paramref name="ScreeningId"/>), more answers on a draft, or — for a
/// completed screening — a correction, which is a new completed version that keeps the old one. Clinician-observed instruments
/// (COWS, CIWA-Ar) are not taken during a call: they are recorded with <see cref="RecordObservation"/>.
/// </summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician)]
public sealed record SaveScreening(Guid InquiryId, Guid? ScreeningId, InstrumentCode Instrument, IReadOnlyDictionary<string, int> Answers, bool Complete)
    : ICommand<SaveScreeningResult>;

/// <summary>
/// Records a clinician-observed instrument (COWS, CIWA-Ar): rated in person by a clinician, at or after the patient's arrival.
/// COWS and CIWA-Ar score signs only an observer can see (COWS starts with the resting pulse; CIWA-Ar's tremor, sweating and
/// orientation are observed): Wesson &amp; Ling 2003; Sullivan et al. 1989.
/// </summary>
[RequiresRole(Roles.Clinician)]
public sealed record RecordObservation(
    Guid InquiryId, Guid? ScreeningId, InstrumentCode Instrument, IReadOnlyDictionary<string, int> Answers, bool Complete, bool ObservedInPerson)
    : ICommand<SaveScreeningResult>;

public sealed class RecordObservationValidator : AbstractValidator<RecordObservation>
{
    public RecordObservationValidator()
    {
        RuleFor(c => c.Instrument).Must(code => InstrumentCatalog.Default.TryGet(code, out var definition) && definition.IsObserved)
            .WithMessage("Only clinician-observed instruments (COWS, CIWA-Ar) are recorded as an observation.");
        RuleFor(c => c.ObservedInPerson).Equal(true).WithMessage("Confirm you observed the patient in person.");
        RuleFor(c => c.Answers).NotNull().WithMessage("Send the answers (an empty set saves an empty draft).");
    }
}

public sealed class RecordObservationHandler(
    IAdmissionsDbContextFactory dbFactory, ICurrentUser user, IStaffDirectory staff, ILiveNotifier live, TimeProvider clock,
    IFacilityCalendar calendar, IOptions<SafetyOptions> safety)
    : ICommandHandler<RecordObservation, SaveScreeningResult>
{
    public async ValueTask<SaveScreeningResult> Handle(RecordObservation command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var now = clock.GetUtcNow();
        if (!await ScreeningSaves.HasArrivedAsync(db, command.InquiryId, now, cancellationToken))
        {
            var name = InstrumentCatalog.Default.Get(command.Instrument).Name;
            throw new DomainRuleException(
                $"{name} is observed in person, at or after the patient's arrival. Book the admission first (a walk-in: book it for now), then record it.");
        }

        return await ScreeningSaves.SaveAsync(db, staff, live, calendar, safety.Value, user.Actor(), now,
            new SaveScreening(command.InquiryId, command.ScreeningId, command.Instrument, command.Answers, command.Complete), cancellationToken);
    }
}

public sealed class SaveScreeningValidator : AbstractValidator<SaveScreening>
{
    public SaveScreeningValidator()
    {
        RuleFor(c => c.Instrument).IsInEnum().Must(code => InstrumentCatalog.Default.TryGet(code, out _))
            .WithMessage("Choose an instrument from the catalog.");
        RuleFor(c => c.Instrument).Must(code => !InstrumentCatalog.Default.TryGet(code, out var definition) || !definition.IsObserved)
            .WithMessage(c => $"{InstrumentCatalog.Default.Get(c.Instrument).Name} is rated by a clinician in person at or after arrival, not during a call. By phone, use the self-report scale (SOWS for opioids, SAWS for alcohol).");
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
        return await ScreeningSaves.SaveAsync(db, staff, live, calendar, safety.Value, user.Actor(), clock.GetUtcNow(), command, cancellationToken);
    }
}

internal static class ScreeningSaves
{
    /// <summary>
    /// The patient is here: checked in, or an admission is booked whose arrival time has come (within the booking grace, so a
    /// walk-in booked "now" counts).
    /// </summary>
    public static Task<bool> HasArrivedAsync(IAdmissionsDbContext db, Guid inquiryId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var arrivedBy = now + Placement.AdmissionRules.ArrivalGrace;
        return db.Admissions.AnyAsync(
            a => a.InquiryId == inquiryId
                && (a.State == Domain.Placement.AdmissionState.Admitted
                    || (a.State == Domain.Placement.AdmissionState.Scheduled && a.ScheduledFor <= arrivedBy)),
            cancellationToken);
    }

    public static async Task<SaveScreeningResult> SaveAsync(
        IAdmissionsDbContext db, IStaffDirectory staff, ILiveNotifier live, IFacilityCalendar calendar, SafetyOptions safety, Actor actor,
        DateTimeOffset now, SaveScreening command, CancellationToken cancellationToken)
    {
        var inquiry = await InquiryChanges.LoadAsync(db, command.InquiryId, cancellationToken);
        var definition = InstrumentCatalog.Default.Get(command.Instrument);

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

        var alert = await SafetyWorkflow.RaiseIfNeededAsync(db, staff, calendar, safety, inquiry, screening, result.Safety, actor, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        if (alert is not null)
        {
            live.NotificationsChanged(alert.Value.NotifiedUserIds);
        }

        return new SaveScreeningResult(screening.Id, screening.VersionNumber, screening.Status, screening.Total, screening.BandLabel,
            screening.SuicideRisk, screening.IsComplete, result.Safety.Level, alert?.Alert.Id);
    }

    private static string Describe(ScreeningResult result) => result.SuicideRisk is { } risk
        ? $"suicide risk {risk.ToString().ToLowerInvariant()}"
        : $"total {result.Total?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–"}{(result.Band is { } band ? $" ({band.Label})" : "")}";
}
