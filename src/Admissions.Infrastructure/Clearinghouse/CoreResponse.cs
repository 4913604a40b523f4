namespace Admissions.Infrastructure.Clearinghouse;

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
