namespace Admissions.Edi;

/// <summary>Every transaction set in a file, across all its interchanges and groups, in order.</summary>
public sealed record X12Document(IReadOnlyList<X12Transaction> Transactions);

/// <summary>
/// One transaction set. <see cref="Type"/> is ST01 ("270", "271", "278");
/// <see cref="ControlNumber"/> is ST02; <see cref="Reference"/> is BHT03.
/// </summary>
public abstract record X12Transaction(string Type, string ControlNumber, string? Reference);

/// <summary>A named party with its identifier (NM103 and NM109).</summary>
public sealed record Party(string Name, string Id);

/// <summary>A party as a response names it, with the AAA errors reported in its loop.</summary>
public sealed record ResponseParty(string? Name, string? Id, IReadOnlyList<RequestError> Errors);

/// <summary>An AAA segment: AAA01 valid request, AAA03 reject reason, AAA04 follow-up action.</summary>
public sealed record RequestError(bool Valid, string? Code, string? FollowUp);

/// <summary>A subscriber or dependent as a request names them (2100C/2100D).</summary>
public sealed record RequestedMember(
    string? MemberId,
    string LastName,
    string? FirstName,
    DateOnly? BirthDate,
    string? Gender);
