using Admissions.Cli;
using Admissions.Domain.Security;
using Admissions.Testing;

namespace Admissions.E2E.Tests;

/// <summary>
/// A second app, with single sign-on against <see cref="TestOidcProvider"/> on 127.0.0.1 (started in this process), and
/// one staff member the provider knows by email. Its own app because single sign-on takes the password form away
/// from everyone but administrators, which the other tests sign in with.
/// </summary>
public sealed class SingleSignOnApp : IAsyncLifetime
{
    public const string ProviderName = "Riverbend SSO";
    public const string CoordinatorGroup = "admissions-coordinators";
    public const string StaffName = "Dana Whitfield";

    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(180);

    private readonly string _data = Path.Combine(Path.GetTempPath(), "admissions-e2e-sso-" + Guid.NewGuid().ToString("N"));
    private AppProcess? _app;

    public TestOidcProvider Provider { get; } = new();

    public string StaffEmail { get; } = $"dana.{Guid.NewGuid().ToString("N")[..10]}@riverbend.example";

    public Uri BaseUrl => _app!.BaseUrl;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_data);
        await Provider.StartAsync();

        // The staff member exists before their first single sign-on (invited, never given a password).
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await OperatorCommands.RunAsync(
            ["create-user", "--Admissions:DataFolder", _data, "--email", StaffEmail, "--name", StaffName, "--roles", Roles.AdmissionsCoordinator, "--invite"],
            output, error);
        if (exitCode != 0)
        {
            throw new InvalidOperationException("create-user failed: " + error);
        }

        _app = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Demo",
            ["Admissions__DataFolder"] = _data,
            ["Admissions__SeedDemoData"] = "false",
            ["Security__Sso__Authority"] = Provider.Issuer,
            ["Security__Sso__ClientId"] = TestOidcProvider.ClientId,
            ["Security__Sso__ClientSecret"] = TestOidcProvider.ClientSecret,
            ["Security__Sso__DisplayName"] = ProviderName,
            ["Security__Sso__RequireHttpsMetadata"] = "false",
            ["Security__Sso__RoleGroups__AdmissionsCoordinator__0"] = CoordinatorGroup,
        }, StartupTimeout);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.KillAsync();
            _app.Dispose();
        }

        await Provider.DisposeAsync();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
