namespace Admissions.Edi;

/// <summary>The four delimiters an interchange declares in its ISA segment.</summary>
public readonly record struct X12Delimiters(char Element, char Repetition, char Component, char Segment)
{
    public static X12Delimiters Default { get; } = new('*', '^', ':', '~');
}

/// <summary>
/// What the writers need for ISA/GS: the trading partners and the interchange control number
/// (also used as the group control number). <paramref name="Production"/> sets ISA15 P or T.
/// </summary>
public sealed record X12Envelope(
    string SenderId,
    string ReceiverId,
    int ControlNumber,
    DateTimeOffset Created,
    bool Production = true,
    string SenderQualifier = "ZZ",
    string ReceiverQualifier = "ZZ")
{
    public X12Delimiters Delimiters { get; init; } = X12Delimiters.Default;
}
