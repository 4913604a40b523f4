using Admissions.Application.Common;
using Admissions.Domain.Common;
using Admissions.Domain.FollowUps;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Infrastructure.Tests.Persistence;

/// <summary>A lost race on a unique key is recognised by its provider code, on whichever database the lane runs.</summary>
public class UniqueViolationTests
{
    [Fact]
    public async Task A_second_row_with_a_taken_unique_key_is_a_unique_key_violation()
    {
        await using var host = await InfrastructureHost.StartMigratedAsync();
        var inquiry = Guid.NewGuid();

        await SaveTaskAsync(host, inquiry, "speed-to-lead:1");
        var refused = await Assert.ThrowsAsync<UniqueKeyViolationException>(() => SaveTaskAsync(host, inquiry, "speed-to-lead:1"));

        Assert.True(SaveRaces.Lost(refused));
        Assert.Equal(1, await host.QueryAsync(db => db.FollowUpTasks.CountAsync(t => t.UniqueKey == "speed-to-lead:1")));
    }

    private static async Task SaveTaskAsync(InfrastructureHost host, Guid inquiryId, string key)
    {
        await using var db = host.CreateDbContext();
        db.FollowUpTasks.Add(new FollowUpTask
        {
            InquiryId = inquiryId,
            Kind = FollowUpKind.Callback,
            Title = "Call back",
            DueAt = host.Clock.GetUtcNow(),
            CreatedAt = host.Clock.GetUtcNow(),
            CreatedById = Actor.System.Id,
            CreatedByName = Actor.System.Name,
            UniqueKey = key,
        });
        await db.SaveChangesAsync();
    }
}
