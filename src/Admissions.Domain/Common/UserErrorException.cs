namespace Admissions.Domain.Common;

/// <summary>What kind of mistake a person (or an API client) can fix; the page and the API each translate it once.</summary>
public enum UserErrorKind
{
    /// <summary>Fields need attention (HTTP 400).</summary>
    Invalid,

    /// <summary>The person may not do this (HTTP 403).</summary>
    Forbidden,

    /// <summary>The record is not there (HTTP 404).</summary>
    NotFound,

    /// <summary>Someone else saved first (HTTP 409).</summary>
    Conflict,

    /// <summary>A rule refused the change (HTTP 422).</summary>
    Refused,
}

/// <summary>
/// An error the person who asked can fix, with a message written for them. Anything that is not one of these is a fault:
/// logged, and shown only as a generic message.
/// </summary>
public abstract class UserErrorException(string message, UserErrorKind kind) : Exception(message)
{
    public UserErrorKind Kind { get; } = kind;
}
