namespace Admissions.Edi.Reading;

/// <summary>A subscriber or dependent's NM1, DMG and AAA segments, collected as they stream past.</summary>
internal sealed class PersonBuilder
{
    public string? MemberId { get; private set; }

    public string? LastName { get; private set; }

    public string? FirstName { get; private set; }

    public DateOnly? BirthDate { get; private set; }

    public string? Gender { get; private set; }

    private List<RequestError>? _errors;

    /// <summary>The AAA errors of the loop; most loops have none, and share one empty list.</summary>
    public IReadOnlyList<RequestError> Errors => _errors is null ? [] : _errors;

    public void AddError(RequestError error) => (_errors ??= []).Add(error);

    /// <summary>NM103 last name, NM104 first name, NM109 member id.</summary>
    public void ReadName(X12Tokenizer tokens)
    {
        LastName = tokens.Text(3);
        FirstName = tokens.Text(4);
        MemberId = tokens.Text(9);
    }

    public void ReadDemographics(X12Tokenizer tokens) => (BirthDate, Gender) = Segments.Demographics(tokens);

    public RequestedMember ToRequestedMember() => new(MemberId, LastName ?? "", FirstName, BirthDate, Gender);

    public ReviewedMember ToReviewedMember() => new(MemberId, LastName, FirstName, BirthDate, Errors);
}
