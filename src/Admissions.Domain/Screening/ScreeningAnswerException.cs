using Admissions.Domain.Common;

namespace Admissions.Domain.Screening;

/// <summary>Answers that the instrument does not allow; <see cref="Errors"/> says every reason.</summary>
public sealed class ScreeningAnswerException(string instrument, IReadOnlyList<string> errors)
    : DomainRuleException($"The {instrument} answers cannot be scored: {string.Join(" ", errors)}")
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
