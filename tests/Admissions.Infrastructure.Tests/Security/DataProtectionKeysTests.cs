using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Admissions.Application;
using Admissions.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Admissions.Infrastructure.Tests.Security;

/// <summary>Keys that protect cookies: in the database with a server database (every node reads them), else in the data folder.</summary>
public class DataProtectionKeysTests
{
    [Fact]
    public async Task A_cookie_protected_by_one_node_is_read_by_another_node_of_the_same_install()
    {
        await using var host = await InfrastructureHost.StartMigratedAsync();
        var payload = host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Protect("signed in as casey");

        await using var otherNode = NewNode(host);
        var read = otherNode.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Unprotect(payload);

        Assert.Equal("signed in as casey", read);
        var keysInDatabase = await host.QueryAsync(db => db.DataProtectionKeys.CountAsync());
        if (PostgresLane.Enabled)
        {
            Assert.Equal(1, keysInDatabase);
            Assert.False(Directory.Exists(Path.Combine(host.DataFolder, "keys")), "A server database keeps the keys; no node keeps its own.");
        }
        else
        {
            Assert.Equal(0, keysInDatabase);
            Assert.Single(Directory.GetFiles(Path.Combine(host.DataFolder, "keys"), "key-*.xml"));
        }
    }

    [Fact]
    public async Task With_a_certificate_configured_the_stored_keys_are_encrypted()
    {
        var folder = Directory.CreateTempSubdirectory("admissions-dp-cert").FullName;
        try
        {
            var certificatePath = Path.Combine(folder, "keys.pfx");
            using (var rsa = RSA.Create(2048))
            {
                var request = new CertificateRequest("CN=Admissions data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
                await File.WriteAllBytesAsync(certificatePath, certificate.Export(X509ContentType.Pkcs12, "test-password"));
            }

            var settings = new Dictionary<string, string?>
            {
                ["DataProtection:CertificatePath"] = certificatePath,
                ["DataProtection:CertificatePassword"] = "test-password",
            };
            await using var host = await InfrastructureHost.StartMigratedAsync(settings: settings);
            var protector = host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie");

            Assert.Equal("hello", protector.Unprotect(protector.Protect("hello")));
            var stored = PostgresLane.Enabled
                ? await host.QueryAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).SingleAsync())
                : await File.ReadAllTextAsync(Directory.GetFiles(Path.Combine(host.DataFolder, "keys"), "key-*.xml").Single());
            Assert.Contains("EncryptedData", stored, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", stored, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_certificate_path_that_does_not_exist_stops_the_start_with_the_setting_named()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.pfx");

        var error = Assert.Throws<InvalidOperationException>(() =>
            InfrastructureHost.Create(settings: new Dictionary<string, string?> { ["DataProtection:CertificatePath"] = missing }));

        Assert.Contains("DataProtection:CertificatePath", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider NewNode(InfrastructureHost host)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddApplication().AddInfrastructure(host.Configuration, host.DataFolder);
        return services.BuildServiceProvider();
    }
}
