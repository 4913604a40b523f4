using System.Security.Cryptography.X509Certificates;
using Admissions.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Admissions.Infrastructure.Security;

/// <summary>
/// Where the keys that protect sign-in cookies and antiforgery tokens live. Sign-ins survive restarts only if the keys
/// do, and a cookie issued by one node is accepted by another only if every node reads the same keys: with a server
/// database (several nodes) they are kept in it; with SQLite (one node) in the data folder. With
/// <c>DataProtection:CertificatePath</c> set, each key is encrypted at rest with that certificate.
/// </summary>
public static class DataProtectionKeys
{
    public const string Section = "DataProtection";

    public static IServiceCollection AddAdmissionsDataProtection(this IServiceCollection services, IConfiguration configuration, DatabaseSettings database)
    {
        var protection = services.AddDataProtection().SetApplicationName("Admissions");
        if (database.IsServer)
        {
            protection.PersistKeysToDbContext<AdmissionsDbContext>();
        }
        else
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(database.DataFolder, "keys")));
        }

        if (configuration[$"{Section}:CertificatePath"] is { Length: > 0 } path)
        {
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"{Section}:CertificatePath names a file that does not exist: {path}");
            }

            // The password comes from the environment or user secrets (DataProtection__CertificatePassword), never a file in the repository.
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[$"{Section}:CertificatePassword"]);
            if (!certificate.HasPrivateKey)
            {
                throw new InvalidOperationException($"{Section}:CertificatePath must hold the certificate's private key (a .pfx/.p12 file).");
            }

            protection.ProtectKeysWithCertificate(certificate);
        }

        return services;
    }
}
