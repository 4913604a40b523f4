namespace Admissions.Domain.Messaging;

public enum OptOutSource
{
    /// <summary>The person texted STOP (or a synonym) to our number.</summary>
    InboundStop,

    /// <summary>A staff member recorded that the person asked not to be contacted this way.</summary>
    Manual,
}

/// <summary>A phone number or email address that must not receive messages on a channel.</summary>
public sealed class MessagingOptOut
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public MessageChannel Channel { get; init; }

    /// <summary>Normalised: E.164 for phones, lower case for email.</summary>
    public string Address { get; init; } = "";
    public OptOutSource Source { get; init; }
    public DateTimeOffset OptedOutAt { get; init; }
    public string RecordedBy { get; init; } = "";
    public string? Note { get; init; }
}
