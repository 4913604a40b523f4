namespace Admissions.Domain.Inquiries;

/// <summary>One line on an inquiry's timeline. Activities are appended, never edited.</summary>
public sealed record InquiryActivity
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid InquiryId { get; init; }
    public ActivityKind Kind { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public string ActorId { get; init; } = "";
    public string ActorName { get; init; } = "";
    public string Summary { get; init; } = "";
    public string? Text { get; init; }
    public ContactChannel? Channel { get; init; }
    public ContactOutcome? Outcome { get; init; }
    public InquiryStage? FromStage { get; init; }
    public InquiryStage? ToStage { get; init; }
}
