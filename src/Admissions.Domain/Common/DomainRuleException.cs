namespace Admissions.Domain.Common;

/// <summary>A business rule refused the change; the message is written for the person who asked.</summary>
public class DomainRuleException(string message) : UserErrorException(message, UserErrorKind.Refused);
