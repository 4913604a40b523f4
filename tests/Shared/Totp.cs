using System.Globalization;
using System.Security.Cryptography;

namespace Admissions.Testing;

/// <summary>
/// The code an authenticator app shows (RFC 6238 with the apps' settings: HMAC-SHA1, 30-second steps, 6 digits), for
/// the key the MFA set-up page shows. Identity keeps its own implementation internal, so the tests carry this one.
/// </summary>
public static class Totp
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>The code for <paramref name="now"/>; <paramref name="key"/> may be spaced and in either case, as the page shows it.</summary>
    public static string Code(string key, DateTimeOffset now)
    {
        var counter = BitConverter.GetBytes(now.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

#pragma warning disable CA5350 // RFC 6238 as authenticator apps compute it is HMAC-SHA1.
        var hash = HMACSHA1.HashData(Base32(key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string key)
    {
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant().TrimEnd('='))
        {
            buffer = (buffer << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}
