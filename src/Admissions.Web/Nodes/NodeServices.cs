using Admissions.Application.Common;
using Admissions.Web.Security;
using StackExchange.Redis;

namespace Admissions.Web.Nodes;

/// <summary>
/// What a second node must see goes through Redis when <c>Redis:Configuration</c> is set (live updates, shared rate
/// limits); without it, one node serves the app and both stay in process.
/// </summary>
public static class NodeServices
{
    public const string RedisSetting = "Redis:Configuration";

    /// <summary>Health checks a load balancer asks before sending a node traffic (<c>/health/ready</c>).</summary>
    public const string ReadyTag = Infrastructure.DependencyInjection.ReadyTag;

    public static IServiceCollection AddNodes(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<LiveNotifier>();
        if (configuration[RedisSetting] is not { Length: > 0 } redis)
        {
            services.AddSingleton<ILiveNotifier>(sp => sp.GetRequiredService<LiveNotifier>());
            return services;
        }

        var options = ConfigurationOptions.Parse(redis);
        // Start (and keep serving) while Redis is down: /health/ready says so, and the client reconnects by itself.
        options.AbortOnConnectFail = false;
        options.ClientName = $"admissions-{Infrastructure.DependencyInjection.NodeName(configuration)}";
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        services.AddSingleton<RedisLiveNotifier>();
        services.AddSingleton<ILiveNotifier>(sp => sp.GetRequiredService<RedisLiveNotifier>());
        services.AddHostedService(sp => sp.GetRequiredService<RedisLiveNotifier>());
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: [ReadyTag]);
        return services;
    }
}
