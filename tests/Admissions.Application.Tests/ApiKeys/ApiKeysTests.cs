using Admissions.Application.ApiKeys;
using Admissions.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Tests.ApiKeys;

public class ApiKeysTests
{
    [Fact]
    public async Task A_new_key_is_shown_once_and_only_its_sha256_hash_is_stored()
    {
        await using var host = await TestHost.StartAsync();

        var created = await host.SendAsync(host.Admin, new CreateApiKey("  Website form "));

        Assert.StartsWith("adm_", created.Key, StringComparison.Ordinal);
        Assert.True(created.Key.Length > 40, "The secret carries 32 random bytes.");
        Assert.Equal("Website form", created.Name);
        var stored = await host.QueryAsync(db => db.ApiKeys.SingleAsync());
        Assert.Equal(created.Id, stored.Id);
        Assert.Equal(ApiKeySecret.Hash(created.Key), stored.SecretHash);
        Assert.Matches("^[0-9A-F]{64}$", stored.SecretHash);
        Assert.Equal(created.Key[..12], stored.Prefix);
        Assert.Equal(TestHost.StartTime, stored.CreatedAt);
        Assert.Equal(host.Admin.Name, stored.CreatedBy);
        Assert.Null(stored.RevokedAt);

        var secretPart = created.Key[13..];
        foreach (var table in new[] { "ApiKeys", "AuditEntries" })
        {
            Assert.DoesNotContain(await host.AllCellsAsync(table), cell => cell.Contains(secretPart, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Two_keys_never_share_a_secret()
    {
        await using var host = await TestHost.StartAsync();

        var first = await host.SendAsync(host.Admin, new CreateApiKey("Website form"));
        var second = await host.SendAsync(host.Admin, new CreateApiKey("Call tracking"));

        Assert.NotEqual(first.Key, second.Key);
        Assert.NotEqual(first.Key[..12], second.Key[..12]);
    }

    [Fact]
    public async Task Revoking_a_key_records_when_and_revoking_again_keeps_the_first_time()
    {
        await using var host = await TestHost.StartAsync();
        var created = await host.SendAsync(host.Admin, new CreateApiKey("Website form"));
        host.Clock.Advance(TimeSpan.FromDays(2));

        await host.SendAsync(host.Admin, new RevokeApiKey(created.Id));
        host.Clock.Advance(TimeSpan.FromDays(1));
        await host.SendAsync(host.Admin, new RevokeApiKey(created.Id));

        var stored = await host.QueryAsync(db => db.ApiKeys.SingleAsync());
        Assert.Equal(TestHost.StartTime.AddDays(2), stored.RevokedAt);
        Assert.False(stored.IsActive);
        var listed = Assert.Single(await host.SendAsync(host.Admin, new ListApiKeys()));
        Assert.Equal(TestHost.StartTime.AddDays(2), listed.RevokedAt);
    }

    [Fact]
    public async Task Revoking_an_unknown_key_is_not_found()
    {
        await using var host = await TestHost.StartAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => host.SendAsync(host.Admin, new RevokeApiKey(Guid.NewGuid())));
    }

    [Fact]
    public async Task The_list_shows_active_keys_first_and_never_a_secret()
    {
        await using var host = await TestHost.StartAsync();
        var old = await host.SendAsync(host.Admin, new CreateApiKey("Old form"));
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var current = await host.SendAsync(host.Admin, new CreateApiKey("Website form"));
        await host.SendAsync(host.Admin, new RevokeApiKey(old.Id));

        var keys = await host.SendAsync(host.Admin, new ListApiKeys());

        Assert.Equal([current.Id, old.Id], keys.Select(k => k.Id));
        Assert.Equal(current.Key[..12], keys[0].Prefix);
    }

    [Fact]
    public async Task Only_admins_manage_keys()
    {
        await using var host = await TestHost.StartAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.Manager, new CreateApiKey("Website form")));
        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.Manager, new ListApiKeys()));

        Assert.Equal(0, await host.QueryAsync(db => db.ApiKeys.CountAsync()));
    }

    [Fact]
    public async Task A_key_needs_a_name()
    {
        await using var host = await TestHost.StartAsync();

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => host.SendAsync(host.Admin, new CreateApiKey(" ")));

        Assert.Equal(["Name the integration that will use this key, e.g. 'Website form'."], error.Errors[nameof(CreateApiKey.Name)]);
    }
}
