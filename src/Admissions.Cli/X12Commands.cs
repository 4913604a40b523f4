using System.Globalization;
using System.Text.Json;
using Admissions.Edi;
using Admissions.Infrastructure.Clearinghouse;
using Microsoft.Extensions.Configuration;

namespace Admissions.Cli;

/// <summary>
/// The x12 commands: pure file-in, text-out work with no database and no host, so they start fast.
/// Exit codes as for every command: 0 ok, 1 failed (an unreadable file), 2 bad input.
/// </summary>
internal static class X12Commands
{
    private static readonly JsonSerializerOptions RequestOptions = new(JsonSerializerDefaults.Web)
    {
        // A misspelt optional field ("dependant") would otherwise be dropped without a word.
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider clock)
    {
        try
        {
            return args switch
            {
                ["parse", var path] => await ParseAsync(path, output, error),
                ["build-270", "--json", var path] => await Build270Async(path, output, error, clock),
                _ => await UsageErrorAsync(error),
            };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return 1;
        }
    }

    private static async Task<int> ParseAsync(string path, TextWriter output, TextWriter error)
    {
        if (!File.Exists(path))
        {
            return await FileNotFoundAsync(path, error);
        }

        X12Document document;
        try
        {
            document = X12.Read(await File.ReadAllTextAsync(path));
        }
        catch (X12ParseException ex)
        {
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"error: {ex.Reason} (segment {ex.SegmentIndex}, offset {ex.Offset})"));
            return 2;
        }

        await output.WriteLineAsync(X12Json.Serialize(document));
        return 0;
    }

    private static async Task<int> Build270Async(string path, TextWriter output, TextWriter error, TimeProvider clock)
    {
        if (!File.Exists(path))
        {
            return await FileNotFoundAsync(path, error);
        }

        EligibilityInquiryInput? input;
        try
        {
            input = JsonSerializer.Deserialize<EligibilityInquiryInput>(await File.ReadAllTextAsync(path), RequestOptions);
        }
        catch (JsonException ex)
        {
            await error.WriteLineAsync($"error: {path}: {ex.Message}");
            return 2;
        }

        var problems = input?.Problems() ?? ["the request must be a JSON object"];
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await error.WriteLineAsync($"error: {path}: {problem}");
            }

            return 2;
        }

        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        // The app's own Clearinghouse settings and defaults, so a 270 built here carries the same envelope as the app's.
        var identity = (configuration.GetSection(ClearinghouseSettings.Section).Get<ClearinghouseSettings>() ?? new()).Identity();
        var now = FacilityNow(configuration, clock);
        var request = input!.ToRequest(identity, DateOnly.FromDateTime(now.DateTime), Guid.NewGuid().ToString("N").ToUpperInvariant());
        var envelope = new X12Envelope(identity.SubmitterId, identity.ReceiverId, input.InterchangeControlNumber ?? 1, now, identity.Production);
        try
        {
            await output.WriteLineAsync(X12.Write(request, envelope).TrimEnd('\r', '\n'));
        }
        catch (ArgumentException ex)
        {
            // The writer refuses values it cannot write, like a name holding a delimiter; the
            // parameter name it appends means nothing to the operator.
            var reason = ex.ParamName is null ? ex.Message : ex.Message.Replace($" (Parameter '{ex.ParamName}')", "", StringComparison.Ordinal);
            await error.WriteLineAsync($"error: {path}: {reason}");
            return 2;
        }

        return 0;
    }

    /// <summary>Now where the facility is (Admissions:TimeZone): its date is the payer's idea of the service date.</summary>
    private static DateTimeOffset FacilityNow(IConfiguration configuration, TimeProvider clock)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(configuration["Admissions:TimeZone"] ?? "America/Los_Angeles");
        return TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone);
    }

    private static async Task<int> FileNotFoundAsync(string path, TextWriter error)
    {
        await error.WriteLineAsync($"error: file not found: {path}");
        return 2;
    }

    private static async Task<int> UsageErrorAsync(TextWriter error)
    {
        await error.WriteLineAsync("error: use 'x12 parse FILE' or 'x12 build-270 --json REQUEST.json' (see 'admissions help').");
        return 2;
    }
}
