namespace Admissions.Domain.Inquiries;

/// <summary>Inquiry numbers restart their sequence every calendar year: INQ-2026-000123.</summary>
public static class InquiryNumber
{
    public static string SequenceName(int year) => $"INQ-{year}";

    public static string Format(int year, long sequence) => $"INQ-{year}-{sequence:000000}";
}

/// <summary>A named counter; the row is the lock, its version the guard against two writers.</summary>
public sealed class NumberSequence
{
    public string Name { get; init; } = "";
    public long LastValue { get; set; }
    public byte[] Version { get; set; } = [];
}
