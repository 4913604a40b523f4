using Admissions.Domain.Common;

namespace Admissions.Domain.Insurance;

/// <summary>
/// The X12 sent to and received from the clearinghouse for a check or an authorization. It is
/// PHI: it lives in the audited store and is only read through an audited query.
/// </summary>
public sealed class X12Exchange : IInquiryRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid InquiryId { get; init; }

    /// <summary>The eligibility check or prior authorization the exchange belongs to.</summary>
    public Guid SubjectId { get; init; }
    public string TransactionType { get; init; } = "";
    public DateTimeOffset SentAt { get; init; }
    public string Request { get; init; } = "";
    public string? Response { get; set; }
    public DateTimeOffset? ReceivedAt { get; set; }

    /// <summary>Why there is no response: the clearinghouse could not be reached, or the attempt was cut off (the app stopped while waiting).</summary>
    public string? NoAnswer { get; set; }

    public const string Interrupted = "Interrupted: the app stopped before the answer arrived, and the request was sent again.";
}
