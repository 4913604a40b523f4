using System.Collections.Frozen;
using System.Reflection;
using Admissions.Application.Common;
using Microsoft.AspNetCore.Authorization;

namespace Admissions.Web.Security;

/// <summary>
/// Pages and buttons take their roles from the requests they send: every request's <c>[RequiresRole]</c> becomes a named
/// policy (the request's type name), so a page says <c>[Authorize(Policy = nameof(GetInquiry))]</c>, a menu entry
/// <c>&lt;AuthorizeView Policy="@nameof(ListInquiries)"&gt;</c>, and a button <c>Can&lt;ScheduleAdmission&gt;()</c>. Nothing
/// in the Web layer writes a role list of its own.
/// </summary>
public static class RequestPolicies
{
    private static readonly FrozenDictionary<string, IReadOnlyList<string>> ByName = Load();

    /// <summary>Every request's policy name and the roles it admits.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> All => ByName;

    public static IReadOnlyList<string> RolesOf<TRequest>() => RolesOf(typeof(TRequest));

    public static IReadOnlyList<string> RolesOf(Type request) =>
        request.GetCustomAttribute<RequiresRoleAttribute>()?.Roles
        ?? throw new InvalidOperationException($"{request.Name} declares no [RequiresRole].");

    /// <summary>Whether the person may send the request: what a button asks before it is shown.</summary>
    public static bool Allows<TRequest>(ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsAuthenticated && RolesOf<TRequest>().Any(user.IsInRole);
    }

    public static AuthorizationBuilder AddRequestPolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (name, roles) in ByName)
        {
            builder.AddPolicy(name, policy => policy.RequireRole(roles));
        }

        return builder;
    }

    private static FrozenDictionary<string, IReadOnlyList<string>> Load()
    {
        var requests = typeof(RequiresRoleAttribute).Assembly.GetTypes()
            .Select(type => (Type: type, Attribute: type.GetCustomAttribute<RequiresRoleAttribute>()))
            .Where(r => r.Attribute is not null)
            .ToList();
        var clash = requests.GroupBy(r => r.Type.Name).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new InvalidOperationException($"Two requests are named {clash.Key}: policy names must be unique.");
        }

        return requests.ToFrozenDictionary(r => r.Type.Name, r => r.Attribute!.Roles);
    }
}
