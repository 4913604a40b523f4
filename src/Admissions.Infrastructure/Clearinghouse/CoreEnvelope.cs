using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

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

/// <summary>Why an envelope was refused: a CORE error code and words for the sender.</summary>
public sealed record CoreEnvelopeError(string Code, string Message)
{
    /// <summary>Refusals about who is asking are answered with 401, the rest with 400.</summary>
    public bool IsAuthentication => Code is Core.UnAuthorized || Code == Core.Required(CoreField.UserName) || Code == Core.Required(CoreField.Password);
}

/// <summary>A real-time request envelope.</summary>
public sealed record CoreRequest(
    string PayloadType,
    string ProcessingMode,
    string PayloadId,
    DateTimeOffset TimeStamp,
    string UserName,
    string Password,
    string SenderId,
    string ReceiverId,
    string RuleVersion,
    string Payload)
{
    public MultipartFormDataContent ToContent() => CoreMultipart.Write(
    [
        (CoreField.PayloadType, PayloadType),
        (CoreField.ProcessingMode, ProcessingMode),
        (CoreField.PayloadId, PayloadId),
        (CoreField.TimeStamp, Core.FormatTimeStamp(TimeStamp)),
        (CoreField.UserName, UserName),
        (CoreField.Password, Password),
        (CoreField.SenderId, SenderId),
        (CoreField.ReceiverId, ReceiverId),
        (CoreField.RuleVersion, RuleVersion),
        (CoreField.Payload, Payload),
    ]);

    /// <summary>Reads and checks a request as a CORE server must, naming the first problem found.</summary>
    public static bool TryRead(IReadOnlyDictionary<string, string> fields,
        [NotNullWhen(true)] out CoreRequest? request, [NotNullWhen(false)] out CoreEnvelopeError? error)
    {
        request = null;
        string[] required =
        [
            CoreField.PayloadType, CoreField.ProcessingMode, CoreField.PayloadId, CoreField.TimeStamp, CoreField.UserName,
            CoreField.Password, CoreField.SenderId, CoreField.ReceiverId, CoreField.RuleVersion, CoreField.Payload,
        ];
        var missing = required.FirstOrDefault(field => string.IsNullOrWhiteSpace(fields.GetValueOrDefault(field)));
        error = missing is not null ? new CoreEnvelopeError(Core.Required(missing), $"{missing} is required.")
            : fields[CoreField.RuleVersion] != Core.RuleVersion ? new CoreEnvelopeError(Core.VersionMismatch, $"Only CORE rule version {Core.RuleVersion} is supported.")
            : fields[CoreField.ProcessingMode] != Core.RealTime ? Illegal(CoreField.ProcessingMode, $"Only {Core.RealTime} processing is supported.")
            : Core.ResponseTo(fields[CoreField.PayloadType]) is null ? Illegal(CoreField.PayloadType, $"PayloadType must be {Core.EligibilityRequest} or {Core.ReviewRequest}.")
            : !Guid.TryParse(fields[CoreField.PayloadId], out _) ? Illegal(CoreField.PayloadId, "PayloadID must be a UUID.")
            : Core.ParseTimeStamp(fields[CoreField.TimeStamp]) is null ? Illegal(CoreField.TimeStamp, "TimeStamp must be an ISO 8601 date and time.")
            : null;
        if (error is not null)
        {
            return false;
        }

        request = new CoreRequest(fields[CoreField.PayloadType], fields[CoreField.ProcessingMode], fields[CoreField.PayloadId],
            Core.ParseTimeStamp(fields[CoreField.TimeStamp])!.Value, fields[CoreField.UserName], fields[CoreField.Password],
            fields[CoreField.SenderId], fields[CoreField.ReceiverId], fields[CoreField.RuleVersion], fields[CoreField.Payload]);
        return true;
    }

    /// <summary>Names the envelope only: the password and the payload (PHI) stay out of any log line.</summary>
    public override string ToString() => $"CoreRequest {{ PayloadType = {PayloadType}, PayloadID = {PayloadId} }}";

    private static CoreEnvelopeError Illegal(string field, string message) => new(Core.Illegal(field), message);
}

/// <summary>A real-time response envelope: the answer, or a CORE error with no payload.</summary>
public sealed record CoreResponse(
    string PayloadType,
    string ProcessingMode,
    string PayloadId,
    DateTimeOffset? TimeStamp,
    string SenderId,
    string ReceiverId,
    string RuleVersion,
    string ErrorCode,
    string ErrorMessage,
    string? Payload)
{
    public bool Succeeded => ErrorCode == Core.Success;

    public static CoreResponse Answer(CoreRequest request, string payload, DateTimeOffset now) =>
        new(Core.ResponseTo(request.PayloadType) ?? throw new ArgumentException("Not a request payload type.", nameof(request)),
            Core.RealTime, request.PayloadId, now, request.ReceiverId, request.SenderId, Core.RuleVersion, Core.Success, "", payload);

    /// <summary>The refusal of an envelope, echoing what could be read of it.</summary>
    public static CoreResponse Refusal(CoreEnvelopeError error, IReadOnlyDictionary<string, string> fields, string clearinghouseId, DateTimeOffset now) =>
        new(Core.EnvelopeError, Core.RealTime,
            Guid.TryParse(fields.GetValueOrDefault(CoreField.PayloadId), out var id) ? id.ToString() : Guid.NewGuid().ToString(),
            now, clearinghouseId, fields.GetValueOrDefault(CoreField.SenderId) ?? "", Core.RuleVersion, error.Code, error.Message, null);

    public MultipartFormDataContent ToContent() => CoreMultipart.Write(
    [
        (CoreField.PayloadType, PayloadType),
        (CoreField.ProcessingMode, ProcessingMode),
        (CoreField.PayloadId, PayloadId),
        (CoreField.TimeStamp, TimeStamp is { } instant ? Core.FormatTimeStamp(instant) : null),
        (CoreField.SenderId, SenderId),
        (CoreField.ReceiverId, ReceiverId),
        (CoreField.RuleVersion, RuleVersion),
        (CoreField.ErrorCode, ErrorCode),
        (CoreField.ErrorMessage, ErrorMessage),
        (CoreField.Payload, Payload),
    ]);

    /// <summary>Reads a response leniently: anything with an ErrorCode is an envelope; without one, null.</summary>
    public static CoreResponse? TryRead(IReadOnlyDictionary<string, string> fields)
    {
        if (string.IsNullOrWhiteSpace(fields.GetValueOrDefault(CoreField.ErrorCode)))
        {
            return null;
        }

        string Field(string name) => fields.GetValueOrDefault(name) ?? "";
        return new CoreResponse(Field(CoreField.PayloadType), Field(CoreField.ProcessingMode), Field(CoreField.PayloadId),
            Core.ParseTimeStamp(fields.GetValueOrDefault(CoreField.TimeStamp)), Field(CoreField.SenderId), Field(CoreField.ReceiverId),
            Field(CoreField.RuleVersion), Field(CoreField.ErrorCode).Trim(), Field(CoreField.ErrorMessage), fields.GetValueOrDefault(CoreField.Payload));
    }

    /// <summary>Names the envelope only: the payload (PHI) stays out of any log line.</summary>
    public override string ToString() => $"CoreResponse {{ PayloadType = {PayloadType}, PayloadID = {PayloadId}, ErrorCode = {ErrorCode} }}";
}

/// <summary>multipart/form-data in both directions, one text field per envelope element.</summary>
public static class CoreMultipart
{
    /// <summary>Far above any real-time 270/271/278, far below what would hurt the server.</summary>
    private const int FieldLimit = 4 * 1024 * 1024;

    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    public static MultipartFormDataContent Write(IEnumerable<(string Name, string? Value)> fields)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            if (value is not null)
            {
                content.Add(new StringContent(value, Encoding.UTF8), name);
            }
        }

        return content;
    }

    /// <summary>The form fields of a multipart body; none when the body is not a readable multipart message.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ReadAsync(string? contentType, Stream body, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media)
            || !media.MediaType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(media.Boundary) is not { Length: > 0 } boundary)
        {
            return None;
        }

        var reader = new MultipartReader(boundary.Value!, body) { BodyLengthLimit = FieldLimit };
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || HeaderUtilities.RemoveQuotes(disposition.Name) is not { Length: > 0 } name)
                {
                    continue;
                }

                using var text = new StreamReader(section.Body, Encoding.UTF8);
                fields.TryAdd(name.Value!, await text.ReadToEndAsync(cancellationToken).ConfigureAwait(false));
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            return None;
        }

        return fields;
    }
}
