namespace Admissions.Domain.Auditing;

public enum AuditAction
{
    Create,
    Update,
    Delete,
    View,
    Export,
    Disclose,
}

/// <summary>
/// Who touched which record, when and from where. For a change, field names only: the values of PHI
/// fields are never copied here. For a search, what was searched for, as typed (how "who looked for this
/// person" is answered). Rows are written once, never changed, and chained by hash (see AuditChain).
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public string UserId { get; init; } = "";
    public string UserName { get; init; } = "";
    public AuditAction Action { get; init; }
    public string EntityType { get; init; } = "";
    public string EntityId { get; init; } = "";
    public string? Fields { get; init; }
    public string? IpAddress { get; init; }
}
