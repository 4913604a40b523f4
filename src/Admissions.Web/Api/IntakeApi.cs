using System.Security.Claims;
using System.Text.Json.Serialization;
using Admissions.Application.Inquiries;
using Admissions.Web.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Admissions.Web.Api;

public sealed record IntakeResponse(Guid Id, string Number, DateTimeOffset CreatedAt, string StatusUrl);

/// <summary>The public intake API for web forms and call-tracking webhooks, authenticated by API key.</summary>
public static class IntakeApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static void MapIntakeApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(SecurityServices.ApiKeyPolicy)
            .RequireRateLimiting(SecurityServices.IntakeRateLimit)
            .WithTags("Intake");

        api.MapPost("/inquiries", CreateAsync)
            .WithName("CreateInquiry")
            .WithSummary("Open an inquiry from a web form or a call-tracking webhook.")
            .WithDescription("Send the same Idempotency-Key header when retrying: the first result is returned and no second inquiry is created.")
            .Produces<IntakeResponse>(StatusCodes.Status201Created)
            .Produces<IntakeResponse>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("/inquiries/{number}", GetStatusAsync)
            .WithName("GetInquiryStatus")
            .WithSummary("Where an inquiry stands: stage and timestamps, no clinical detail.")
            .Produces<InquiryStatus>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Created<IntakeResponse>, Ok<IntakeResponse>>> CreateAsync(
        [FromBody] InquiryForm form, [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey,
        ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken)
    {
        var apiKeyId = Guid.Parse(user.FindFirstValue(ApiKeyAuthenticationHandler.ApiKeyIdClaim)!);
        var result = await sender.Send(new SubmitWebInquiry(apiKeyId, idempotencyKey, form), cancellationToken);
        var url = $"/api/v1/inquiries/{result.Number}";
        var response = new IntakeResponse(result.InquiryId, result.Number, result.CreatedAt, url);
        return result.Replayed ? TypedResults.Ok(response) : TypedResults.Created(url, response);
    }

    private static async Task<Ok<InquiryStatus>> GetStatusAsync(string number, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetInquiryStatus(number), cancellationToken));

    public static IServiceCollection ConfigureApiJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
}
