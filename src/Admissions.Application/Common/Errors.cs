namespace Admissions.Application.Common;

/// <summary>Input failed validation; field names map to the messages a person can act on.</summary>
public sealed class RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("One or more fields need attention.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

public sealed class NotFoundException(string what) : Exception($"{what} was not found. It may have been removed or the link is wrong.");

public sealed class ForbiddenException(string message = "You do not have permission to do that.") : Exception(message);

/// <summary>
/// Someone else saved the record after it was opened. Carries what they changed so the second
/// person can review it without losing their own edits.
/// </summary>
public sealed class ConcurrencyConflictException(string message, IReadOnlyList<string> changedFields, object? current = null)
    : Exception(message)
{
    public IReadOnlyList<string> ChangedFields { get; } = changedFields;
    public object? Current { get; } = current;
}

public static class UserErrors
{
    /// <summary>Errors the person can fix; anything else is a fault to log and hide.</summary>
    public static bool IsUserError(Exception ex) =>
        ex is RequestValidationException or NotFoundException or ForbiddenException or ConcurrencyConflictException
            or Domain.Common.DomainRuleException or Inquiries.IdempotencyKeyReusedException;
}
