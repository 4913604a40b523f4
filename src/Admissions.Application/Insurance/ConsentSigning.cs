using System.Globalization;
using Admissions.Application.Common;
using Admissions.Application.Messaging;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Admissions.Domain.Messaging;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Admissions.Application.Insurance;

/// <summary>Consent signing (section <c>Consent</c>).</summary>
public sealed class ConsentOptions
{
    public const string Section = "Consent";

    /// <summary>How long a signing link works; each link works once.</summary>
    public TimeSpan SigningLinkLifetime { get; set; } = TimeSpan.FromHours(48);
}

/// <summary>Sends a consent's signing link to the patient through the outbox: a new single-use link, older ones cancelled.</summary>
public sealed class ConsentSigningLinks(IOptions<MessagingOptions> messaging, IOptions<ConsentOptions> options, IOutboxDispatchSignal dispatch)
{
    public const string PagePath = "/sign/";

    /// <summary>Queues the link and says where it went ("signing link sent by text to (555) 201-4477"). The caller saves.</summary>
    public async Task<string> SendAsync(
        IAdmissionsDbContext db, Inquiry inquiry, Part2Consent consent, ConsentSigning channel, string sendTo, Actor actor, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var messageChannel = channel == ConsentSigning.LinkByEmail ? MessageChannel.Email : MessageChannel.Sms;
        var address = MessagingAddress.Normalize(messageChannel, sendTo)
            ?? throw new DomainRuleException(messageChannel == MessageChannel.Sms ? "Enter the patient's 10-digit mobile number." : "Enter the patient's email address.");
        if (await Outbox.FindOptOutAsync(db, messageChannel, address, cancellationToken) is not null)
        {
            throw new DomainRuleException($"{sendTo.Trim()} has opted out of {(messageChannel == MessageChannel.Sms ? "texts" : "email")}: send the link another way.");
        }

        var open = await db.ConsentSigningRequests.Where(r => r.ConsentId == consent.Id && r.UsedAt == null && r.CancelledAt == null).ToListAsync(cancellationToken);
        open.ForEach(r => r.Cancel(now));

        var settings = messaging.Value;
        var (request, token) = ConsentSigningRequest.Create(consent, messageChannel.ToString(), address, options.Value.SigningLinkLifetime, actor.Name, now);
        db.ConsentSigningRequests.Add(request);
        var zone = Outbox.ZoneFor(inquiry.Details.PatientState, settings);
        var expires = TimeZoneInfo.ConvertTime(request.ExpiresAt, Domain.Placement.Facility.FindZone(zone) ?? settings.FacilityZone);
        var values = Outbox.ProspectValues(settings, inquiry.Details.PatientFirstName);
        values["Link"] = $"{settings.AppUrl.TrimEnd('/')}{PagePath}{token}";
        values["When"] = expires.ToString("MMM d 'at' h:mm tt", CultureInfo.InvariantCulture);
        await Outbox.QueueOnceAsync(db, new MessageDraft(messageChannel, MessageAudience.Requested, address, inquiry.Details.PatientFirstName,
            MessageTemplates.ConsentSigning, values, inquiry.Id, zone, $"consent-signing:{request.Id:N}", now), now, cancellationToken);
        return $"signing link sent by {(messageChannel == MessageChannel.Sms ? "text" : "email")} to {Show(messageChannel, address)}";
    }

    public void DispatchSoon() => dispatch.DispatchSoon();

    private static string Show(MessageChannel channel, string address) =>
        channel == MessageChannel.Sms && PhoneNumber.TryNormalize(address, out var digits) ? PhoneNumber.Format(digits) : address;
}

public enum SigningPageState
{
    Ready,
    AlreadySigned,
    Expired,
    Withdrawn,
    Locked,
    NotFound,
}

/// <summary>
/// What the public signing page shows: the consent's terms and no more about the patient than signing needs (a first name).
/// The patient proves who they are by typing their full name (and date of birth, when it is on file), which must match.
/// </summary>
public sealed record SigningPage(
    SigningPageState State, string? FirstName = null, string? DisclosingProgram = null, ConsentKind Kind = ConsentKind.NamedRecipients,
    string? Recipients = null, DisclosurePurpose Purposes = DisclosurePurpose.None, string? Information = null, string? Expiry = null,
    bool AsksDateOfBirth = false, DateTimeOffset? LinkExpiresAt = null, string? CallbackPhone = null);

/// <summary>The consent behind a signing link, for the public signing page.</summary>
[RequiresRole(Roles.ConsentSigner)]
public sealed record GetSigningPage(string Token) : IQuery<SigningPage>;

public sealed class GetSigningPageHandler(IAdmissionsDbContextFactory dbFactory, TimeProvider clock, IOptions<MessagingOptions> messaging)
    : IQueryHandler<GetSigningPage, SigningPage>
{
    public async ValueTask<SigningPage> Handle(GetSigningPage query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var found = await SigningLinks.FindAsync(db, query.Token, cancellationToken);
        if (found is not var (request, consent, inquiry))
        {
            return new SigningPage(SigningPageState.NotFound, CallbackPhone: messaging.Value.CallbackPhone);
        }

        var state = SigningLinks.State(request, consent, clock.GetUtcNow());
        if (state != SigningPageState.Ready)
        {
            return new SigningPage(state, CallbackPhone: messaging.Value.CallbackPhone);
        }

        return new SigningPage(state, inquiry.Details.PatientFirstName, consent.DisclosingProgram, consent.Kind, consent.RecipientNames, consent.Purposes,
            consent.Information, consent.ExpiresOn is { } on ? on.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture) : consent.ExpiryEvent,
            inquiry.Details.PatientDateOfBirth is not null, request.ExpiresAt, messaging.Value.CallbackPhone);
    }
}

public sealed record SigningOutcome(SigningPageState State, string Message);

/// <summary>
/// The patient signs on the public page: typed full name and confirmation (and date of birth when it is on file). Time, IP
/// address and browser are kept with the signature; the link then stops working. A wrong name or date of birth is counted,
/// and the link locks after <see cref="ConsentSigningRequest.MaxFailedAttempts"/>.
/// </summary>
[RequiresRole(Roles.ConsentSigner)]
public sealed record SignConsent(string Token, string? TypedName, DateOnly? DateOfBirth, bool Agreed, string? UserAgent) : ICommand<SigningOutcome>;

public sealed class SignConsentValidator : AbstractValidator<SignConsent>
{
    public SignConsentValidator()
    {
        RuleFor(c => c.TypedName).NotEmpty().WithMessage("Type your full name to sign.").MaximumLength(202);
        RuleFor(c => c.Agreed).Equal(true).WithMessage("Tick the box to confirm you agree and that typing your name is your signature.");
    }
}

public sealed class SignConsentHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<SignConsent, SigningOutcome>
{
    public async ValueTask<SigningOutcome> Handle(SignConsent command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var now = clock.GetUtcNow();
        if (await SigningLinks.FindAsync(db, command.Token, cancellationToken) is not var (request, consent, inquiry))
        {
            return new(SigningPageState.NotFound, "This link is not valid.");
        }

        var state = SigningLinks.State(request, consent, now);
        if (state != SigningPageState.Ready)
        {
            return new(state, "This link can no longer be used.");
        }

        var details = inquiry.Details;
        var birthMatches = details.PatientDateOfBirth is not { } born || command.DateOfBirth == born;
        if (!PersonNames.Same(command.TypedName, consent.PatientName) || !birthMatches)
        {
            request.RecordFailedAttempt();
            await db.SaveChangesAsync(cancellationToken);
            var left = ConsentSigningRequest.MaxFailedAttempts - request.FailedAttempts;
            return left > 0
                ? new(SigningPageState.Ready, $"The name or date of birth does not match our records. Type your full name as admissions has it ({left} tries left).")
                : new(SigningPageState.Locked, "This link is locked after too many tries. Call admissions for a new one.");
        }

        consent.SignElectronically(command.TypedName!, user.IpAddress, command.UserAgent, now);
        request.MarkUsed(now);
        var tracked = await db.Inquiries.FirstAsync(i => i.Id == inquiry.Id, cancellationToken);
        tracked.Record(ActivityKind.Consent, $"Part 2 consent signed by the patient electronically (signing link) for disclosure to {consent.RecipientNames}",
            new Actor("consent-signing-link", "Patient (signing link)"), now);
        await db.SaveChangesAsync(cancellationToken);
        return new(SigningPageState.AlreadySigned, "Thank you. Your consent is signed; you can close this page.");
    }
}

internal static class SigningLinks
{
    public static async Task<(ConsentSigningRequest Request, Part2Consent Consent, Inquiry Inquiry)?> FindAsync(
        IAdmissionsDbContext db, string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        var hash = ConsentSigningRequest.Hash(token);
        var request = await db.ConsentSigningRequests.FirstOrDefaultAsync(r => r.TokenHash == hash, cancellationToken);
        if (request is null)
        {
            return null;
        }

        var consent = await db.Part2Consents.FirstAsync(c => c.Id == request.ConsentId, cancellationToken);
        var inquiry = await db.Inquiries.AsNoTracking().FirstAsync(i => i.Id == request.InquiryId, cancellationToken);
        return (request, consent, inquiry);
    }

    public static SigningPageState State(ConsentSigningRequest request, Part2Consent consent, DateTimeOffset now) => request switch
    {
        _ when consent.IsSigned => SigningPageState.AlreadySigned,
        { UsedAt: not null } => SigningPageState.AlreadySigned,
        _ when consent.RevokedAt is not null || request.CancelledAt is not null => SigningPageState.Withdrawn,
        { FailedAttempts: >= ConsentSigningRequest.MaxFailedAttempts } => SigningPageState.Locked,
        _ when now >= request.ExpiresAt => SigningPageState.Expired,
        _ => SigningPageState.Ready,
    };
}
