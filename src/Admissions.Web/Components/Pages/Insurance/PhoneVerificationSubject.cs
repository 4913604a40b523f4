namespace Admissions.Web.Components.Pages.Insurance;

/// <summary>Whose benefits a phone VOB records: the inquiry it belongs to, for its draft and the way back to it.</summary>
public sealed record PhoneVerificationSubject(Guid InquiryId, string InquiryNumber, string PatientName);
