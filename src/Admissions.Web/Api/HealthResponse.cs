using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Admissions.Web.Api;

/// <summary>Status per check, without exception details: the endpoint is public.</summary>
public static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        }));
    }
}
