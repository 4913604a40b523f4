using System.Linq.Expressions;
using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using FluentValidation;

namespace Admissions.Web.Components.Ui;

/// <summary>
/// Lets a MudForm show the application's own FluentValidation messages field by field, so the
/// page and the server never disagree about what is valid. Give the MudForm <c>Model</c> and
/// <c>Validation="validation.Field"</c>; fields need <c>For</c>.
/// </summary>
public class FluentFormValidation<TModel>(IValidator<TModel> validator)
{
    /// <summary>Validates one field of the form's model, named by its path ("PayerRepName").</summary>
    public Func<object, string, Task<IEnumerable<string>>> Field => (model, propertyName) => ErrorsAsync((TModel)model, propertyName);

    /// <summary>
    /// Validates a field of one item in a collection on the model (the rules written with
    /// <c>RuleForEach(...).ChildRules(...)</c>). MudForm names a field by its member path only
    /// ("Deductible"), so give such fields this function as their own <c>Validation</c> and set
    /// <c>OverrideFieldValidation="false"</c> on the form.
    /// </summary>
    public Func<object, string, Task<IEnumerable<string>>> Item<TItem>(Expression<Func<TModel, IEnumerable<TItem>>> collection, TItem item)
        where TItem : class
    {
        var name = MemberName(collection);
        var items = collection.Compile();
        return (model, propertyName) =>
        {
            var root = (TModel)model;
            var index = 0;
            foreach (var candidate in items(root))
            {
                if (ReferenceEquals(candidate, item))
                {
                    return ErrorsAsync(root, $"{name}[{index}].{propertyName}");
                }

                index++;
            }

            return Task.FromResult(Enumerable.Empty<string>());
        };
    }

    /// <summary>Every problem with the model, once each, for a summary next to the save button.</summary>
    public IReadOnlyList<string> All(TModel model) => [.. validator.Validate(model).Errors.Select(e => e.ErrorMessage).Distinct()];

    /// <summary>How many fields have a problem, for "3 fields need attention" next to the save button.</summary>
    public int InvalidFields(TModel model) => validator.Validate(model).Errors.Select(e => e.PropertyName).Distinct().Count();

    private async Task<IEnumerable<string>> ErrorsAsync(TModel model, string propertyPath)
    {
        var result = await validator.ValidateAsync(ValidationContext<TModel>.CreateWithOptions(model, options => options.IncludeProperties(propertyPath)));
        return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage);
    }

    private static string MemberName(LambdaExpression expression)
    {
        var body = expression.Body is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert ? convert.Operand : expression.Body;
        return body is MemberExpression member
            ? member.Member.Name
            : throw new ArgumentException("Name the collection as a property of the model, e.g. f => f.Levels.", nameof(expression));
    }
}

/// <summary>The intake form's rules, for the new-inquiry page and the inquiry's Details tab.</summary>
public sealed class InquiryFormValidation(IFacilityCalendar calendar) : FluentFormValidation<InquiryForm>(new InquiryFormValidator(calendar));
