using Admissions.Application.Common;
using Admissions.Application.Referrals;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Inquiries;

public sealed record DuplicateMatch(
    Guid Id, string Number, string PatientName, DateOnly? PatientDateOfBirth, string? Phone,
    InquiryStage Stage, DateTimeOffset CreatedAt, string? AssignedCoordinatorName, string MatchedOn);

public sealed record CreateInquiryResult(Guid? InquiryId, string? Number, IReadOnlyList<DuplicateMatch> Duplicates)
{
    public bool Created => InquiryId is not null;
}

/// <summary>
/// Takes an inquiry from the intake form. When it looks like an open inquiry already on file,
/// nothing is created until the coordinator says to continue (<see cref="AllowDuplicates"/>).
/// </summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator)]
public sealed record CreateInquiry(InquiryForm Form, bool AllowDuplicates = false) : ICommand<CreateInquiryResult>;

public sealed class CreateInquiryValidator : AbstractValidator<CreateInquiry>
{
    public CreateInquiryValidator(IFacilityCalendar calendar) =>
        RuleFor(c => c.Form).NotNull().SetValidator(new InquiryFormValidator(calendar));
}

public sealed class CreateInquiryHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock, IFacilityCalendar calendar)
    : ICommandHandler<CreateInquiry, CreateInquiryResult>
{
    public ValueTask<CreateInquiryResult> Handle(CreateInquiry command, CancellationToken cancellationToken) =>
        SaveConflicts.RetryAsync(() => CreateAsync(command, cancellationToken));

    private async ValueTask<CreateInquiryResult> CreateAsync(CreateInquiry command, CancellationToken cancellationToken)
    {
        var details = command.Form.ToDetails();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var organisation = command.Form.ReferralOrganisationId is { } organisationId
            ? await ReferralAttribution.ChooseAsync(db, organisationId, cancellationToken)
            : null;
        var duplicates = await InquiryIntake.FindDuplicatesAsync(db, details, cancellationToken);
        if (duplicates.Count > 0 && !command.AllowDuplicates)
        {
            return new CreateInquiryResult(null, null, duplicates);
        }

        var (actor, now) = (new Actor(user.Id, user.Name), clock.GetUtcNow());
        var inquiry = await InquiryIntake.CreateAsync(db, details, actor, now, calendar.Organisation, duplicates.Count > 0 ? duplicates[0].Id : null, cancellationToken);
        if (organisation is not null)
        {
            inquiry.AttributeReferral(organisation, actor, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new CreateInquiryResult(inquiry.Id, inquiry.Number, duplicates);
    }
}

/// <summary>What every way in (intake form, public API) does to open an inquiry.</summary>
internal static class InquiryIntake
{
    /// <param name="calendar">Where the inquiry comes in: its number's year is the year there (a call at 4:30 PM Pacific on 31 December is still that year's).</param>
    public static async Task<Inquiry> CreateAsync(
        IAdmissionsDbContext db, InquiryDetails details, Actor actor, DateTimeOffset now, FacilityDays calendar, Guid? duplicateOf,
        CancellationToken cancellationToken)
    {
        var number = await NextNumberAsync(db, calendar.DayOf(now).Year, cancellationToken);
        var inquiry = Inquiry.Create(number, details, actor, now, duplicateOf);
        db.Inquiries.Add(inquiry);
        return inquiry;
    }

    /// <summary>
    /// Takes the next number of the year's sequence. The sequence row's version makes two
    /// simultaneous intakes collide on save instead of sharing a number; the loser is retried.
    /// </summary>
    private static async Task<string> NextNumberAsync(IAdmissionsDbContext db, int year, CancellationToken cancellationToken)
    {
        var name = InquiryNumber.SequenceName(year);
        var sequence = await db.NumberSequences.FirstOrDefaultAsync(s => s.Name == name, cancellationToken);
        if (sequence is null)
        {
            sequence = new NumberSequence { Name = name };
            db.NumberSequences.Add(sequence);
        }

        sequence.LastValue++;
        return InquiryNumber.Format(year, sequence.LastValue);
    }

    /// <summary>Open inquiries with the same phone, or the same patient name and date of birth.</summary>
    public static async Task<IReadOnlyList<DuplicateMatch>> FindDuplicatesAsync(
        IAdmissionsDbContext db, InquiryDetails details, CancellationToken cancellationToken)
    {
        var phones = new[] { PhoneNumber.Normalize(details.CallerPhone), PhoneNumber.Normalize(details.PatientPhone) }
            .OfType<string>().Distinct().ToArray();
        var nameKey = Inquiry.NameKey(details.PatientFirstName, details.PatientLastName);
        var dob = details.PatientDateOfBirth;
        if (phones.Length == 0 && dob is null)
        {
            return [];
        }

        var openStages = InquiryStageMachine.OpenStages;
        var candidates = await db.Inquiries.AsNoTracking()
            .Where(i => openStages.Contains(i.Stage))
            .Where(i => (i.CallerPhoneDigits != null && phones.Contains(i.CallerPhoneDigits))
                || (i.PatientPhoneDigits != null && phones.Contains(i.PatientPhoneDigits))
                || (dob != null && i.PatientNameKey == nameKey && i.Details.PatientDateOfBirth == dob))
            .OrderByDescending(i => i.CreatedAt)
            .Take(10)
            .Select(i => new
            {
                i.Id,
                i.Number,
                i.Details.PatientFirstName,
                i.Details.PatientLastName,
                i.Details.PatientDateOfBirth,
                i.CallerPhoneDigits,
                i.PatientPhoneDigits,
                i.PatientNameKey,
                i.Stage,
                i.CreatedAt,
                i.AssignedCoordinatorName,
            })
            .ToListAsync(cancellationToken);

        return [.. candidates.Select(c =>
        {
            var samePhone = (c.CallerPhoneDigits is not null && phones.Contains(c.CallerPhoneDigits))
                || (c.PatientPhoneDigits is not null && phones.Contains(c.PatientPhoneDigits));
            var phone = c.PatientPhoneDigits ?? c.CallerPhoneDigits;
            return new DuplicateMatch(
                c.Id, c.Number, $"{c.PatientFirstName} {c.PatientLastName}".Trim(), c.PatientDateOfBirth,
                phone is null ? null : PhoneNumber.Format(phone), c.Stage, c.CreatedAt, c.AssignedCoordinatorName,
                samePhone ? "same phone number" : "same name and date of birth");
        })];
    }
}
