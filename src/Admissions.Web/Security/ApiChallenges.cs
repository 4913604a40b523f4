using Admissions.Application.ApiKeys;
using Admissions.Web.Api;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Admissions.Web.Security;

/// <summary>
/// A request to the API that ends up challenged by the sign-in cookie (a method or path the API does not have, so no API
/// policy applied) gets a 401 or 403 problem, never a redirect to a sign-in page a machine cannot use.
/// </summary>
public static class ApiChallenges
{
    public static IServiceCollection AddApiChallenges(this IServiceCollection services) =>
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, options =>
        {
            var toLogin = options.Events.OnRedirectToLogin;
            var toAccessDenied = options.Events.OnRedirectToAccessDenied;
            options.Events.OnRedirectToLogin = context => ApiProblems.IsApiRequest(context.HttpContext)
                ? ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "API key required",
                    $"Send a valid, unrevoked API key in the {ApiKeySecret.HeaderName} header.")
                : toLogin(context);
            options.Events.OnRedirectToAccessDenied = context => ApiProblems.IsApiRequest(context.HttpContext)
                ? ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Forbidden", "This request is not allowed.")
                : toAccessDenied(context);
        });
}
