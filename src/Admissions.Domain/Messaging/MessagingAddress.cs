using Admissions.Domain.Common;

namespace Admissions.Domain.Messaging;

/// <summary>One spelling per address, so an opt-out matches however the number or email was typed.</summary>
public static class MessagingAddress
{
    /// <summary>E.164 (+15550102345) for a NANP phone, lower case for an email; null when it is not usable.</summary>
    public static string? Normalize(MessageChannel channel, string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        if (channel == MessageChannel.Sms)
        {
            return PhoneNumber.TryNormalize(address, out var digits) ? $"+1{digits}" : null;
        }

        var email = address.Trim().ToLowerInvariant();
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < email.Length - 1 && !email.Contains(' ', StringComparison.Ordinal) ? email : null;
    }
}
