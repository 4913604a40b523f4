using Admissions.Domain.Common;

namespace Admissions.Domain.Placement;

public enum BedState
{
    Available,
    Reserved,
    Occupied,
    Cleaning,
    OutOfService,
}

/// <summary>
/// One bed in a unit. Admissions reserves it for an inquiry until a time; an admitted patient
/// occupies it; after discharge it is cleaned; maintenance takes it out of service. Its version
/// makes two people reserving the same bed at once conflict: one wins, the other is told.
/// </summary>
public sealed class Bed : AggregateRoot
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UnitId { get; init; }
    public string Label { get; set; } = "";
    public BedState State { get; private set; }
    public DateTimeOffset StateChangedAt { get; private set; }

    public Guid? ReservedForInquiryId { get; private set; }
    public DateTimeOffset? ReservedUntil { get; private set; }
    public DateTimeOffset? ReservedAt { get; private set; }
    public string? ReservedById { get; private set; }
    public string? ReservedByName { get; private set; }

    public Guid? OccupiedByInquiryId { get; private set; }
    public DateTimeOffset? OccupiedSince { get; private set; }

    /// <summary>Why the bed cannot be used (maintenance, isolation); set while out of service.</summary>
    public string? OutOfServiceReason { get; private set; }

    public static Bed Create(Guid unitId, string label, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        return new Bed { UnitId = unitId, Label = label.Trim(), State = BedState.Available, StateChangedAt = at };
    }

    /// <summary>A reservation whose time has run out: the bed is free for anyone, and the sweep releases it.</summary>
    public bool IsReservationExpired(DateTimeOffset now) => State == BedState.Reserved && ReservedUntil <= now;

    /// <summary>Free now: available, or held by a reservation that has run out.</summary>
    public bool IsFree(DateTimeOffset now) => State == BedState.Available || IsReservationExpired(now);

    /// <summary>
    /// Holds the bed for an inquiry until <paramref name="until"/>. Reserving again for the same
    /// inquiry moves its expiry; a bed held for someone else, occupied, cleaning or out of service is refused.
    /// </summary>
    public void Reserve(Guid inquiryId, DateTimeOffset until, Actor by, DateTimeOffset now)
    {
        var sameInquiry = State == BedState.Reserved && ReservedForInquiryId == inquiryId;
        if (!IsFree(now) && !sameInquiry)
        {
            throw new DomainRuleException($"Bed {Label} was just taken; choose another.");
        }

        if (until <= now)
        {
            throw new DomainRuleException("A reservation must end in the future.");
        }

        State = BedState.Reserved;
        StateChangedAt = now;
        ReservedForInquiryId = inquiryId;
        ReservedUntil = until;
        ReservedAt = sameInquiry ? ReservedAt : now;
        ReservedById = by.Id;
        ReservedByName = by.Name;
    }

    /// <summary>Gives a reserved bed back; it is available again.</summary>
    public void Release(DateTimeOffset now)
    {
        if (State != BedState.Reserved)
        {
            throw new DomainRuleException($"Bed {Label} is not reserved.");
        }

        ClearReservation();
        State = BedState.Available;
        StateChangedAt = now;
    }

    /// <summary>The patient arrived: an available bed, or one reserved for this inquiry, becomes theirs.</summary>
    public void Occupy(Guid inquiryId, DateTimeOffset now)
    {
        var heldForOther = State == BedState.Reserved && ReservedForInquiryId != inquiryId && !IsReservationExpired(now);
        if (State is not (BedState.Available or BedState.Reserved) || heldForOther)
        {
            throw new DomainRuleException($"Bed {Label} is {Describe(State).ToLowerInvariant()}; choose another.");
        }

        ClearReservation();
        State = BedState.Occupied;
        StateChangedAt = now;
        OccupiedByInquiryId = inquiryId;
        OccupiedSince = now;
    }

    /// <summary>After a discharge (or a spill): the bed is being cleaned and cannot be reserved.</summary>
    public void MarkCleaning(DateTimeOffset now)
    {
        if (State == BedState.Reserved)
        {
            throw new DomainRuleException($"Bed {Label} is reserved; release the reservation first.");
        }

        ClearOccupant();
        OutOfServiceReason = null;
        State = BedState.Cleaning;
        StateChangedAt = now;
    }

    /// <summary>Clean and ready, or back in service. An occupied bed is cleaned first; a reserved one is released.</summary>
    public void MarkAvailable(DateTimeOffset now)
    {
        switch (State)
        {
            case BedState.Available:
                return;
            case BedState.Occupied:
                throw new DomainRuleException($"Bed {Label} is occupied; mark it for cleaning when the patient leaves.");
            case BedState.Reserved:
                throw new DomainRuleException($"Bed {Label} is reserved; release the reservation instead.");
        }

        OutOfServiceReason = null;
        State = BedState.Available;
        StateChangedAt = now;
    }

    /// <summary>Maintenance, isolation, damage: the bed cannot be used until it is back in service.</summary>
    public void TakeOutOfService(string reason, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Say why the bed is out of service.");
        }

        if (State is BedState.Occupied or BedState.Reserved)
        {
            throw new DomainRuleException($"Bed {Label} is {Describe(State).ToLowerInvariant()}; it can be taken out of service once it is free.");
        }

        OutOfServiceReason = reason.Trim();
        State = BedState.OutOfService;
        StateChangedAt = now;
    }

    private void ClearReservation()
    {
        ReservedForInquiryId = null;
        ReservedUntil = null;
        ReservedAt = null;
        ReservedById = null;
        ReservedByName = null;
    }

    private void ClearOccupant()
    {
        OccupiedByInquiryId = null;
        OccupiedSince = null;
    }

    public static string Describe(BedState state) => state switch
    {
        BedState.Available => "Available",
        BedState.Reserved => "Reserved",
        BedState.Occupied => "Occupied",
        BedState.Cleaning => "Cleaning",
        BedState.OutOfService => "Out of service",
        _ => state.ToString(),
    };
}
