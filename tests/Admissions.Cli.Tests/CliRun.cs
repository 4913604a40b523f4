namespace Admissions.Cli.Tests;

/// <summary>One run of the operator CLI with its exit code and what it wrote to stdout and stderr.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static Task<CliRun> RunAsync(params string[] args) => RunAtAsync(TimeProvider.System, args);

    public static async Task<CliRun> RunAtAsync(TimeProvider clock, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await OperatorCommands.RunAsync(args, output, error, clock);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>The lines written to stderr, without the final line break.</summary>
    public string[] ErrorLines => Error.TrimEnd().Split(Environment.NewLine);
}
