using Admissions.Domain.Common;

namespace Admissions.Application.Common;

/// <summary>Input failed validation; field names map to the messages a person can act on.</summary>
public sealed class RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
    : UserErrorException("One or more fields need attention.", UserErrorKind.Invalid)
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

public sealed class NotFoundException(string what)
    : UserErrorException($"{what} was not found. It may have been removed or the link is wrong.", UserErrorKind.NotFound);

public sealed class ForbiddenException(string message = "You do not have permission to do that.") : UserErrorException(message, UserErrorKind.Forbidden);

/// <summary>
/// Someone else saved the record after it was opened. Carries what they changed so the second
/// person can review it without losing their own edits.
/// </summary>
public sealed class ConcurrencyConflictException(string message, IReadOnlyList<string> changedFields, object? current = null)
    : UserErrorException(message, UserErrorKind.Conflict)
{
    public IReadOnlyList<string> ChangedFields { get; } = changedFields;
    public object? Current { get; } = current;
}
