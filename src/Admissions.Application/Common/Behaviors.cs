using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using Admissions.Domain.Auditing;
using Admissions.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Admissions.Application.Common;

public sealed class AuthorizationBehavior<TMessage, TResponse>(ICurrentUser user) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly ConcurrentDictionary<Type, RequiresRoleAttribute?> Cache = new();

    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var requirement = Cache.GetOrAdd(message.GetType(), t => t.GetCustomAttribute<RequiresRoleAttribute>());
        if (requirement is null)
        {
            throw new InvalidOperationException($"{message.GetType().Name} declares no [RequiresRole]; requests are denied by default.");
        }

        if (!user.IsAuthenticated)
        {
            throw new ForbiddenException("Please sign in again.");
        }

        if (!requirement.Roles.Any(user.IsInRole))
        {
            throw new ForbiddenException();
        }

        return next(message, cancellationToken);
    }
}

public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            throw new RequestValidationException(failures
                .GroupBy(f => f.PropertyName)
                .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray()));
        }

        return await next(message, cancellationToken);
    }
}

public sealed partial class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger, TimeProvider clock)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly TimeSpan SlowThreshold = TimeSpan.FromMilliseconds(500);

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        try
        {
            return await next(message, cancellationToken);
        }
        catch (UserErrorException ex)
        {
            // A refusal is the person's or client's mistake, answered with a message: its kind is enough, a stack trace is noise.
            var reason = ex.GetType().Name;
            LogRefused(logger, typeof(TMessage).Name, reason);

            throw;
        }
        finally
        {
            var elapsed = clock.GetElapsedTime(started);
            if (elapsed > SlowThreshold && logger.IsEnabled(LogLevel.Warning))
            {
                LogSlow(logger, typeof(TMessage).Name, (long)elapsed.TotalMilliseconds);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Request} refused ({Reason})")]
    private static partial void LogRefused(ILogger logger, string request, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Request} took {ElapsedMs} ms")]
    private static partial void LogSlow(ILogger logger, string request, long elapsedMs);
}

/// <summary>Records a view (or export) of patient data once the request has succeeded.</summary>
public sealed class AuditReadBehavior<TMessage, TResponse>(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var response = await next(message, cancellationToken);
        if (message is IAuditedRead read)
        {
            await using var db = await dbFactory.CreateAsync(cancellationToken);
            var now = clock.GetUtcNow();
            AuditEntry Row(string entityType, string entityId, string? fields) => new()
            {
                OccurredAt = now,
                UserId = user.Id,
                UserName = user.Name,
                Action = read.AuditAction,
                EntityType = entityType,
                EntityId = entityId,
                Fields = fields,
                IpAddress = user.IpAddress,
            };

            db.AuditEntries.Add(Row(read.AuditEntityType, read.AuditEntityId, read.AuditDetails));
            foreach (var (entityType, entityId) in read.AlsoAudited)
            {
                db.AuditEntries.Add(Row(entityType, entityId, $"Through {read.AuditEntityType} {read.AuditEntityId}"));
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return response;
    }
}
