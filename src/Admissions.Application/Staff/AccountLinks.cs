using System.Globalization;
using Admissions.Application.Common;
using Admissions.Application.Messaging;
using Admissions.Domain.Common;
using Admissions.Domain.Messaging;
using Admissions.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Staff;

/// <summary>Single-use links to set a password, and the emails that carry them.</summary>
public static class AccountLinks
{
    public const string SetPasswordPath = "/account/set-password";

    /// <summary>Withdraws the person's open links of a kind (a new one replaces them; a disabled account keeps none).</summary>
    public static async Task RevokeOpenAsync(IAdmissionsDbContext db, string userId, AccountLinkPurpose? purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = await db.AccountLinks
            .Where(l => l.UserId == userId && l.UsedAt == null && l.RevokedAt == null && l.ExpiresAt > now && (purpose == null || l.Purpose == purpose))
            .ToListAsync(cancellationToken);
        open.ForEach(l => l.Revoke(now));
    }

    /// <summary>Makes a new link (replacing open ones of the same kind) and queues its email in the outbox.</summary>
    internal static async Task<AccountLink> IssueAsync(
        IAdmissionsDbContext db, StaffAccount account, AccountLinkPurpose purpose, Actor by, MessagingOptions messaging, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await RevokeOpenAsync(db, account.Id, purpose, now, cancellationToken);
        var (link, token) = AccountLink.Create(account.Id, purpose, by, now);
        db.AccountLinks.Add(link);

        var zone = messaging.FacilityZone;
        var expires = TimeZoneInfo.ConvertTime(link.ExpiresAt, zone);
        var values = new Dictionary<string, string>
        {
            ["Name"] = account.Name,
            ["InvitedBy"] = by.Name,
            ["Roles"] = StaffAccountRules.RoleList(account.Roles),
            ["AppUrl"] = messaging.AppUrl,
            ["Link"] = $"{messaging.AppUrl.TrimEnd('/')}{SetPasswordPath}?token={token}",
            ["Expires"] = expires.ToString("dddd, MMM d 'at' h:mm tt", CultureInfo.GetCultureInfo("en-US")),
        };
        var template = purpose == AccountLinkPurpose.Invitation ? MessageTemplates.StaffInvitation : MessageTemplates.PasswordReset;
        await Outbox.QueueOnceAsync(db, new MessageDraft(MessageChannel.Email, MessageAudience.Staff, account.Email, account.Name, template, values,
            null, zone.Id, $"account-link:{link.Id}", now), now, cancellationToken);
        return link;
    }

    /// <summary>The outbox shows staff emails to admins and managers; a set-password link there would let them take the account over.</summary>
    public static string HideLinks(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"\S*" + System.Text.RegularExpressions.Regex.Escape(SetPasswordPath) + @"\?token=[A-Za-z0-9_\-]+",
            "[link hidden: only the recipient may use it]", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
}
