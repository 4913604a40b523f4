namespace Admissions.Domain.Common;

/// <summary>Who did something: a signed-in user, an API key, or the system's own jobs.</summary>
public sealed record Actor(string Id, string Name)
{
    public static readonly Actor System = new("system", "Admissions system");
}
