using Admissions.Application.Inquiries;
using FluentValidation;

namespace Admissions.Web.Components.Ui;

/// <summary>
/// Lets a MudForm show the application's own FluentValidation messages field by field, so the
/// page and the server never disagree about what is valid.
/// </summary>
public sealed class InquiryFormValidation(TimeProvider clock)
{
    private readonly InquiryFormValidator _validator = new(clock);

    public Func<object, string, Task<IEnumerable<string>>> Field => async (model, propertyName) =>
    {
        var result = await _validator.ValidateAsync(ValidationContext<InquiryForm>.CreateWithOptions(
            (InquiryForm)model, options => options.IncludeProperties(propertyName)));
        return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage);
    };

    public IReadOnlyList<string> All(InquiryForm form) => [.. _validator.Validate(form).Errors.Select(e => e.ErrorMessage).Distinct()];
}
