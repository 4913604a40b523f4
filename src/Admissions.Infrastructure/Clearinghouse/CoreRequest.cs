using System.Diagnostics.CodeAnalysis;

namespace Admissions.Infrastructure.Clearinghouse;

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
