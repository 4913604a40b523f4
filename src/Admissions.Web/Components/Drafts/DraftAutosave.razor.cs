using Admissions.Domain.Drafts;

namespace Admissions.Web.Components.Drafts;

public sealed partial class DraftAutosave
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Kind} draft could not be saved")]
    private static partial void LogNotSaved(ILogger logger, DraftKind kind, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Kind} draft could not be discarded")]
    private static partial void LogNotDiscarded(ILogger logger, DraftKind kind, Exception exception);
}
