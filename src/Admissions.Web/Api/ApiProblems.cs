using Admissions.Application.Common;
using Admissions.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Admissions.Web.Api;

public static class ApiProblems
{
    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(
            new ProblemDetails { Status = status, Title = title, Detail = detail, Instance = RequestPath(context) },
            options: null, contentType: "application/problem+json");
    }

    public static bool IsApiRequest(HttpContext context) => RequestPath(context).StartsWithSegments("/api");

    /// <summary>The path the client asked for. While the exception handler runs, Request.Path is the handler's path (/error).</summary>
    public static PathString RequestPath(HttpContext context) =>
        context.Features.Get<IExceptionHandlerPathFeature>() is { Path: { } path } ? new PathString(path) : context.Request.Path;
}

/// <summary>
/// The one place API errors become ProblemDetails. Mistakes a client can fix get a 4xx with a
/// message; anything else is logged and answered with a 500 that reveals nothing.
/// </summary>
public sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!ApiProblems.IsApiRequest(httpContext))
        {
            return false;
        }

        switch (exception)
        {
            case RequestValidationException validation:
                httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
                await httpContext.Response.WriteAsJsonAsync(
                    new ValidationProblemDetails(validation.Errors.ToDictionary(e => ApiFieldName(e.Key), e => e.Value))
                    {
                        Status = StatusCodes.Status400BadRequest,
                        Title = "The inquiry has fields that need attention.",
                        Instance = ApiProblems.RequestPath(httpContext),
                    },
                    options: null, contentType: "application/problem+json", cancellationToken);
                return true;
            case BadHttpRequestException bad:
                var (title, detail) = Describe(bad);
                await ApiProblems.WriteAsync(httpContext, bad.StatusCode, title, detail);
                return true;
            case UserErrorException userError:
                var (status, heading) = Describe(userError.Kind);
                await ApiProblems.WriteAsync(httpContext, status, heading, exception.Message);
                return true;
            default:
                LogFault(logger, ApiProblems.RequestPath(httpContext), exception);
                await ApiProblems.WriteAsync(httpContext, StatusCodes.Status500InternalServerError, "Something went wrong",
                    $"The request could not be completed. Quote trace id {httpContext.TraceIdentifier} to support.");
                return true;
        }
    }

    private static (int Status, string Title) Describe(UserErrorKind kind) => kind switch
    {
        UserErrorKind.Invalid => (StatusCodes.Status400BadRequest, "Invalid request"),
        UserErrorKind.Forbidden => (StatusCodes.Status403Forbidden, "Forbidden"),
        UserErrorKind.NotFound => (StatusCodes.Status404NotFound, "Not found"),
        UserErrorKind.Conflict => (StatusCodes.Status409Conflict, "Conflict"),
        _ => (StatusCodes.Status422UnprocessableEntity, "Request refused"),
    };

    /// <summary>Validation paths are "Form.CallerPhone"; API clients know the field as "callerPhone".</summary>
    private static string ApiFieldName(string path)
    {
        var name = path.StartsWith("Form.", StringComparison.Ordinal) ? path[5..] : path;
        return name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>The server and the body binding say what was wrong with a request by its status; the client reads why here.</summary>
    private static (string Title, string Detail) Describe(BadHttpRequestException bad) => bad.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => ("Request body too large",
            $"The body may be at most {IntakeApi.MaxBodyBytes / 1024} KB. An inquiry is a few hundred bytes of JSON."),
        StatusCodes.Status415UnsupportedMediaType => ("Unsupported media type", "Send the inquiry as JSON with Content-Type: application/json."),
        _ => ("Malformed request", bad.InnerException is System.Text.Json.JsonException json
            ? json.Path is { Length: > 1 } field
                ? $"The value at {field} is not valid. Check the field's type and allowed values in /openapi/v1.json."
                : "The body is not valid JSON, or it has a field this API does not take. The fields are listed in /openapi/v1.json."
            : "The request body could not be read as an inquiry. Send JSON with Content-Type: application/json."),
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled API error on {Path}")]
    private static partial void LogFault(ILogger logger, string path, Exception exception);
}
