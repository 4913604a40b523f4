namespace Admissions.Edi;

/// <summary>
/// The only exception the readers throw for malformed input: where it went wrong is the
/// zero-based index of the segment and the character offset in the text.
/// </summary>
public sealed class X12ParseException(string message, int segmentIndex, int offset)
    : Exception($"{message} (segment {segmentIndex}, offset {offset})")
{
    public string Reason { get; } = message;
    public int SegmentIndex { get; } = segmentIndex;
    public int Offset { get; } = offset;
}
