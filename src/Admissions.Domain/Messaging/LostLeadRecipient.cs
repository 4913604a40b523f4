using Admissions.Domain.Inquiries;

namespace Admissions.Domain.Messaging;

/// <summary>
/// Who hears from the admissions team after a lost lead: the patient, or a family member who called for them. Never a
/// professional who referred the person (a therapist, a hospital case manager) and never a friend: the follow-up is about the
/// person's own care. <see cref="State"/> is the recipient's own state, whose texting hours apply; when a family caller's is
/// not known it is null and the strictest hours apply.
/// </summary>
public sealed record LostLeadRecipient(string Name, string? Phone, string? Email, string? State)
{
    public static LostLeadRecipient For(InquiryDetails details) => details.CallerRelationship switch
    {
        CallerRelationship.Self => new(details.CallerName, details.CallerPhone ?? details.PatientPhone, details.CallerEmail, details.PatientState),
        CallerRelationship.Parent or CallerRelationship.SpousePartner or CallerRelationship.Child or CallerRelationship.Sibling =>
            new(details.CallerName, details.CallerPhone, details.CallerEmail, details.CallerState),
        _ => new($"{details.PatientFirstName} {details.PatientLastName}".Trim(), details.PatientPhone, null, details.PatientState),
    };
}
