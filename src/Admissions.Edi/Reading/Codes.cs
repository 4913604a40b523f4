using System.Runtime.CompilerServices;

namespace Admissions.Edi.Reading;

/// <summary>
/// Shares the strings of short element values. Values of up to <see cref="MaxLength"/> characters
/// are codes and qualifiers ("IND", "PR", "Y", "29", "MH") that repeat in every segment of a file,
/// so one string each serves every read instead of a new one per element.
/// </summary>
/// <remarks>
/// A direct-mapped cache: a value hashes to one slot, and a slot holding another value is simply
/// overwritten. The table is shared by every thread; a reader sees either a complete string or an
/// empty slot, and a lost race costs one extra string, never a wrong one.
/// </remarks>
internal static class Codes
{
    public const int MaxLength = 4;

    private const int SlotBits = 12;

    private static readonly string?[] Slots = new string?[1 << SlotBits];

    /// <summary>The string for <paramref name="value"/>: shared when it is short, new otherwise.</summary>
    public static string Get(ReadOnlySpan<char> value)
    {
        if (value.Length > MaxLength || value.IsEmpty)
        {
            return value.ToString();
        }

        var slot = Slot(value);
        var cached = Volatile.Read(ref Slots[slot]);
        if (cached is not null && value.SequenceEqual(cached))
        {
            return cached;
        }

        var created = value.ToString();
        Volatile.Write(ref Slots[slot], created);
        return created;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Slot(ReadOnlySpan<char> value)
    {
        // Up to four 16-bit characters fit in 64 bits. A hash only picks the slot: the comparison
        // in Get decides.
        ulong key = (uint)value.Length;
        foreach (var character in value)
        {
            key = (key << 16) | character;
        }

        return (int)((key * 0x9E3779B97F4A7C15UL) >> (64 - SlotBits));
    }
}
