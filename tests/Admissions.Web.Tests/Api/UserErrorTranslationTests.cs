using System.Text.Json;
using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Domain.Common;
using Admissions.Web.Api;
using Admissions.Web.Components.Ui;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Admissions.Web.Tests.Api;

/// <summary>Every error a person can fix is one <see cref="UserErrorException"/>, translated once for pages and once for the API.</summary>
public class UserErrorTranslationTests
{
    public static TheoryData<string, int> ErrorsAndStatuses => new()
    {
        { nameof(NotFoundException), StatusCodes.Status404NotFound },
        { nameof(ForbiddenException), StatusCodes.Status403Forbidden },
        { nameof(ConcurrencyConflictException), StatusCodes.Status409Conflict },
        { nameof(DomainRuleException), StatusCodes.Status422UnprocessableEntity },
        { nameof(IdempotencyKeyReusedException), StatusCodes.Status422UnprocessableEntity },
    };

    private static UserErrorException Make(string type) => type switch
    {
        nameof(NotFoundException) => new NotFoundException("The inquiry"),
        nameof(ForbiddenException) => new ForbiddenException("Moving an inquiry to Approved is for clinicians."),
        nameof(ConcurrencyConflictException) => new ConcurrencyConflictException("Someone else saved this inquiry first.", ["Phone"]),
        nameof(DomainRuleException) => new DomainRuleException("This inquiry is closed; reopen it first."),
        _ => new IdempotencyKeyReusedException(),
    };

    [Theory]
    [MemberData(nameof(ErrorsAndStatuses))]
    public async Task The_api_answers_a_user_error_with_its_status_and_its_own_words(string type, int status)
    {
        var error = Make(type);
        var context = new DefaultHttpContext { Request = { Path = "/api/v1/inquiries" }, Response = { Body = new MemoryStream() } };

        Assert.True(await new ApiExceptionHandler(NullLogger<ApiExceptionHandler>.Instance).TryHandleAsync(context, error, CancellationToken.None));

        context.Response.Body.Position = 0;
        using var problem = await JsonDocument.ParseAsync(context.Response.Body);
        Assert.Equal((status, status, error.Message),
            (context.Response.StatusCode, problem.RootElement.GetProperty("status").GetInt32(), problem.RootElement.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData(nameof(NotFoundException))]
    [InlineData(nameof(ForbiddenException))]
    [InlineData(nameof(ConcurrencyConflictException))]
    [InlineData(nameof(DomainRuleException))]
    [InlineData(nameof(IdempotencyKeyReusedException))]
    public void A_page_shows_a_user_error_in_its_own_words(string type)
    {
        var error = Make(type);

        Assert.Equal(error.Message, UserErrorMessages.Describe(error));
    }

    [Fact]
    public async Task Anything_else_is_a_fault_the_api_answers_with_500_and_a_page_with_words_that_reveal_nothing()
    {
        var fault = new InvalidOperationException("Sequence contains no elements at Admissions.Secret.Internals");
        var context = new DefaultHttpContext { Request = { Path = "/api/v1/inquiries" }, Response = { Body = new MemoryStream() } };

        await new ApiExceptionHandler(NullLogger<ApiExceptionHandler>.Instance).TryHandleAsync(context, fault, CancellationToken.None);
        context.Response.Body.Position = 0;
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();

        Assert.Equal(StatusCodes.Status500InternalServerError, context.Response.StatusCode);
        Assert.DoesNotContain("Secret", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret", UserErrorMessages.Describe(fault), StringComparison.Ordinal);
    }

    [Fact]
    public void Validation_errors_show_every_field_message_once()
    {
        var error = new RequestValidationException(new Dictionary<string, string[]>
        {
            ["Form.Phone"] = ["Enter a 10-digit US phone number."],
            ["Form.BirthDate"] = ["The birth date is in the future.", "Enter a 10-digit US phone number."],
        });

        Assert.Equal("Enter a 10-digit US phone number. The birth date is in the future.", UserErrorMessages.Describe(error));
    }
}
