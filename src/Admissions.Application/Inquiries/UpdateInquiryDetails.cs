using Admissions.Application.Common;
using Admissions.Application.Referrals;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Inquiries;

/// <summary>
/// Saves edits to an inquiry's details. <see cref="Original"/> is the form as it was opened and
/// <see cref="ExpectedVersion"/> its version: if someone saved in between, nothing is overwritten
/// and the conflict names the fields they changed.
/// </summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator)]
public sealed record UpdateInquiryDetails(Guid InquiryId, string ExpectedVersion, InquiryForm Original, InquiryForm Updated)
    : ICommand<string>;

public sealed class UpdateInquiryDetailsValidator : AbstractValidator<UpdateInquiryDetails>
{
    public UpdateInquiryDetailsValidator(IFacilityCalendar calendar)
    {
        RuleFor(c => c.ExpectedVersion).NotEmpty();
        RuleFor(c => c.Updated).NotNull().SetValidator(new InquiryFormValidator(calendar));
    }
}

public sealed class UpdateInquiryDetailsHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<UpdateInquiryDetails, string>
{
    public async ValueTask<string> Handle(UpdateInquiryDetails command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var inquiry = await InquiryChanges.LoadAsync(db, command.InquiryId, cancellationToken);
        var expected = InquiryVersion.Decode(command.ExpectedVersion);
        if (!inquiry.Version.AsSpan().SequenceEqual(expected))
        {
            throw await ConflictAsync(db, inquiry, command.Original, cancellationToken);
        }

        // The version the person saw is the one the database must still hold at save time.
        db.Entry(inquiry).Property(i => i.Version).OriginalValue = expected;
        var (actor, now) = (user.Actor(), clock.GetUtcNow());
        inquiry.UpdateDetails(command.Updated.ToDetails(), actor, now);
        await ReferralAttribution.AttributeAsync(db, inquiry, command.Updated.ReferralOrganisationId, actor, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateAsync(cancellationToken);
            throw await ConflictAsync(fresh, await InquiryChanges.LoadAsync(fresh, command.InquiryId, cancellationToken), command.Original, cancellationToken);
        }

        return InquiryVersion.Encode(inquiry.Version);
    }

    private static async Task<ConcurrencyConflictException> ConflictAsync(
        IAdmissionsDbContext db, Inquiry current, InquiryForm original, CancellationToken cancellationToken)
    {
        var changed = InquiryFormMapper.ChangedFields(original, current.ToForm());
        var lastEdit = await db.InquiryActivities.AsNoTracking()
            .Where(a => a.InquiryId == current.Id)
            .OrderByDescending(a => a.OccurredAt)
            .Select(a => a.ActorName)
            .FirstOrDefaultAsync(cancellationToken);
        var who = lastEdit ?? "Someone";
        var what = changed.Count == 0 ? "updated this inquiry" : $"changed {string.Join(", ", changed)}";
        return new ConcurrencyConflictException(
            $"{who} {what} while you were editing. Your edits are still in the form: review them and save again.",
            changed,
            new InquiryConflict(InquiryVersion.Encode(current.Version), current.ToForm()));
    }
}

/// <summary>The saved state a conflicting editor should reconcile with.</summary>
public sealed record InquiryConflict(string CurrentVersion, InquiryForm Current);
