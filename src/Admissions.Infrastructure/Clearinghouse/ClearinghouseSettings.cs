using Admissions.Application.Insurance;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Admissions.Infrastructure.Clearinghouse;

public enum ClearinghouseMode
{
    /// <summary>The embedded simulator answers, over HTTP at this app's own address.</summary>
    Simulator,

    /// <summary>A real clearinghouse, over CAQH CORE real-time connectivity.</summary>
    Core,
}

/// <summary>The <c>Clearinghouse</c> configuration section.</summary>
public sealed class ClearinghouseSettings
{
    public const string Section = "Clearinghouse";

    public ClearinghouseMode Mode { get; set; } = ClearinghouseMode.Simulator;

    /// <summary>
    /// Production refuses the simulator unless this says it is meant (a trial install with no clearinghouse contract
    /// yet): simulated benefits must never be mistaken for a payer's answer.
    /// </summary>
    public bool AllowSimulatorInProduction { get; set; }

    /// <summary>The CORE endpoint. Required in Core mode; in Simulator mode it overrides the app's own address.</summary>
    public Uri? Endpoint { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string SubmitterId { get; set; } = "ADMISSIONS";

    public string ReceiverId { get; set; } = "CLEARINGHSE";

    public string ProviderName { get; set; } = "RIVERBEND RECOVERY";

    public string ProviderNpi { get; set; } = "1234567893";

    public string TraceOriginator { get; set; } = "9123456789";

    public int AttemptTimeoutSeconds { get; set; } = 10;

    public int TotalTimeoutSeconds { get; set; } = 30;

    public int MaxRetries { get; set; } = 2;

    /// <summary>How long the simulator's slow payer takes to answer.</summary>
    public int SimulatorDelaySeconds { get; set; } = 6;

    public ClearinghouseIdentity Identity() =>
        new(SubmitterId, ReceiverId, ProviderName, ProviderNpi, TraceOriginator, Production: Mode == ClearinghouseMode.Core);
}

/// <summary>
/// Refuses to start with settings that could only fail later, in front of a coordinator. The environment is known in
/// the web app and the CLI; a bare service collection (tests) has none and is never Production.
/// </summary>
public sealed class ClearinghouseSettingsValidator(IHostEnvironment? environment = null) : IValidateOptions<ClearinghouseSettings>
{
    public ValidateOptionsResult Validate(string? name, ClearinghouseSettings options)
    {
        var problems = Problems(options).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private IEnumerable<string> Problems(ClearinghouseSettings s)
    {
        if (s.Mode == ClearinghouseMode.Simulator && environment?.IsProduction() == true && !s.AllowSimulatorInProduction)
        {
            yield return "Clearinghouse:Mode is Simulator in Production: set Clearinghouse:Mode=Core with the clearinghouse's endpoint and credentials, "
                + "or, for a trial with no clearinghouse yet, opt in with Clearinghouse:AllowSimulatorInProduction=true (Clearinghouse__AllowSimulatorInProduction).";
        }

        if (s.Mode == ClearinghouseMode.Core)
        {
            if (s.Endpoint is null)
            {
                yield return "Clearinghouse:Endpoint is required when Clearinghouse:Mode is Core.";
            }

            if (string.IsNullOrWhiteSpace(s.UserName))
            {
                yield return "Clearinghouse:UserName is required when Clearinghouse:Mode is Core: set the Clearinghouse__UserName environment variable or a user secret.";
            }

            if (string.IsNullOrWhiteSpace(s.Password))
            {
                yield return "Clearinghouse:Password is required when Clearinghouse:Mode is Core: set the Clearinghouse__Password environment variable or a user secret.";
            }
        }

        if (s.Endpoint is { } endpoint)
        {
            if (!endpoint.IsAbsoluteUri || endpoint.Scheme is not ("http" or "https"))
            {
                yield return "Clearinghouse:Endpoint must be an absolute http or https URL.";
            }
            else if (!string.IsNullOrEmpty(endpoint.UserInfo))
            {
                yield return "Clearinghouse:Endpoint must not carry credentials: use Clearinghouse:UserName and Clearinghouse:Password.";
            }
        }

        foreach (var (key, value) in new[] { ("SubmitterId", s.SubmitterId), ("ReceiverId", s.ReceiverId), ("ProviderName", s.ProviderName), ("ProviderNpi", s.ProviderNpi), ("TraceOriginator", s.TraceOriginator) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                yield return $"Clearinghouse:{key} must not be empty.";
            }
        }

        if (s.AttemptTimeoutSeconds < 1)
        {
            yield return "Clearinghouse:AttemptTimeoutSeconds must be at least 1.";
        }

        if (s.TotalTimeoutSeconds <= s.AttemptTimeoutSeconds)
        {
            yield return "Clearinghouse:TotalTimeoutSeconds must be greater than Clearinghouse:AttemptTimeoutSeconds.";
        }

        if (s.MaxRetries is < 0 or > 10)
        {
            yield return "Clearinghouse:MaxRetries must be between 0 and 10.";
        }

        if (s.SimulatorDelaySeconds < 0)
        {
            yield return "Clearinghouse:SimulatorDelaySeconds must not be negative.";
        }
    }
}
