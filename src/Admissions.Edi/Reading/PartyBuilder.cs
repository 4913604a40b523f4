namespace Admissions.Edi.Reading;

/// <summary>A party's NM1 name and id and the AAA errors of its loop, collected as they stream past.</summary>
internal sealed class PartyBuilder
{
    public string? Name { get; private set; }

    public string? Id { get; private set; }

    private List<RequestError>? _errors;

    /// <summary>The AAA errors of the loop; most loops have none, and share one empty list.</summary>
    public IReadOnlyList<RequestError> Errors => _errors is null ? [] : _errors;

    public void AddError(RequestError error) => (_errors ??= []).Add(error);

    /// <summary>NM103 name (the last name of a person) and NM109 identifier.</summary>
    public void ReadName(X12Tokenizer tokens)
    {
        Name = tokens.Text(3);
        Id = tokens.Text(9);
    }

    public ResponseParty ToResponseParty() => new(Name, Id, Errors);

    public Party ToParty() => new(Name ?? "", Id ?? "");
}
