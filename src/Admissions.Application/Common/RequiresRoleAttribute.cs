namespace Admissions.Application.Common;

/// <summary>
/// The roles allowed to send a request. Every request declares one; the authorization behaviour
/// refuses anything that does not (deny by default).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class RequiresRoleAttribute(params string[] roles) : Attribute
{
    public IReadOnlyList<string> Roles { get; } = roles;
}

/// <summary>A request that reads or exports patient data; the audit behaviour records it after success.</summary>
public interface IAuditedRead
{
    string AuditEntityType { get; }
    string AuditEntityId { get; }

    /// <summary>A view unless the request hands data out of the system (a file).</summary>
    Domain.Auditing.AuditAction AuditAction => Domain.Auditing.AuditAction.View;

    /// <summary>What was asked for, when the read chose its rows (a search, filters, a page): recorded as the row's fields.</summary>
    string? AuditDetails => null;

    /// <summary>Other records the read showed, each recorded as a view of its own (raw X12 is a view of the inquiry too).</summary>
    IEnumerable<(string EntityType, string EntityId)> AlsoAudited => [];
}
