using Admissions.Domain.Common;

namespace Admissions.Domain.Inquiries;

public sealed record InquiryCreated(Guid InquiryId, string Number, DateTimeOffset CreatedAt) : IDomainEvent;

public sealed record InquiryFirstContacted(Guid InquiryId, DateTimeOffset ContactedAt) : IDomainEvent;

public sealed record InquiryStageChanged(Guid InquiryId, InquiryStage From, InquiryStage To, DateTimeOffset At) : IDomainEvent;
