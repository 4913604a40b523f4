using System.Text.Json.Nodes;
using Admissions.Application.ApiKeys;
using Admissions.Application.Inquiries;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Admissions.Web.Api;

/// <summary>
/// The OpenAPI document an integrator reads at /openapi/v1.json, without signing in: the public API only (no page,
/// account or simulator endpoint), the X-Api-Key scheme, enums by name and an example request.
/// </summary>
public static class IntakeOpenApi
{
    public const string DocumentPath = "/openapi/{documentName}.json";
    private const string ApiKeyScheme = "ApiKey";

    public static IServiceCollection AddIntakeOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Admissions intake API",
                    Version = "v1",
                    Description = "Web forms and call-tracking systems send inquiries here and ask how they stand. "
                        + $"Every request carries an API key in the {ApiKeySecret.HeaderName} header (an administrator creates it under Admin → API keys). "
                        + "Errors are RFC 9457 problem details (application/problem+json).",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeySecret.HeaderName,
                    Description = "The key shown once when an administrator creates it. A key sees only the inquiries it sent.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = [] }];
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                var type = context.JsonTypeInfo.Type;
                if (type.IsEnum && type.IsDefined(typeof(FlagsAttribute), inherit: false))
                {
                    // A flags enum travels as one name per array item; "None" is an empty array.
                    schema.Type = JsonSchemaType.String;
                    schema.Enum = [.. Enum.GetNames(type).Where(name => name != "None").Select(name => (JsonNode)JsonValue.Create(name))];
                }
                else if (type == typeof(IntakeRequest))
                {
                    schema.Examples = [RequestExample()];
                }
                else if (type == typeof(InquiryStatus))
                {
                    schema.Examples =
                    [
                        new JsonObject
                        {
                            ["number"] = "INQ-2026-000123",
                            ["status"] = nameof(InquiryProgress.InProgress),
                            ["receivedAt"] = "2026-03-10T14:05:00+00:00",
                            ["closedAt"] = null,
                        },
                    ];
                }

                return Task.CompletedTask;
            });
        });

    private static JsonObject RequestExample() => new()
    {
        ["callerName"] = "Jordan Rivera",
        ["callerPhone"] = "(555) 201-4477",
        ["callerEmail"] = "jordan.rivera@example.com",
        ["callerRelationship"] = "Parent",
        ["patientFirstName"] = "Sam",
        ["patientLastName"] = "Rivera",
        ["patientState"] = "FL",
        ["source"] = "WebForm",
        ["substances"] = new JsonArray("Alcohol", "Fentanyl"),
        ["mentalHealthConcerns"] = new JsonArray("Anxiety"),
        ["urgency"] = "Urgent",
        ["notes"] = "Asked about detox availability this week.",
    };
}
