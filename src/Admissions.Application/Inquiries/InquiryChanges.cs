using Admissions.Application.Common;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Inquiries;

/// <summary>
/// The shape of every command that changes one inquiry: load it tracked, apply a domain method, save
/// (<see cref="SaveConflicts.ChangeAsync{T}"/>: retried on fresh data when it loses a race).
/// </summary>
internal static class InquiryChanges
{
    public static async ValueTask<string> ApplyAsync(
        IAdmissionsDbContextFactory dbFactory, Guid inquiryId, Action<Inquiry> change, CancellationToken cancellationToken)
    {
        var inquiry = await SaveConflicts.ChangeAsync(dbFactory, async db =>
        {
            var inquiry = await LoadAsync(db, inquiryId, cancellationToken);
            change(inquiry);
            return inquiry;
        }, cancellationToken);
        return InquiryVersion.Encode(inquiry.Version);
    }

    public static async Task<Inquiry> LoadAsync(IAdmissionsDbContext db, Guid inquiryId, CancellationToken cancellationToken) =>
        await db.Inquiries.FirstOrDefaultAsync(i => i.Id == inquiryId, cancellationToken)
        ?? throw new NotFoundException("The inquiry");

    public static Actor Actor(this ICurrentUser user) => new(user.Id, user.Name);
}

/// <summary>The stage-transition table's roles, enforced: a move the table does not give this person is refused (403).</summary>
internal static class StageMoves
{
    public static void EnsureAllowed(ICurrentUser user, InquiryStage from, InquiryStage to)
    {
        if (InquiryStageMachine.Find(from, to) is { } transition && !transition.Roles.Any(user.IsInRole))
        {
            throw new ForbiddenException(
                $"Moving an inquiry from {InquiryStageMachine.Describe(from)} to {InquiryStageMachine.Describe(to)} is for {Describe(transition.Roles)}.");
        }
    }

    private static string Describe(IReadOnlyList<string> roles)
    {
        var names = roles.Select(r => Domain.Security.Roles.Describe(r).ToLowerInvariant()).Select(n => n == "admin" ? "admins" : n + "s").ToList();
        return names.Count == 1 ? names[0] : $"{string.Join(", ", names[..^1])} and {names[^1]}";
    }
}
