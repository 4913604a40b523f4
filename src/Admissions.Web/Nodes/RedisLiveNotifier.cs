using System.Text.Json;
using Admissions.Application.Common;
using Admissions.Web.Security;
using StackExchange.Redis;

namespace Admissions.Web.Nodes;

/// <summary>
/// Live updates across nodes: a change is told to this node's circuits at once (<see cref="LiveNotifier"/>) and published
/// on a Redis channel; every other node hears it and tells its own circuits. A node ignores its own messages, so a
/// circuit hears each change once, and a Redis outage delays only the other nodes' updates.
/// </summary>
public sealed partial class RedisLiveNotifier : ILiveNotifier, IHostedService
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("admissions:live");

    private readonly LiveNotifier _local;
    private readonly IConnectionMultiplexer _redis;
    private readonly ILogger<RedisLiveNotifier> _logger;
    private readonly string _node = Guid.NewGuid().ToString("N");

    public RedisLiveNotifier(LiveNotifier local, IConnectionMultiplexer redis, ILogger<RedisLiveNotifier> logger)
    {
        _local = local;
        _redis = redis;
        _logger = logger;
    }

    public void NotificationsChanged(IEnumerable<string> userIds)
    {
        var ids = userIds.ToList();
        _local.NotificationsChanged(ids);
        Publish(new LiveMessage(_node, LiveMessage.Notifications, ids!));
    }

    public void InquiryChanged(Guid inquiryId)
    {
        _local.InquiryChanged(inquiryId);
        Publish(new LiveMessage(_node, LiveMessage.Inquiry, [inquiryId.ToString()]));
    }

    public void TasksChanged(IReadOnlyCollection<string?> assigneeIds)
    {
        _local.TasksChanged(assigneeIds);
        Publish(new LiveMessage(_node, LiveMessage.Tasks, [.. assigneeIds]));
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var queue = await _redis.GetSubscriber().SubscribeAsync(Channel);
        queue.OnMessage(message => Deliver(message.Message));
    }

    public Task StopAsync(CancellationToken cancellationToken) => _redis.GetSubscriber().UnsubscribeAsync(Channel);

    /// <summary>Tells this node's circuits what another node published.</summary>
    internal void Deliver(RedisValue payload)
    {
        LiveMessage? message;
        try
        {
            message = JsonSerializer.Deserialize<LiveMessage>((string)payload!);
        }
        catch (JsonException)
        {
            LogUnreadable(_logger);
            return;
        }

        if (message is null || message.Node == _node)
        {
            return;
        }

        switch (message.Kind)
        {
            case LiveMessage.Notifications:
                _local.NotificationsChanged(message.Ids.OfType<string>());
                break;
            case LiveMessage.Inquiry when message.Ids is [{ } id] && Guid.TryParse(id, out var inquiryId):
                _local.InquiryChanged(inquiryId);
                break;
            case LiveMessage.Tasks:
                _local.TasksChanged(message.Ids);
                break;
        }
    }

    private void Publish(LiveMessage message)
    {
        if (!_redis.IsConnected)
        {
            LogNotPublished(_logger, message.Kind);
            return;
        }

        // Fire and forget: the saving request or job does not wait for the other nodes.
        _redis.GetSubscriber().Publish(Channel, JsonSerializer.Serialize(message), CommandFlags.FireAndForget);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is not connected: other nodes did not hear a live update ({Kind})")]
    private static partial void LogNotPublished(ILogger logger, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored an unreadable live update from Redis")]
    private static partial void LogUnreadable(ILogger logger);
}

/// <summary>One change, as published between nodes: who sent it, what kind, and whose lists or which inquiry.</summary>
public sealed record LiveMessage(string Node, string Kind, IReadOnlyList<string?> Ids)
{
    public const string Notifications = "notifications";
    public const string Inquiry = "inquiry";
    public const string Tasks = "tasks";
}
