using Admissions.Infrastructure.Clearinghouse;

namespace Admissions.Infrastructure.Tests.Clearinghouse;

public sealed class CoreEnvelopeTests
{
    private static readonly DateTimeOffset Sent = new(2026, 3, 10, 14, 5, 9, TimeSpan.FromHours(-7));

    private static CoreRequest Request(string payloadType = Core.EligibilityRequest) => new(
        payloadType, Core.RealTime, "f81d4fae-7dec-11d0-a765-00a0c91e6bf6", Sent, "riverbend", "s3cret-pass",
        "ADMISSIONS", "CLEARINGHSE", Core.RuleVersion, "ISA*00*...~");

    private static async Task<IReadOnlyDictionary<string, string>> FieldsOf(MultipartFormDataContent content) =>
        await CoreMultipart.ReadAsync(content.Headers.ContentType!.ToString(), await content.ReadAsStreamAsync(), CancellationToken.None);

    private static Dictionary<string, string> ValidFields() => new()
    {
        [CoreField.PayloadType] = Core.ReviewRequest,
        [CoreField.ProcessingMode] = Core.RealTime,
        [CoreField.PayloadId] = Guid.NewGuid().ToString(),
        [CoreField.TimeStamp] = "2026-03-10T21:05:09Z",
        [CoreField.UserName] = "riverbend",
        [CoreField.Password] = "s3cret-pass",
        [CoreField.SenderId] = "ADMISSIONS",
        [CoreField.ReceiverId] = "CLEARINGHSE",
        [CoreField.RuleVersion] = "2.2.0",
        [CoreField.Payload] = "ISA*00*...~",
    };

    [Fact]
    public async Task A_request_is_multipart_form_data_with_the_CORE_field_names_and_a_UTC_timestamp()
    {
        using var content = Request().ToContent();

        var text = await content.ReadAsStringAsync();

        Assert.Equal("multipart/form-data", content.Headers.ContentType!.MediaType);
        foreach (var name in new[] { "PayloadType", "ProcessingMode", "PayloadID", "TimeStamp", "UserName", "Password", "SenderID", "ReceiverID", "CORERuleVersion", "Payload" })
        {
            Assert.Contains($"name={name}\r\n", text.Replace("\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        var fields = await FieldsOf(content);
        Assert.Equal("2026-03-10T21:05:09Z", fields[CoreField.TimeStamp]);
        Assert.Equal("X12_270_Request_005010X279A1", fields[CoreField.PayloadType]);
        Assert.Equal("2.2.0", fields[CoreField.RuleVersion]);
    }

    [Fact]
    public async Task A_written_request_reads_back_field_for_field()
    {
        var sent = Request(Core.ReviewRequest);
        using var content = sent.ToContent();

        Assert.True(CoreRequest.TryRead(await FieldsOf(content), out var read, out var error), error?.Message);

        Assert.Equal(sent, read);
    }

    [Theory]
    [InlineData(CoreField.PayloadType, "PayloadTypeRequired")]
    [InlineData(CoreField.PayloadId, "PayloadIDRequired")]
    [InlineData(CoreField.TimeStamp, "TimeStampRequired")]
    [InlineData(CoreField.SenderId, "SenderIDRequired")]
    [InlineData(CoreField.RuleVersion, "CORERuleVersionRequired")]
    [InlineData(CoreField.Payload, "PayloadRequired")]
    public void A_request_missing_a_field_is_refused_with_that_fields_Required_code(string field, string code)
    {
        var fields = ValidFields();
        fields.Remove(field);

        Assert.False(CoreRequest.TryRead(fields, out _, out var error));

        Assert.Equal(code, error.Code);
        Assert.False(error.IsAuthentication);
    }

    [Theory]
    [InlineData(CoreField.UserName, "UserNameRequired")]
    [InlineData(CoreField.Password, "PasswordRequired")]
    public void A_request_without_credentials_is_an_authentication_refusal(string field, string code)
    {
        var fields = ValidFields();
        fields[field] = " ";

        Assert.False(CoreRequest.TryRead(fields, out _, out var error));

        Assert.Equal(code, error.Code);
        Assert.True(error.IsAuthentication);
    }

    [Theory]
    [InlineData(CoreField.RuleVersion, "2.1.0", "VersionMismatch")]
    [InlineData(CoreField.ProcessingMode, "Batch", "ProcessingModeIllegal")]
    [InlineData(CoreField.PayloadType, "X12_271_Response_005010X279A1", "PayloadTypeIllegal")]
    [InlineData(CoreField.PayloadId, "not-a-uuid", "PayloadIDIllegal")]
    [InlineData(CoreField.TimeStamp, "yesterday", "TimeStampIllegal")]
    public void A_request_with_a_wrong_value_is_refused_with_a_CORE_error_code(string field, string value, string code)
    {
        var fields = ValidFields();
        fields[field] = value;

        Assert.False(CoreRequest.TryRead(fields, out _, out var error));

        Assert.Equal(code, error.Code);
    }

    [Theory]
    [InlineData("application/json", "{\"PayloadType\":\"X12_270_Request_005010X279A1\"}")]
    [InlineData("multipart/form-data; boundary=abc", "--abc\r\nContent-Disposition: form-data; name=PayloadType\r\n\r\nX12_270")]
    [InlineData(null, "")]
    public async Task A_body_that_is_not_a_readable_multipart_message_has_no_fields(string? contentType, string body)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body));

        var fields = await CoreMultipart.ReadAsync(contentType, stream, CancellationToken.None);

        Assert.Empty(fields);
    }

    [Fact]
    public async Task An_answer_echoes_the_payload_id_swaps_sender_and_receiver_and_reads_back()
    {
        var request = Request();
        var answer = CoreResponse.Answer(request, "ISA*271~", Sent);
        using var content = answer.ToContent();

        var read = CoreResponse.TryRead(await FieldsOf(content));

        Assert.NotNull(read);
        Assert.True(read.Succeeded);
        Assert.Equal(Core.EligibilityResponse, read.PayloadType);
        Assert.Equal(request.PayloadId, read.PayloadId);
        Assert.Equal(("CLEARINGHSE", "ADMISSIONS"), (read.SenderId, read.ReceiverId));
        Assert.Equal("ISA*271~", read.Payload);
        Assert.Equal(Sent, read.TimeStamp);
    }

    [Fact]
    public async Task A_refusal_carries_the_error_code_and_no_payload()
    {
        var fields = ValidFields();
        var refusal = CoreResponse.Refusal(new CoreEnvelopeError("PayloadTypeIllegal", "No."), fields, "CLEARINGHSE", Sent);
        using var content = refusal.ToContent();

        var read = CoreResponse.TryRead(await FieldsOf(content));

        Assert.NotNull(read);
        Assert.False(read.Succeeded);
        Assert.Equal(("CoreEnvelopeError", "PayloadTypeIllegal", "No."), (read.PayloadType, read.ErrorCode, read.ErrorMessage));
        Assert.Equal(fields[CoreField.PayloadId], read.PayloadId);
        Assert.Equal("ADMISSIONS", read.ReceiverId);
        Assert.Null(read.Payload);
    }

    [Fact]
    public void Fields_without_an_error_code_are_not_a_response()
    {
        Assert.Null(CoreResponse.TryRead(ValidFields()));
    }

    [Fact]
    public void Printing_an_envelope_shows_neither_the_password_nor_the_payload()
    {
        var request = Request() with { Payload = "NM1*IL*1*DOE*JANE~" };

        var printed = $"{request} {CoreResponse.Answer(request, "NM1*IL*1*DOE*JANE~", Sent)}";

        Assert.DoesNotContain("s3cret-pass", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("DOE", printed, StringComparison.Ordinal);
        Assert.Contains(request.PayloadId, printed, StringComparison.Ordinal);
    }
}
