using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace Admissions.Edi.Tests;

/// <summary>
/// Mutates every fixture (characters, elements and whole segments) and checks that reading
/// either succeeds or throws <see cref="X12ParseException"/>, and never hangs. Each input is a
/// pure function of (seed, index), so a failure can be replayed from its message.
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    private const int FixedSeed = 20_260_115;
    private const int InputsPerSeed = 6_000;

    private static readonly string[] Corpus = [.. Fixtures.All().Select(Fixtures.Text)];

    private static readonly char[] Interesting =
        ['*', '|', '^', '~', ':', '>', '}', '!', '\r', '\n', ' ', '\t', '\0', '\uFEFF', '\uD800', 'é', 'A', 'Z', '0', '9', '-', '.', '+'];

    private static readonly string[] NastyValues =
    [
        "", "-", ".", "-1", "0", "00000000", "20261340", "20260229", "99991231-00010101", "1e5", "NaN", "+3",
        "79228162514264337593543950336", "99999999999999999999", "ABC", "D8", "RD8", "HL", "ISA", "SE", "IEA",
        new string('9', 5_000), new string('*', 2_000), new string('^', 2_000), new string(':', 2_000),
    ];

    [Fact]
    public async Task Mutated_fixtures_read_or_fail_only_with_a_parse_error()
    {
        var runSeed = Environment.TickCount & int.MaxValue;
        output.WriteLine($"Fuzz seeds: {FixedSeed} (fixed) and {runSeed} (this run); replay one with Input(seed, index).");
        var stopwatch = Stopwatch.StartNew();
        var (seed, index, read) = (0, 0, 0);
        var fuzzing = Task.Run(() =>
        {
            foreach (var next in new[] { FixedSeed, runSeed })
            {
                seed = next;
                for (index = 0; index < InputsPerSeed; index++)
                {
                    read += ReadOrFailCleanly(seed, index) ? 1 : 0;
                }
            }
        });

        try
        {
            await fuzzing.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Reading hung on seed {seed}, input {index}: {Show(Input(seed, index))}");
        }

        output.WriteLine($"{2 * InputsPerSeed} inputs in {stopwatch.ElapsedMilliseconds} ms: {read} read, the rest were parse errors");
    }

    [Theory]
    [InlineData("segments", 200_000)]
    [InlineData("elements", 1_000_000)]
    [InlineData("repeats", 1_000_000)]
    [InlineData("components", 1_000_000)]
    [InlineData("whitespace", 2_000_000)]
    [InlineData("unterminated", 2_000_000)]
    public void Huge_inputs_read_in_linear_time(string shape, int size)
    {
        var reject = Fixtures.Text("271-reject-invalid-member.x12");
        var text = shape switch
        {
            "segments" => reject.Replace("AAA*N**72*C~", string.Concat(Enumerable.Repeat("REF*SY*1~", size)), StringComparison.Ordinal)
                .Replace("SE*11*", $"SE*{size + 10}*", StringComparison.Ordinal),
            "elements" => reject.Replace("AAA*N**72*C~", $"REF{new string('*', size)}~", StringComparison.Ordinal),
            "repeats" => reject.Replace("AAA*N**72*C~", $"EB*1**{new string('^', size)}~", StringComparison.Ordinal),
            "components" => reject.Replace("AAA*N**72*C~", $"EB*1*{new string(':', size)}~", StringComparison.Ordinal),
            "whitespace" => reject + new string('\n', size),
            _ => reject.Replace("SE*11*0001~", new string('A', size), StringComparison.Ordinal),
        };
        var stopwatch = Stopwatch.StartNew();

        try
        {
            X12.Read(text);
        }
        catch (X12ParseException)
        {
        }

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"{shape} took {stopwatch.Elapsed}");
    }

    /// <summary>The fuzz input number <paramref name="index"/> of <paramref name="seed"/>.</summary>
    internal static string Input(int seed, int index)
    {
        var random = new Random(unchecked((seed * 1_000_003) + index));
        var text = Corpus[index % Corpus.Length];
        var mutations = random.Next(1, 4);
        for (var i = 0; i < mutations && text.Length > 0; i++)
        {
            text = Mutate(random, text);
        }

        return text;
    }

    /// <summary>True when the input reads, false when it is a parse error; anything else fails the test.</summary>
    private static bool ReadOrFailCleanly(int seed, int index)
    {
        var input = Input(seed, index);
        try
        {
            X12.Read(input);
            return true;
        }
        catch (X12ParseException)
        {
            return false;
        }
        catch (Exception exception)
        {
            throw new Xunit.Sdk.XunitException(
                $"Seed {seed}, input {index} threw {exception.GetType().Name}: {exception}\nInput: {Show(input)}");
        }
    }

    private static string Mutate(Random random, string text)
    {
        var position = random.Next(text.Length);
        var terminator = text.Length > 105 && text.StartsWith("ISA", StringComparison.Ordinal) ? text[105] : '~';
        var element = text.Length > 3 ? text[3] : '*';
        return random.Next(10) switch
        {
            0 => string.Concat(text.AsSpan(0, position), [Pick(random, Interesting)], text.AsSpan(position + 1)),
            1 => text.Remove(position, Math.Min(random.Next(1, 20), text.Length - position)),
            2 => text.Insert(position, new string(Pick(random, Interesting), random.Next(1, 4))),
            3 => text[..position],
            4 => text + text,
            5 => ReplaceElement(random, text, element, terminator),
            _ => MutateSegments(random, text, terminator),
        };
    }

    private static string ReplaceElement(Random random, string text, char element, char terminator)
    {
        var start = text.IndexOf(element, random.Next(text.Length));
        if (start < 0)
        {
            return text;
        }

        var end = text.AsSpan(start + 1).IndexOfAny(element, terminator);
        var length = end < 0 ? text.Length - start - 1 : end;
        return string.Concat(text.AsSpan(0, start + 1), Pick(random, NastyValues), text.AsSpan(start + 1 + length));
    }

    private static string MutateSegments(Random random, string text, char terminator)
    {
        var segments = text.Split(terminator).ToList();
        var index = random.Next(segments.Count);
        switch (random.Next(3))
        {
            case 0:
                segments.Insert(index, segments[index]);
                break;
            case 1:
                segments.RemoveAt(index);
                break;
            default:
                var other = random.Next(segments.Count);
                (segments[index], segments[other]) = (segments[other], segments[index]);
                break;
        }

        return string.Join(terminator, segments);
    }

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];

    /// <summary>The input with control characters escaped, so that it can be pasted back into a test.</summary>
    private static string Show(string input)
    {
        var shown = new StringBuilder(input.Length);
        foreach (var character in input)
        {
            shown.Append(char.IsControl(character) || char.IsSurrogate(character) || character == '\uFEFF'
                ? $"\\u{(int)character:X4}"
                : character.ToString());
        }

        return shown.ToString();
    }
}
