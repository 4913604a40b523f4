using System.Net;
using Admissions.Domain.Security;
using Admissions.Web.Tests.Support;

namespace Admissions.Web.Tests.Security;

/// <summary>The password step tells an attacker nothing and slows them down without locking the real person out.</summary>
public sealed class SignInHardeningTests(SecurityWebFactory factory) : IClassFixture<SecurityWebFactory>
{
    private const string Generic = "That email and password do not match an active account.";

    private static async Task<string> PostAsync(HttpClient client, string email, string password)
    {
        using var response = await AdmissionsWebFactory.PostLoginAsync(client, email, password);
        return response.StatusCode == HttpStatusCode.Redirect ? "signed in" : await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task An_unknown_email_gets_the_same_answer_and_costs_the_same_work_as_a_wrong_password()
    {
        var email = await factory.CreateUserAsync(Roles.AdmissionsCoordinator);
        using var client = factory.CreateBrowser("10.1.0.1");

        var before = factory.Hasher.Verifications;
        var real = await PostAsync(client, email, "Wrong-Password-01");
        var realWork = factory.Hasher.Verifications - before;
        before = factory.Hasher.Verifications;
        var unknown = await PostAsync(client, "nobody-" + Guid.NewGuid().ToString("N") + "@test.admissions.local", "Wrong-Password-01");
        var unknownWork = factory.Hasher.Verifications - before;

        Assert.Contains(Generic, real, StringComparison.Ordinal);
        Assert.Contains(Generic, unknown, StringComparison.Ordinal);
        Assert.Equal(1, realWork);
        Assert.Equal(realWork, unknownWork);
    }

    [Fact]
    public async Task A_disabled_account_gets_the_same_answer_even_with_the_right_password()
    {
        var email = await factory.CreateUserAsync(Roles.AdmissionsCoordinator);
        await factory.QueryAsync(async db =>
        {
            var user = db.Users.Single(u => u.Email == email);
            user.DisabledAt = DateTimeOffset.UtcNow;
            return await db.SaveChangesAsync();
        });
        using var client = factory.CreateBrowser("10.1.0.2");

        var before = factory.Hasher.Verifications;
        var answer = await PostAsync(client, email, AdmissionsWebFactory.Password);

        Assert.Contains(Generic, answer, StringComparison.Ordinal);
        Assert.Equal(1, factory.Hasher.Verifications - before);
    }

    [Fact]
    public async Task Repeated_failures_hold_back_that_email_from_that_address_whether_or_not_it_exists()
    {
        var email = await factory.CreateUserAsync(Roles.AdmissionsCoordinator);
        var unknown = "ghost-" + Guid.NewGuid().ToString("N") + "@test.admissions.local";
        using var attacker = factory.CreateBrowser("10.1.0.3");
        for (var i = 1; i <= 5; i++)
        {
            await PostAsync(attacker, email, $"Wrong-Password-{i:00}");
            await PostAsync(attacker, unknown, $"Wrong-Password-{i:00}");
        }

        var realAnswer = await PostAsync(attacker, email, AdmissionsWebFactory.Password);
        var unknownAnswer = await PostAsync(attacker, unknown, AdmissionsWebFactory.Password);

        Assert.Contains("locked for 1 minute", realAnswer, StringComparison.Ordinal);
        Assert.Contains("locked for 1 minute", unknownAnswer, StringComparison.Ordinal);
        Assert.Contains("administrator can unlock", realAnswer, StringComparison.Ordinal);

        // The real person at their own desk is not locked out by the attacker's guesses.
        using var owner = factory.CreateBrowser("10.1.0.4");
        Assert.Equal("signed in", await PostAsync(owner, email, AdmissionsWebFactory.Password));

        // The delay runs out on its own.
        factory.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.Equal("signed in", await PostAsync(attacker, email, AdmissionsWebFactory.Password));
    }

    [Fact]
    public async Task Each_further_failure_doubles_the_wait()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), SignInThrottle.DelayAfter(5));
        Assert.Equal(TimeSpan.FromMinutes(2), SignInThrottle.DelayAfter(6));
        Assert.Equal(TimeSpan.FromMinutes(8), SignInThrottle.DelayAfter(8));
        Assert.Equal(TimeSpan.FromMinutes(15), SignInThrottle.DelayAfter(9));
        Assert.Equal(TimeSpan.FromMinutes(15), SignInThrottle.DelayAfter(40));

        var email = await factory.CreateUserAsync(Roles.AdmissionsCoordinator);
        using var client = factory.CreateBrowser("10.1.0.5");
        for (var i = 1; i <= 5; i++)
        {
            await PostAsync(client, email, $"Wrong-Password-{i:00}");
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var sixth = await PostAsync(client, email, "Wrong-Password-06");

        Assert.Contains("locked for 2 minutes", sixth, StringComparison.Ordinal);
    }
}

/// <summary>The ASP.NET Core rate limiter in front of the sign-in forms: a handful of posts a minute per address.</summary>
public sealed class SignInRateLimitTests(SignInRateLimitTests.Factory factory) : IClassFixture<SignInRateLimitTests.Factory>
{
    public sealed class Factory : SecurityWebFactory
    {
        protected override int SignInPermitsPerMinute => 3;
    }

    [Fact]
    public async Task Posts_beyond_the_limit_from_one_address_get_429_while_the_form_still_loads_and_others_get_through()
    {
        using var client = factory.CreateBrowser("10.2.0.1");
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await AdmissionsWebFactory.PostLoginAsync(client, "someone@test.admissions.local", "Wrong-Password-01");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await AdmissionsWebFactory.PostLoginAsync(client, "someone@test.admissions.local", "Wrong-Password-01");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many sign-in attempts", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var form = await client.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
    }
}
