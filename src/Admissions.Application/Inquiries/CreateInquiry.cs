using Admissions.Application.Common;
using Admissions.Application.Referrals;
using Admissions.Application.Staff;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Inquiries;

/// <summary>An inquiry on file that looks like the same person; <see cref="Summary"/> says what it was ("Returning: admitted 2026-03-14, INQ-2026-000018").</summary>
public sealed record DuplicateMatch(
    Guid Id, string Number, string PatientName, DateOnly? PatientDateOfBirth, string? Phone,
    InquiryStage Stage, DateTimeOffset CreatedAt, string? AssignedCoordinatorName, string MatchedOn, string Summary = "")
{
    /// <summary>Still being worked: a second inquiry would duplicate it. A closed one is a person coming back.</summary>
    public bool IsOpen => InquiryStageMachine.IsOpen(Stage);
}

public sealed record CreateInquiryResult(Guid? InquiryId, string? Number, IReadOnlyList<DuplicateMatch> Duplicates)
{
    public bool Created => InquiryId is not null;
}

/// <summary>
/// Takes an inquiry from the intake form. When it looks like any inquiry already on file (open, or a person coming back),
/// nothing is created until the coordinator has seen them and says to continue (<see cref="AllowDuplicates"/>). Only a
/// match that is still open marks the new inquiry as a possible duplicate; a returning person counts as a new inquiry.
/// </summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator)]
public sealed record CreateInquiry(InquiryForm Form, bool AllowDuplicates = false) : ICommand<CreateInquiryResult>;

public sealed class CreateInquiryValidator : AbstractValidator<CreateInquiry>
{
    public CreateInquiryValidator(IFacilityCalendar calendar) =>
        RuleFor(c => c.Form).NotNull().SetValidator(new InquiryFormValidator(calendar));
}

public sealed class CreateInquiryHandler(
    IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock, IFacilityCalendar calendar, IStaffAccounts accounts)
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
        var ownFacility = command.Form.FacilityId is null ? (await accounts.FindAsync(user.Id, cancellationToken))?.FacilityId : null;
        var facilityId = await InquiryFacility.ChooseAsync(db, command.Form.FacilityId, ownFacility, cancellationToken);
        var duplicates = await InquiryIntake.FindDuplicatesAsync(db, details, calendar.Organisation, cancellationToken);
        if (duplicates.Count > 0 && !command.AllowDuplicates)
        {
            return new CreateInquiryResult(null, null, duplicates);
        }

        var (actor, now) = (new Actor(user.Id, user.Name), clock.GetUtcNow());
        var inquiry = await InquiryIntake.CreateAsync(db, details, actor, now, calendar.Organisation, InquiryIntake.OpenDuplicateOf(duplicates), facilityId, cancellationToken);
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
        Guid? facilityId, CancellationToken cancellationToken)
    {
        var number = await NextNumberAsync(db, calendar.DayOf(now).Year, cancellationToken);
        var inquiry = Inquiry.Create(number, details, actor, now, duplicateOf, facilityId);
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

    /// <summary>The open inquiry a new one may repeat; null when every match is closed (a person coming back).</summary>
    public static Guid? OpenDuplicateOf(IReadOnlyList<DuplicateMatch> matches) => matches.FirstOrDefault(m => m.IsOpen)?.Id;

    /// <summary>
    /// Every inquiry (open or closed) with the same phone, or the same patient name and date of birth: open ones first,
    /// then the newest. <paramref name="except"/> leaves out the inquiry being looked at, and <paramref name="before"/> the later ones.
    /// </summary>
    public static async Task<IReadOnlyList<DuplicateMatch>> FindDuplicatesAsync(
        IAdmissionsDbContext db, InquiryDetails details, FacilityDays calendar, CancellationToken cancellationToken,
        Guid? except = null, DateTimeOffset? before = null)
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
            .Where(i => i.Id != except && (before == null || i.CreatedAt < before))
            .Where(i => (i.CallerPhoneDigits != null && phones.Contains(i.CallerPhoneDigits))
                || (i.PatientPhoneDigits != null && phones.Contains(i.PatientPhoneDigits))
                || (dob != null && i.PatientNameKey == nameKey && i.Details.PatientDateOfBirth == dob))
            .OrderByDescending(i => openStages.Contains(i.Stage))
            .ThenByDescending(i => i.CreatedAt)
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
                i.Stage,
                i.NotAdmittedReason,
                i.CreatedAt,
                i.ClosedAt,
                i.AssignedCoordinatorName,
            })
            .ToListAsync(cancellationToken);

        return [.. candidates.Select(c =>
        {
            var samePhone = (c.CallerPhoneDigits is not null && phones.Contains(c.CallerPhoneDigits))
                || (c.PatientPhoneDigits is not null && phones.Contains(c.PatientPhoneDigits));
            var phone = c.PatientPhoneDigits ?? c.CallerPhoneDigits;
            var closedOn = c.ClosedAt is { } closed ? calendar.DayOf(closed).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "";
            var summary = c.Stage switch
            {
                InquiryStage.Admitted => $"Returning: admitted {closedOn}, {c.Number}",
                InquiryStage.NotAdmitted => $"Returning: not admitted ({Inquiry.DescribeReason(c.NotAdmittedReason!.Value)}) {closedOn}, {c.Number}",
                InquiryStage.ReferredOut => $"Returning: referred out {closedOn}, {c.Number}",
                _ => $"Open: {InquiryStageMachine.Describe(c.Stage).ToLowerInvariant()}, {c.Number}, {c.AssignedCoordinatorName ?? "unassigned"}",
            };
            return new DuplicateMatch(
                c.Id, c.Number, $"{c.PatientFirstName} {c.PatientLastName}".Trim(), c.PatientDateOfBirth,
                phone is null ? null : PhoneNumber.Format(phone), c.Stage, c.CreatedAt, c.AssignedCoordinatorName,
                samePhone ? "same phone number" : "same name and date of birth", summary);
        })];
    }
}
