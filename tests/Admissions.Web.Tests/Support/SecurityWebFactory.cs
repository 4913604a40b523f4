using System.Net;
using Admissions.Infrastructure.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Admissions.Web.Tests.Support;

/// <summary>
/// The app with a fake clock (sessions, lifetimes and open-page checks run on it), a client address taken from the
/// X-Test-Address header (TestServer has none), and a password hasher that counts its checks.
/// </summary>
public class SecurityWebFactory : AdmissionsWebFactory
{
    public const string AddressHeader = "X-Test-Address";

    /// <summary>Starts at the real time: the cookie handler's own expiry check may read either clock.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public CountingPasswordHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, TestAddressFilter>();
            services.RemoveAll<IPasswordHasher<AdmissionsUser>>();
            services.AddSingleton<IPasswordHasher<AdmissionsUser>>(sp =>
            {
                Hasher.Inner = new PasswordHasher<AdmissionsUser>(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = 1_000 }));
                return Hasher;
            });
        });
    }

    public HttpClient CreateBrowser(string address)
    {
        var client = CreateBrowser();
        client.DefaultRequestHeaders.Add(AddressHeader, address);
        return client;
    }

    private sealed class TestAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(AddressHeader, out var value) && IPAddress.TryParse(value, out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>The real PBKDF2 hasher, counting how many passwords it checked: the work a sign-in attempt costs.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<AdmissionsUser>
{
    private int _verifications;

    public IPasswordHasher<AdmissionsUser> Inner { get; set; } = new PasswordHasher<AdmissionsUser>();

    public int Verifications => Volatile.Read(ref _verifications);

    public string HashPassword(AdmissionsUser user, string password) => Inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(AdmissionsUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return Inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
