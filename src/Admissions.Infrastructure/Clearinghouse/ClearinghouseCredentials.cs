using System.Security.Cryptography;
using System.Text;

namespace Admissions.Infrastructure.Clearinghouse;

/// <summary>
/// The CORE envelope's UserName and Password. A class, not a record, so that no generated
/// ToString ever prints the password into a log.
/// </summary>
public sealed class ClearinghouseCredentials(string userName, string password)
{
    public string UserName { get; } = userName;

    public string Password { get; } = password;

    /// <summary>
    /// The configured pair; in Simulator mode without one, a random pair for this process, shared by
    /// the client and the simulator endpoint, so that no simulator secret lives in the repository.
    /// </summary>
    public static ClearinghouseCredentials From(ClearinghouseSettings settings)
    {
        if (!string.IsNullOrWhiteSpace(settings.UserName) && !string.IsNullOrWhiteSpace(settings.Password))
        {
            return new ClearinghouseCredentials(settings.UserName, settings.Password);
        }

        if (settings.Mode == ClearinghouseMode.Core)
        {
            throw new InvalidOperationException("Clearinghouse:UserName and Clearinghouse:Password are required in Core mode.");
        }

        return new ClearinghouseCredentials("simulator-" + RandomNumberGenerator.GetHexString(8, lowercase: true),
            RandomNumberGenerator.GetHexString(40, lowercase: true));
    }

    public bool Match(string? userName, string? password)
    {
        // Both compared in full every time: how long a refusal takes tells nothing about which half was wrong.
        var user = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(userName ?? ""), Encoding.UTF8.GetBytes(UserName));
        var secret = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(password ?? ""), Encoding.UTF8.GetBytes(Password));
        return user & secret;
    }
}
