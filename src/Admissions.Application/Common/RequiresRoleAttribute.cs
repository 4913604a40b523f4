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
}
