using System.Globalization;

namespace Admissions.Infrastructure.Clearinghouse;

/// <summary>CAQH CORE Connectivity Rule vC2.2.0, real-time HTTP MIME multipart: the envelope's fixed values.</summary>
public static class Core
{
    public const string RuleVersion = "2.2.0";
    public const string RealTime = "RealTime";

    public const string EligibilityRequest = "X12_270_Request_005010X279A1";
    public const string EligibilityResponse = "X12_271_Response_005010X279A1";
    public const string ReviewRequest = "X12_278_Request_005010X217E1_2";
    public const string ReviewResponse = "X12_278_Response_005010X217E1_2";
    public const string EnvelopeError = "CoreEnvelopeError";

    public const string Success = "Success";
    public const string UnAuthorized = "UnAuthorized";
    public const string VersionMismatch = "VersionMismatch";

    /// <summary>The response payload type that answers a request payload type, or null for one we do not send.</summary>
    public static string? ResponseTo(string requestPayloadType) => requestPayloadType switch
    {
        EligibilityRequest => EligibilityResponse,
        ReviewRequest => ReviewResponse,
        _ => null,
    };

    public static string Required(string field) => field + "Required";

    public static string Illegal(string field) => field + "Illegal";

    /// <summary>xsd:dateTime in UTC, as the rule's examples write it.</summary>
    public static string FormatTimeStamp(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseTimeStamp(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant : null;
}

/// <summary>The multipart/form-data field names of the envelope.</summary>
public static class CoreField
{
    public const string PayloadType = "PayloadType";
    public const string ProcessingMode = "ProcessingMode";
    public const string PayloadId = "PayloadID";
    public const string TimeStamp = "TimeStamp";
    public const string UserName = "UserName";
    public const string Password = "Password";
    public const string SenderId = "SenderID";
    public const string ReceiverId = "ReceiverID";
    public const string RuleVersion = "CORERuleVersion";
    public const string ErrorCode = "ErrorCode";
    public const string ErrorMessage = "ErrorMessage";
    public const string Payload = "Payload";
}
