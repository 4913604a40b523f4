namespace Admissions.Domain.Common;

/// <summary>A record that belongs to one inquiry's patient: its reads and changes are audited under that inquiry.</summary>
public interface IInquiryRecord
{
    Guid Id { get; }
    Guid InquiryId { get; }
}
