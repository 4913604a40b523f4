using Admissions.Application.ApiKeys;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Security;
using Admissions.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Admissions.Drill;

/// <summary>What the drill reads and arranges in the shared database directly: the API key, the bell's starting point, the tasks.</summary>
public sealed class DrillDatabase(IServiceProvider services)
{
    public const string Coordinator = "coordinator@demo.admissions.local";

    private AdmissionsDbContext Open() => services.GetRequiredService<IDbContextFactory<AdmissionsDbContext>>().CreateDbContext();

    /// <summary>An intake API key for the drill, made the way the Admin → API keys page makes one (only the hash is stored).</summary>
    public async Task<string> CreateApiKeyAsync()
    {
        var secret = ApiKeySecret.Generate();
        await using var db = Open();
        db.ApiKeys.Add(new ApiKey
        {
            Name = $"Failover drill {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}",
            Prefix = ApiKeySecret.PrefixOf(secret),
            SecretHash = ApiKeySecret.Hash(secret),
            CreatedAt = DateTimeOffset.UtcNow,
            CreatedBy = "scripts/drill",
        });
        await db.SaveChangesAsync();
        return secret;
    }

    /// <summary>
    /// Each round starts with the coordinator's bell read and no drafts waiting: a round's restored intake is never
    /// saved, and the next round's restore prompt must offer that round's typing, not the last one's.
    /// </summary>
    public async Task StartRoundAsync()
    {
        await using var db = Open();
        var userId = await db.Users.Where(u => u.Email == Coordinator).Select(u => u.Id).SingleAsync();
        await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, DateTimeOffset.UtcNow));
        await db.Drafts.Where(d => d.OwnerId == userId).ExecuteDeleteAsync();
    }

    /// <summary>Per acknowledged inquiry number: whether it exists, and how many speed-to-lead tasks it has.</summary>
    public async Task<IReadOnlyDictionary<string, int?>> SpeedToLeadTasksAsync(IReadOnlyCollection<string> numbers)
    {
        await using var db = Open();
        var inquiries = await db.Inquiries.AsNoTracking().Where(i => numbers.Contains(i.Number)).Select(i => new { i.Id, i.Number }).ToListAsync();
        var ids = inquiries.Select(i => i.Id).ToList();
        var tasks = await db.FollowUpTasks.AsNoTracking().Where(t => t.Kind == FollowUpKind.SpeedToLead && ids.Contains(t.InquiryId))
            .GroupBy(t => t.InquiryId).Select(g => new { InquiryId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.InquiryId, g => g.Count);
        var found = inquiries.ToDictionary(i => i.Number, i => tasks.GetValueOrDefault(i.Id));
        return numbers.ToDictionary(n => n, n => found.TryGetValue(n, out var count) ? count : (int?)null);
    }
}
