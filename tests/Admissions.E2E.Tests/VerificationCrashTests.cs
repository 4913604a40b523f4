using System.Diagnostics;
using System.Security.Claims;
using Admissions.Application;
using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Application.Insurance;
using Admissions.Domain.Care;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Admissions.Domain.Messaging;
using Admissions.Domain.Security;
using Admissions.Infrastructure;
using Admissions.Infrastructure.Persistence;
using Admissions.Infrastructure.Security;
using Admissions.Infrastructure.Seeding;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Admissions.E2E.Tests;

/// <summary>
/// The probe's finding, replayed: the real app is killed with SIGKILL while the simulator's slow payer (member id ending
/// in 09) is answering a 270. After the restart the job runs again: the first 270 says it was interrupted, the second
/// is answered, the ledger holds one disclosure re-sent once, and the audit chain is unbroken.
/// </summary>
public sealed class VerificationCrashTests : IDisposable
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(120);
    private readonly string _data = Path.Combine(Path.GetTempPath(), "admissions-crash-" + Guid.NewGuid().ToString("N"));
    private readonly List<AppProcess> _apps = [];

    [Fact]
    public async Task A_verification_killed_while_the_payer_answers_is_marked_interrupted_and_resent_as_the_same_disclosure()
    {
        Directory.CreateDirectory(_data);
        var checkId = await RequestSlowVerificationAsync();

        var first = await StartAppAsync();
        await WaitForAsync(async () => await ScalarAsync<long>("SELECT COUNT(*) FROM Disclosures") > 0, TimeSpan.FromSeconds(60), "the disclosure before the 270 leaves");
        await first.KillAsync();
        Assert.Equal(1L, await ScalarAsync<long>("SELECT COUNT(*) FROM X12Exchanges WHERE Response IS NULL"));

        await StartAppAsync();
        await WaitForAsync(async () => await ScalarAsync<long>($"SELECT State FROM EligibilityChecks WHERE Id = '{checkId.ToString().ToUpperInvariant()}'") == (long)VerificationState.Completed,
            TimeSpan.FromSeconds(120), "the verification to complete after the restart");

        // The cut-off attempt is marked as such and the last attempt got the answer; on a slow machine a retry in between
        // may time out too (the payer takes 8 s), so the attempts are counted from the ends, not exactly.
        var exchanges = await RowsAsync("SELECT NoAnswer, Response IS NOT NULL FROM X12Exchanges ORDER BY SentAt");
        Assert.True(exchanges.Count >= 2, $"{exchanges.Count} attempts");
        Assert.Equal((X12Exchange.Interrupted, 0L), ((string)exchanges[0][0]!, (long)exchanges[0][1]!));
        Assert.Equal((null, 1L), (exchanges[^1][0] as string, (long)exchanges[^1][1]!));
        // One disclosure; every later attempt is on the ledger as a re-send of it under the same trace number.
        var disclosures = await RowsAsync("SELECT Id, ResendOfId, Reference FROM Disclosures ORDER BY DisclosedAt");
        Assert.Equal(exchanges.Count, disclosures.Count);
        Assert.Null(disclosures[0][1]);
        Assert.All(disclosures.Skip(1), resend => Assert.Equal((disclosures[0][0], disclosures[0][2]), (resend[1], resend[2])));

        await using var services = Services();
        var chain = await services.GetRequiredService<AuditChainVerifier>().VerifyAsync();
        Assert.True(chain.Intact, chain.Problem);
    }

    private ServiceProvider Services()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Admissions:DataFolder"] = _data })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddApplication().AddInfrastructure(configuration, _data);
        services.AddSingleton<ILiveNotifier, NoLiveNotifier>();
        return services.BuildServiceProvider();
    }

    /// <summary>An insured inquiry (policy ending in 09: the slow payer), a consent, and the verification queued, all before the app starts.</summary>
    private async Task<Guid> RequestSlowVerificationAsync()
    {
        await using var provider = Services();
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, "crash-test-coordinator"),
                new Claim(CurrentUser.DisplayNameClaim, "Crash test"),
                new Claim(ClaimTypes.Role, Roles.AdmissionsCoordinator),
            ], "Test")), "127.0.0.1");
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var created = await sender.Send(new CreateInquiry(new InquiryForm
        {
            CallerName = "Dana Slowpayer",
            CallerPhone = "(555) 240-0909",
            PatientFirstName = "Sam",
            PatientLastName = "Slowpayer",
            PatientDateOfBirth = new DateOnly(1990, 4, 2),
            PatientSex = Sex.Female,
        }));
        var inquiryId = created.InquiryId!.Value;
        var payerId = (await sender.Send(new ListPayers())).First(p => p.Name == "Aetna").Id;
        var policyId = await sender.Send(new SavePolicy(inquiryId, null, new PolicyForm
        {
            Rank = PolicyRank.Primary,
            PayerId = payerId,
            MemberId = "W1234567809",
            Relationship = SubscriberRelationship.Self,
        }));
        await sender.Send(new CaptureConsent(inquiryId, new ConsentForm
        {
            RecipientPayerIds = [payerId],
            Purposes = DisclosurePurpose.Payment,
            ExpiresOn = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1),
            Signing = ConsentSigning.LinkByText,
            SendTo = "(555) 240-0909",
        }));
        await PatientSignsAsync(provider, inquiryId);
        var checkId = await sender.Send(new RequestVerification(inquiryId, policyId, [LevelOfCare.Residential]));
        SqliteConnection.ClearAllPools();
        return checkId;
    }

    /// <summary>The patient opens the texted link (its token is in the outbox) and signs, as on the public signing page.</summary>
    private static async Task PatientSignsAsync(ServiceProvider provider, Guid inquiryId)
    {
        await using var scope = provider.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IAdmissionsDbContextFactory>().CreateAsync();
        var body = await db.OutboundMessages.AsNoTracking()
            .Where(m => m.TemplateKey == MessageTemplates.ConsentSigning).OrderByDescending(m => m.CreatedAt).Select(m => m.Body).FirstAsync();
        var start = body.IndexOf(ConsentSigningLinks.PagePath, StringComparison.Ordinal) + ConsentSigningLinks.PagePath.Length;
        var token = new string([.. body[start..].TakeWhile(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')]);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, "consent-signing-link"),
                new Claim(CurrentUser.DisplayNameClaim, "Patient (signing link)"),
                new Claim(ClaimTypes.Role, Roles.ConsentSigner),
            ], "Test")), "127.0.0.1");
        var outcome = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new SignConsent(token, "Sam Slowpayer", new DateOnly(1990, 4, 2), true, "e2e"));
        Assert.Equal(SigningPageState.AlreadySigned, outcome.State);
    }

    private async Task<AppProcess> StartAppAsync()
    {
        var app = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Demo",
            ["Admissions__DataFolder"] = _data,
            ["Admissions__SeedDemoData"] = "false",
            // Slow, but within one attempt's timeout (10 s): the kill lands while the payer is still answering.
            ["Clearinghouse__SimulatorDelaySeconds"] = "8",
            // A job that was running when the process died is fetched again after this (default 5 minutes); longer than
            // the slow payer's answer, or a job still waiting for it would be fetched a second time.
            ["Jobs__InvisibilityTimeout"] = "00:00:15",
        }, StartupTimeout);
        _apps.Add(app);
        return app;
    }

    private async Task<T> ScalarAsync<T>(string sql) => (T)(await RowsAsync(sql))[0][0]!;

    private async Task<List<object?[]>> RowsAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "admissions.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    private async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {what}.\n{string.Join("\n--- restarted ---\n", _apps.Select(a => a.Output))}");
            }

            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        foreach (var app in _apps)
        {
            app.KillAsync().GetAwaiter().GetResult();
            app.Dispose();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private sealed class NoLiveNotifier : ILiveNotifier
    {
        public void NotificationsChanged(IEnumerable<string> userIds)
        {
        }

        public void InquiryChanged(Guid inquiryId)
        {
        }

        public void TasksChanged(IReadOnlyCollection<string?> assigneeIds)
        {
        }
    }
}
