using System.Threading.RateLimiting;
using Admissions.Web.Nodes;
using Admissions.Web.Security;
using Admissions.Web.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Admissions.Web.Tests.Nodes;

/// <summary>What two nodes share through Redis: live updates and the API's rate-limit budget.</summary>
public sealed class SeveralNodesTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task A_change_on_one_node_reaches_the_circuits_of_the_other_once_and_its_own_at_once()
    {
        await using var connectionA = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        await using var connectionB = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var localA = new LiveNotifier();
        var localB = new LiveNotifier();
        var nodeA = new RedisLiveNotifier(localA, connectionA, NullLogger<RedisLiveNotifier>.Instance);
        var nodeB = new RedisLiveNotifier(localB, connectionB, NullLogger<RedisLiveNotifier>.Instance);
        await nodeA.StartAsync(CancellationToken.None);
        await nodeB.StartAsync(CancellationToken.None);
        var inquiry = Guid.NewGuid();
        var heardOnA = new List<Guid>();
        var heardOnB = new TaskCompletionSource<Guid>(TaskCreationOptions.RunContinuationsAsynchronously);
        var bellsOnB = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasksOnB = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        localA.InquiryUpdated += heardOnA.Add;
        localB.InquiryUpdated += id => heardOnB.TrySetResult(id);
        localB.Changed += user => bellsOnB.TrySetResult(user);
        localB.TasksUpdated += assignee => tasksOnB.TrySetResult(assignee);

        nodeA.InquiryChanged(inquiry);
        nodeA.NotificationsChanged(["user-7"]);
        nodeA.TasksChanged([null]);

        Assert.Equal([inquiry], heardOnA);
        Assert.Equal(inquiry, await heardOnB.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("user-7", await bellsOnB.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Null(await tasksOnB.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        // Node A ignores its own message coming back from Redis: its circuits heard the change once.
        await Task.Delay(300);
        Assert.Equal([inquiry], heardOnA);
        await nodeA.StopAsync(CancellationToken.None);
        await nodeB.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Two_nodes_draw_on_one_rate_limit_budget_per_key()
    {
        await using var redisA = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        await using var redisB = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var key = $"key-{Guid.NewGuid():N}";
        var nodeA = Limiter(redisA, key);
        var nodeB = Limiter(redisB, key);

        var granted = new List<bool>();
        foreach (var limiter in new[] { nodeA, nodeB, nodeA, nodeB })
        {
            using var lease = await limiter.AcquireAsync();
            granted.Add(lease.IsAcquired);
        }

        Assert.Equal([true, true, true, false], granted);
        using var otherKey = await Limiter(redisB, $"other-{Guid.NewGuid():N}").AcquireAsync();
        Assert.True(otherKey.IsAcquired, "Another key has its own budget.");
    }

    [Fact]
    public async Task Without_redis_the_budget_is_counted_in_process()
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().BuildServiceProvider() };

        var partition = SharedRateLimits.FixedWindow(context, "intake", "key-1", 1, TimeSpan.FromMinutes(1));
        using var limiter = partition.Factory(partition.PartitionKey);

        Assert.IsType<FixedWindowRateLimiter>(limiter);
        Assert.Equal("intake:key-1", partition.PartitionKey);
        using var first = await limiter.AcquireAsync();
        using var second = await limiter.AcquireAsync();
        Assert.True(first.IsAcquired);
        Assert.False(second.IsAcquired);
    }

    [Fact]
    public async Task With_redis_configured_the_app_publishes_live_updates_there_and_waits_for_it_to_be_ready()
    {
        var factory = new RedisNodeFactory(redis.Configuration);
        await factory.InitializeAsync();
        try
        {
            Assert.IsType<RedisLiveNotifier>(factory.Services.GetRequiredService<Application.Common.ILiveNotifier>());
            using var client = factory.CreateBrowser();
            using var ready = await client.GetAsync("/health/ready");
            var checks = System.Text.Json.JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
            Assert.Equal(["database", "jobs", "redis"], checks.EnumerateObject().Select(c => c.Name).Order(StringComparer.Ordinal));
            Assert.Equal("Healthy", checks.GetProperty("redis").GetString());
        }
        finally
        {
            await ((IAsyncLifetime)factory).DisposeAsync();
        }
    }

    private sealed class RedisNodeFactory(string redis) : AdmissionsWebFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(NodeServices.RedisSetting, redis);
        }
    }

    private static RateLimiter Limiter(IConnectionMultiplexer redis, string key)
    {
        var context = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddSingleton(redis).BuildServiceProvider(),
        };
        var partition = SharedRateLimits.FixedWindow(context, "intake", key, 3, TimeSpan.FromMinutes(1));
        return partition.Factory(partition.PartitionKey);
    }
}
