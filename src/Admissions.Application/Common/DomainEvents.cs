using Admissions.Domain.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Admissions.Application.Common;

/// <summary>Reacts to a domain event after the save that recorded it has committed.</summary>
public interface IDomainEventSubscriber<in TEvent>
    where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}

public sealed class DomainEventDispatcher(IServiceProvider services)
{
    public async Task DispatchAsync(IEnumerable<IDomainEvent> events, CancellationToken cancellationToken)
    {
        foreach (var domainEvent in events)
        {
            var handlerType = typeof(IDomainEventSubscriber<>).MakeGenericType(domainEvent.GetType());
            foreach (var handler in services.GetServices(handlerType))
            {
                await ((Task)handlerType.GetMethod(nameof(IDomainEventSubscriber<IDomainEvent>.HandleAsync))!
                    .Invoke(handler, [domainEvent, cancellationToken])!);
            }
        }
    }
}
