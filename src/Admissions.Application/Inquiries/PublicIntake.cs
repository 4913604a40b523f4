using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Admissions.Application.Common;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Inquiries;

public sealed record SubmittedInquiry(Guid InquiryId, string Number, DateTimeOffset CreatedAt, bool Replayed);

/// <summary>
/// An inquiry from a web form or call-tracking webhook, sent with an API key. With an
/// idempotency key, a retry returns the first answer and never opens a second inquiry.
/// Possible duplicates are flagged, not refused: nobody is on the line to decide.
/// </summary>
[RequiresRole(Roles.IntakeApi)]
public sealed record SubmitWebInquiry(Guid ApiKeyId, string? IdempotencyKey, InquiryForm Form) : ICommand<SubmittedInquiry>;

public sealed class SubmitWebInquiryValidator : AbstractValidator<SubmitWebInquiry>
{
    public SubmitWebInquiryValidator(IFacilityCalendar calendar)
    {
        RuleFor(c => c.IdempotencyKey).MaximumLength(100).WithMessage("Idempotency-Key is limited to 100 characters.");
        RuleFor(c => c.Form).NotNull().SetValidator(new InquiryFormValidator(calendar));
        // Organisation ids are internal: a website names its referrer in ReferralSource.
        RuleFor(c => c.Form.ReferralOrganisationId).Null().When(c => c.Form is not null)
            .WithMessage("ReferralOrganisationId is not accepted here; name the referrer in ReferralSource.");
        // The facility comes from the API key (Admin → API keys), never from the request.
        RuleFor(c => c.Form.FacilityId).Null().When(c => c.Form is not null).WithMessage("The facility is set on the API key.");
    }
}

/// <summary>The same idempotency key was sent with a different request body.</summary>
public sealed class IdempotencyKeyReusedException()
    : UserErrorException("This Idempotency-Key was already used for a different request. Use a new key for a new inquiry.", UserErrorKind.Refused);

public sealed class SubmitWebInquiryHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock, IFacilityCalendar calendar)
    : ICommandHandler<SubmitWebInquiry, SubmittedInquiry>
{
    public ValueTask<SubmittedInquiry> Handle(SubmitWebInquiry command, CancellationToken cancellationToken) =>
        SaveConflicts.RetryAsync(() => SubmitAsync(command, cancellationToken));

    private async ValueTask<SubmittedInquiry> SubmitAsync(SubmitWebInquiry command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var requestHash = Hash(command.Form);
        if (command.IdempotencyKey is { Length: > 0 } key)
        {
            var earlier = await db.IdempotencyRecords.AsNoTracking()
                .FirstOrDefaultAsync(r => r.ApiKeyId == command.ApiKeyId && r.Key == key, cancellationToken);
            if (earlier is not null)
            {
                return earlier.RequestHash == requestHash
                    ? new SubmittedInquiry(earlier.InquiryId, earlier.InquiryNumber, earlier.CreatedAt, Replayed: true)
                    : throw new IdempotencyKeyReusedException();
            }
        }

        var details = command.Form.ToDetails();
        var keyFacility = await db.ApiKeys.AsNoTracking().Where(k => k.Id == command.ApiKeyId).Select(k => k.FacilityId).FirstOrDefaultAsync(cancellationToken);
        var facilityId = await InquiryFacility.ChooseAsync(db, null, keyFacility, cancellationToken);
        var duplicates = await InquiryIntake.FindDuplicatesAsync(db, details, calendar.Organisation, cancellationToken);
        var now = clock.GetUtcNow();
        var inquiry = await InquiryIntake.CreateAsync(db, details, user.Actor(), now, calendar.Organisation, InquiryIntake.OpenDuplicateOf(duplicates), facilityId, cancellationToken);
        if (command.IdempotencyKey is { Length: > 0 } newKey)
        {
            // Saved with the inquiry: a concurrent retry with the same key fails on the primary key and replays.
            db.IdempotencyRecords.Add(new IdempotencyRecord
            {
                ApiKeyId = command.ApiKeyId,
                Key = newKey,
                RequestHash = requestHash,
                InquiryId = inquiry.Id,
                InquiryNumber = inquiry.Number,
                CreatedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return new SubmittedInquiry(inquiry.Id, inquiry.Number, now, Replayed: false);
    }

    private static string Hash(InquiryForm form) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(form))));
}

/// <summary>How far an inquiry is, in words that say nothing of the person's care: admitted, not admitted and referred out are all "closed".</summary>
public enum InquiryProgress
{
    Received,
    InProgress,
    Closed,
}

/// <summary>
/// Where an inquiry stands, as a web-form vendor may know it. Part 2: whether an identified caller was admitted to, or
/// turned away from, an addiction program is itself protected, so the stage is never shown here, only its coarse progress.
/// </summary>
public sealed record InquiryStatus(string Number, InquiryProgress Status, DateTimeOffset ReceivedAt, DateTimeOffset? ClosedAt);

/// <summary>Where an inquiry stands, without clinical detail. An API key sees only the inquiries it sent.</summary>
[RequiresRole(Roles.IntakeApi, Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator)]
public sealed record GetInquiryStatus(string Number) : IQuery<InquiryStatus>;

public sealed class GetInquiryStatusHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user)
    : IQueryHandler<GetInquiryStatus, InquiryStatus>
{
    public async ValueTask<InquiryStatus> Handle(GetInquiryStatus query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var number = query.Number.Trim().ToUpperInvariant();
        var inquiries = db.Inquiries.AsNoTracking().Where(i => i.Number == number);
        if (user.IsInRole(Roles.IntakeApi))
        {
            inquiries = inquiries.Where(i => i.CreatedById == user.Id);
        }

        var found = await inquiries
            .Select(i => new { i.Number, i.Stage, i.CreatedAt, i.ClosedAt })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"Inquiry {number}");
        var progress = InquiryStageMachine.IsClosed(found.Stage) ? InquiryProgress.Closed
            : found.Stage == InquiryStage.New ? InquiryProgress.Received
            : InquiryProgress.InProgress;
        return new InquiryStatus(found.Number, progress, found.CreatedAt, progress == InquiryProgress.Closed ? found.ClosedAt : null);
    }
}
