using Admissions.Application.Inquiries;
using FluentValidation;

namespace Admissions.Web.Components.Ui;

/// <summary>
/// Lets a MudForm show the application's own FluentValidation messages field by field, so the
/// page and the server never disagree about what is valid.
/// </summary>
public class FluentFormValidation<T>(IValidator<T> validator)
{
    public Func<object, string, Task<IEnumerable<string>>> Field => async (model, propertyName) =>
    {
        var result = await validator.ValidateAsync(ValidationContext<T>.CreateWithOptions(
            (T)model, options => options.IncludeProperties(propertyName)));
        return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage);
    };

    public IReadOnlyList<string> All(T form) => [.. validator.Validate(form).Errors.Select(e => e.ErrorMessage).Distinct()];
}

public sealed class InquiryFormValidation(TimeProvider clock) : FluentFormValidation<InquiryForm>(new InquiryFormValidator(clock));
