namespace Admissions.Domain.Notifications;

/// <summary>An in-app message to one user; the unique key makes a repeated job harmless.</summary>
public sealed class Notification
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string UserId { get; init; } = "";
    public string Title { get; init; } = "";
    public string Body { get; init; } = "";
    public string? Link { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>A safety matter: shown in red wherever notifications are listed.</summary>
    public bool IsUrgent { get; init; }
    public string UniqueKey { get; init; } = "";
}
