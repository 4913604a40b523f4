using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Admissions.Application.ApiKeys;
using Admissions.Domain.Security;
using Admissions.Infrastructure.Identity;
using Admissions.Infrastructure.Persistence;
using Admissions.Infrastructure.Security;
using Admissions.Infrastructure.Seeding;
using Admissions.Testing;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Admissions.Web.Tests.Support;

/// <summary>
/// The real app over a fresh SQLite folder (or a fresh PostgreSQL database in the PostgreSQL lane), in the Testing
/// environment, without a Hangfire server. Program's code after Build() does not run under the factory, so the
/// database is migrated (and, on PostgreSQL, created) here.
/// </summary>
public class AdmissionsWebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AuthCookie = "admissions.auth";
    public const string Password = "Correct-Horse-42";

    /// <summary>
    /// A page every staff role opens, for reading the menu: the home page sends utilization review on to its board.
    /// </summary>
    public const string MenuPage = "/notifications";

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "admissions-webtests-" + Guid.NewGuid().ToString("N"));

    /// <summary>
    /// PostgreSQL lane: one database migrated once per test process, which each factory copies. Migrating every
    /// factory's database from nothing made the Web tests four times slower on PostgreSQL than on SQLite.
    /// </summary>
    private static readonly Lazy<Task<string>> PostgresTemplate = new(CreatePostgresTemplateAsync);

    private string? _postgresDatabase;

    public AdmissionsWebFactory()
    {
    }

    private AdmissionsWebFactory(string postgresTemplate) => _postgresDatabase = postgresTemplate;

    protected virtual int PermitsPerMinute => 5;

    /// <summary>Sign-in posts per minute from one address: every test client here comes from the same (no) address.</summary>
    protected virtual int SignInPermitsPerMinute => 10_000;

    /// <summary>Off for the page tests, which sign in with a password only; the MFA tests turn it on.</summary>
    protected virtual bool RequireMfa => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Admissions:DataFolder", _dataFolder);
        if (PostgresLane.Enabled)
        {
            // A test that reads Services without InitializeAsync starts the app here: it needs its database too (a missing
            // one costs half a minute of connection retries). Task.Run keeps xunit's synchronization context out of the wait.
            _postgresDatabase ??= Task.Run(CopyPostgresTemplateAsync).GetAwaiter().GetResult();
            builder.UseSetting("Database:Provider", "PostgreSql");
            builder.UseSetting("ConnectionStrings:Admissions", PostgresLane.ConnectionString(_postgresDatabase));
        }

        builder.UseSetting("Admissions:SeedDemoData", "false");
        builder.UseSetting("Jobs:RunServer", "false");
        builder.UseSetting("Api:PermitsPerMinute", PermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Security:RequireMfa", RequireMfa ? "true" : "false");
        builder.UseSetting("Security:SignIn:PermitsPerMinutePerAddress", SignInPermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Security:SignIn:PermitsPerMinute", SignInPermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // The production work factor (210,000 PBKDF2 rounds) costs a few hundred ms per sign-in on a
        // small machine; these tests exercise the sign-in flow, not the hash strength.
        builder.ConfigureTestServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000));
    }

    public async Task InitializeAsync()
    {
        if (PostgresLane.Enabled)
        {
            _postgresDatabase ??= await CopyPostgresTemplateAsync();
        }

        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_postgresDatabase is not null)
        {
            PostgresLane.DropInBackground(_postgresDatabase);
        }

        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a storage pool; the temp folder is cleaned by the OS.
        }
    }

    private static async Task<string> CopyPostgresTemplateAsync() => await PostgresLane.TakeCopyAsync(await PostgresTemplate.Value);

    private static async Task<string> CreatePostgresTemplateAsync()
    {
        var template = await PostgresLane.CreateTemplateAsync("web");
        // WebApplicationFactory's own DisposeAsync: it stops the app and leaves the database (the copies are dropped by their factories).
        await using (var factory = new AdmissionsWebFactory(template))
        {
            await factory.InitializeAsync();
        }

        PostgresLane.Release(template);
        return template;
    }

    /// <summary>
    /// A client that shows redirects instead of following them, and keeps cookies. Over https: outside Development the
    /// app's cookies are Secure, and a client never sends those over plain http.
    /// </summary>
    public HttpClient CreateBrowser() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") });

    public async Task<string> CreateUserAsync(string role, string? email = null)
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.admissions.local";
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AdmissionsUser>>();
        var result = await StaffAccounts.CreateAsync(users, email, $"Test {role}", Password, role);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return email;
    }

    /// <summary>Signs in through the real login form and returns a client holding the auth cookie.</summary>
    public async Task<HttpClient> SignInAsync(string role)
    {
        var email = await CreateUserAsync(role);
        var client = CreateBrowser();
        var response = await PostLoginAsync(client, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password, string query = "")
    {
        var token = await AntiforgeryTokenAsync(client, "/account/login" + query);
        return await client.PostAsync("/account/login" + query, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var input = Regex.Match(html, "<input[^>]*name=\"__RequestVerificationToken\"[^>]*>");
        Assert.True(input.Success, $"No antiforgery token on {path}");
        var value = Regex.Match(input.Value, "value=\"([^\"]*)\"");
        Assert.True(value.Success);
        return WebUtility.HtmlDecode(value.Groups[1].Value);
    }

    /// <summary>Creates an API key the way an administrator does, and returns its id and secret.</summary>
    public async Task<(Guid Id, string Key)> CreateApiKeyAsync(string name = "Website form")
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(AdminPrincipal, null);
        var created = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CreateApiKey(name));
        return (created.Id, created.Key);
    }

    /// <summary>Sends a command as an administrator, as the app would from a page.</summary>
    public async Task<TResponse> SendAsAdminAsync<TResponse>(ICommand<TResponse> command)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(AdminPrincipal, null);
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    public async Task RevokeApiKeyAsync(Guid id)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(AdminPrincipal, null);
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RevokeApiKey(id));
    }

    public async Task<T> QueryAsync<T>(Func<AdmissionsDbContext, Task<T>> query)
    {
        var contexts = Services.GetRequiredService<IDbContextFactory<AdmissionsDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await query(db);
    }

    private static readonly ClaimsPrincipal AdminPrincipal = new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, "test-admin"),
            new Claim(CurrentUser.DisplayNameClaim, "Test Admin"),
            new Claim(ClaimTypes.Role, Roles.Admin),
        ],
        authenticationType: "Test"));
}
