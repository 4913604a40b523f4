using Admissions.Application.Common;
using Admissions.Domain.Common;

namespace Admissions.Web.Components.Ui;

/// <summary>
/// The one place a failed request becomes words on a page. Errors a person can fix say what to
/// do; anything else is logged and shown as a generic message, never as a stack trace.
/// </summary>
public static class UserErrorMessages
{
    public static string Describe(Exception exception) => exception switch
    {
        RequestValidationException validation => string.Join(" ", validation.Errors.Values.SelectMany(m => m).Distinct()),
        UserErrorException => exception.Message,
        _ => "Something went wrong and nothing was saved. Please try again; if it keeps happening, tell your administrator.",
    };
}
