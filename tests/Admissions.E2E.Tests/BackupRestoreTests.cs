using Admissions.Cli;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admissions.E2E.Tests;

/// <summary>
/// The embedded install's backup, end to end: a backup taken from the running demo app, restored into a fresh folder,
/// and the app started on it. The coordinator's sign-in from before the backup still holds (the users and the Data
/// Protection keys came back) and the inquiries are all there.
/// </summary>
public sealed class BackupRestoreTests : IAsyncLifetime
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(180);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "admissions-backup-e2e-" + Guid.NewGuid().ToString("N"));
    private readonly List<AppProcess> _apps = [];

    private string Original => Path.Combine(_root, "original");
    private string Restored => Path.Combine(_root, "restored");
    private string Archive => Path.Combine(_root, "nightly.zip");

    [Fact]
    public async Task A_backup_of_the_running_app_restores_into_a_fresh_folder_and_the_app_starts_on_it_with_the_same_data_and_sign_in()
    {
        var original = await StartAppAsync(Original, seedDemoData: true);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await AppServer.LaunchChromiumAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = original.BaseUrl.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#email").FillAsync(AppServer.Coordinator);
        await page.Locator("#password").FillAsync(AppServer.Password);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        var inquiries = await CountInquiriesAsync(Original);
        var newest = await NewestInquiryNumberAsync(Original);

        var backup = await CliAsync("backup", Original, "--out", Archive);
        var refused = await CliAsync("restore", Original, "--from", Archive, "--replace");
        await original.KillAsync();
        var restore = await CliAsync("restore", Restored, "--from", Archive);
        var restored = await StartAppAsync(Restored, seedDemoData: false);

        Assert.True(backup.ExitCode == 0, backup.Error);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("Admissions is running on", refused.Error, StringComparison.Ordinal);
        Assert.True(restore.ExitCode == 0, restore.Error);
        Assert.Equal(inquiries, await CountInquiriesAsync(Restored));
        await page.GotoAsync(new Uri(restored.BaseUrl, "/inquiries").ToString());
        await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await Expect(page.GetByText(newest).First).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.KillAsync();
            app.Dispose();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private async Task<AppProcess> StartAppAsync(string dataFolder, bool seedDemoData)
    {
        var app = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Demo",
            ["Admissions__DataFolder"] = dataFolder,
            ["Admissions__SeedDemoData"] = seedDemoData ? "true" : "false",
        }, StartupTimeout);
        _apps.Add(app);
        return app;
    }

    private static async Task<(int ExitCode, string Output, string Error)> CliAsync(string command, string dataFolder, params string[] options)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await OperatorCommands.RunAsync([command, "--Admissions:DataFolder", dataFolder, .. options], output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    private static async Task<long> CountInquiriesAsync(string dataFolder) =>
        (long)(await ScalarAsync(dataFolder, "SELECT COUNT(*) FROM Inquiries"))!;

    private static async Task<string> NewestInquiryNumberAsync(string dataFolder) =>
        (string)(await ScalarAsync(dataFolder, "SELECT Number FROM Inquiries ORDER BY CreatedAt DESC LIMIT 1"))!;

    private static async Task<object?> ScalarAsync(string dataFolder, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataFolder, "admissions.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
