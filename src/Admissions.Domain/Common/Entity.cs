namespace Admissions.Domain.Common;

/// <summary>Something that happened to an aggregate, dispatched after the save that recorded it.</summary>
public interface IDomainEvent;

/// <summary>An aggregate root that records domain events and carries an optimistic concurrency token.</summary>
public abstract class AggregateRoot
{
    private readonly List<IDomainEvent> _domainEvents = [];

    /// <summary>Changes on every save; two writers with the same token cannot both win.</summary>
    public byte[] Version { get; set; } = [];

    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    protected void Raise(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);

    public IReadOnlyList<IDomainEvent> PullDomainEvents()
    {
        var events = _domainEvents.ToArray();
        _domainEvents.Clear();
        return events;
    }
}
