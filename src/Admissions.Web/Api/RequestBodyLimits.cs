using Microsoft.AspNetCore.Http.Metadata;

namespace Admissions.Web.Api;

/// <summary>
/// An endpoint that declares a body limit refuses a larger declared body (Content-Length) at once, before the key is
/// looked up or a byte is read. A body sent without a length is cut off by the server at the same limit as it is read.
/// </summary>
public static class RequestBodyLimits
{
    public static IApplicationBuilder UseDeclaredBodyLimits(this IApplicationBuilder app) => app.Use((context, next) =>
        context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { MaxRequestBodySize: { } limit }
            && context.Request.ContentLength > limit
            ? ApiProblems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Request body too large",
                $"The body may be at most {limit / 1024} KB.")
            : next(context));
}
