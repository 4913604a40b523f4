using Admissions.Domain.Common;

namespace Admissions.Domain.Screening;

/// <summary>An instrument definition cannot be used; <see cref="Errors"/> says every reason.</summary>
public sealed class InstrumentDefinitionException(string instrument, IReadOnlyList<string> errors)
    : DomainRuleException($"The {instrument} definition cannot be used: {string.Join(" ", errors)}")
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
