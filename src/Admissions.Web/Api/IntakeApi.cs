using System.Security.Claims;
using System.Text.Json.Serialization;
using Admissions.Application.Inquiries;
using Admissions.Web.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Admissions.Web.Api;

/// <summary>The public intake API for web forms and call-tracking webhooks, authenticated by API key.</summary>
public static class IntakeApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>An inquiry is a few hundred bytes; anything near this is not one, and is refused before it is read.</summary>
    public const long MaxBodyBytes = 64 * 1024;

    public static void MapIntakeApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(SecurityServices.ApiKeyPolicy)
            .RequireRateLimiting(ApiRateLimits.ByAddressPolicy)
            .AddEndpointFilter<ApiKeyRateLimitFilter>()
            .WithTags("Intake");

        api.MapPost("/inquiries", CreateAsync)
            .WithName("CreateInquiry")
            .WithSummary("Open an inquiry from a web form or a call-tracking webhook.")
            .WithDescription("Send the same Idempotency-Key header when retrying: the first result is returned and no second inquiry is created. "
                + $"The body is JSON (Content-Type: application/json) of at most {MaxBodyBytes / 1024} KB.")
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .Produces<IntakeResponse>(StatusCodes.Status201Created)
            .Produces<IntakeResponse>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            // Routing would answer a body that is not JSON itself, with a 415 endpoint that carries none of this group's
            // policies: the sign-in fallback would then turn a missing key into a redirect. Without the routing check the
            // request is authorized first and the body binding answers 415.
            .Finally(RemoveContentTypeMatching);

        api.MapGet("/inquiries/{number}", GetStatusAsync)
            .WithName("GetInquiryStatus")
            .WithSummary("Whether an inquiry was received, is in progress or is closed, and when: no stage, outcome or clinical detail.")
            .Produces<InquiryStatus>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    private static void RemoveContentTypeMatching(EndpointBuilder endpoint)
    {
        foreach (var accepts in endpoint.Metadata.OfType<IAcceptsMetadata>().ToList())
        {
            endpoint.Metadata.Remove(accepts);
        }
    }

    private static async Task<Results<Created<IntakeResponse>, Ok<IntakeResponse>>> CreateAsync(
        [FromBody] IntakeRequest request, [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey,
        ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken)
    {
        var apiKeyId = Guid.Parse(user.FindFirstValue(ApiKeyAuthenticationHandler.ApiKeyIdClaim)!);
        var result = await sender.Send(new SubmitWebInquiry(apiKeyId, idempotencyKey, request.ToForm()), cancellationToken);
        var url = $"/api/v1/inquiries/{result.Number}";
        var response = new IntakeResponse(result.InquiryId, result.Number, result.CreatedAt, url);
        return result.Replayed ? TypedResults.Ok(response) : TypedResults.Created(url, response);
    }

    private static async Task<Ok<InquiryStatus>> GetStatusAsync(string number, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetInquiryStatus(number), cancellationToken));

    /// <summary>Enums travel as their names only: a number such as -1 or 2147483647 is refused, never stored.</summary>
    public static IServiceCollection ConfigureApiJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false)));
}
