using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Messaging;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Admissions.Application.Messaging;

/// <summary>
/// Records a person's prior express consent to be texted at a number: when, how, and the wording they saw or heard
/// (TCPA, 47 U.S.C. 227(b)(1)(A); 47 CFR 64.1200(a)). Prospect texts go only to numbers with one; STOP still opts out.
/// </summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator)]
public sealed record RecordTextingConsent(Guid InquiryId, string Phone, TextingConsentMethod Method, string? Wording = null) : ICommand<Guid>;

public sealed class RecordTextingConsentValidator : AbstractValidator<RecordTextingConsent>
{
    public RecordTextingConsentValidator()
    {
        RuleFor(c => c.Phone).Must(p => MessagingAddress.Normalize(MessageChannel.Sms, p) is not null).WithMessage("Enter a 10-digit US mobile number.");
        RuleFor(c => c.Method).IsInEnum();
        RuleFor(c => c.Wording).MaximumLength(1000);
    }
}

public sealed class RecordTextingConsentHandler(
    IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock, IOptions<MessagingOptions> options)
    : ICommandHandler<RecordTextingConsent, Guid>
{
    public async ValueTask<Guid> Handle(RecordTextingConsent command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var inquiry = await InquiryChanges.LoadAsync(db, command.InquiryId, cancellationToken);
        var now = clock.GetUtcNow();
        var wording = string.IsNullOrWhiteSpace(command.Wording) ? options.Value.EffectiveTextConsentWording : command.Wording;
        var consent = TextingConsent.Record(command.Phone, inquiry.Id, command.Method, wording, user.Actor(), now);
        if (await Outbox.FindOptOutAsync(db, MessageChannel.Sms, consent.Phone, cancellationToken) is { } optOut)
        {
            throw new DomainRuleException(
                $"{consent.Phone} opted out ({Outbox.OptedOutReason(optOut).Replace("Not sent: ", "", StringComparison.Ordinal)}). Only the person can opt back in, by texting START.");
        }

        db.TextingConsents.Add(consent);
        inquiry.Record(ActivityKind.Consent, $"Consent to text {PhoneNumber.Format(consent.Phone[2..])} recorded ({TextingConsentLabels.Describe(command.Method)})", user.Actor(), now, consent.Wording);
        await db.SaveChangesAsync(cancellationToken);
        return consent.Id;
    }
}

public sealed record TextingNumber(string Who, string Phone, TextingConsentView? Consent, bool OptedOut);

public sealed record TextingConsentView(DateTimeOffset ConsentedAt, TextingConsentMethod Method, string Wording, string RecordedByName);

/// <summary>The inquiry's phone numbers and whether each may be texted: consent recorded (when, how, wording) and not opted out.</summary>
public sealed record TextingStatus(IReadOnlyList<TextingNumber> Numbers, string Wording);

[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview)]
public sealed record GetTextingStatus(Guid InquiryId) : IQuery<TextingStatus>;

public sealed class GetTextingStatusHandler(IAdmissionsDbContextFactory dbFactory, IOptions<MessagingOptions> options) : IQueryHandler<GetTextingStatus, TextingStatus>
{
    public async ValueTask<TextingStatus> Handle(GetTextingStatus query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var details = await db.Inquiries.AsNoTracking().Where(i => i.Id == query.InquiryId).Select(i => i.Details).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("The inquiry");
        var numbers = new List<(string Who, string Phone)>();
        if (MessagingAddress.Normalize(MessageChannel.Sms, details.CallerPhone) is { } caller)
        {
            numbers.Add((details.CallerRelationship == CallerRelationship.Self ? "Caller (patient)" : $"Caller ({details.CallerName})", caller));
        }

        if (MessagingAddress.Normalize(MessageChannel.Sms, details.PatientPhone) is { } patient && numbers.All(n => n.Phone != patient))
        {
            numbers.Add(("Patient", patient));
        }

        var phones = numbers.Select(n => n.Phone).ToList();
        var consents = (await db.TextingConsents.AsNoTracking().Where(c => phones.Contains(c.Phone)).ToListAsync(cancellationToken))
            .GroupBy(c => c.Phone).ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.ConsentedAt).First());
        var optedOut = await db.MessagingOptOuts.AsNoTracking().Where(o => o.Channel == MessageChannel.Sms && phones.Contains(o.Address))
            .Select(o => o.Address).ToListAsync(cancellationToken);
        return new TextingStatus(
            [.. numbers.Select(n => new TextingNumber(n.Who, n.Phone,
                consents.GetValueOrDefault(n.Phone) is { } c ? new TextingConsentView(c.ConsentedAt, c.Method, c.Wording, c.RecordedByName) : null,
                optedOut.Contains(n.Phone)))],
            options.Value.EffectiveTextConsentWording);
    }
}

public static class TextingConsentLabels
{
    public static string Describe(TextingConsentMethod method) => method switch
    {
        TextingConsentMethod.VerbalOnCall => "agreed on the phone",
        TextingConsentMethod.WebForm => "web form",
        TextingConsentMethod.TextReply => "replied YES by text",
        _ => "signed form",
    };
}
