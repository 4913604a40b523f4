using Admissions.Domain.Inquiries;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Inquiries;

/// <summary>
/// A name search over the inquiries' name words (<see cref="InquirySearchTerm"/>): every word typed must start a
/// term of the same inquiry. Each word is a range over the terms index, never a scan of the names.
/// </summary>
internal sealed class NameSearch
{
    /// <summary>Terms are counted up to this many to find the rarest word, so a common prefix costs no more to count than a rare one.</summary>
    private const int RarenessCap = 5_000;

    private readonly IQueryable<InquirySearchTerm> _terms;
    private readonly List<string> _words;

    private NameSearch(IQueryable<InquirySearchTerm> terms, List<string> words, bool firstIsRare)
    {
        _terms = terms;
        _words = words;
        MatchingIds = Matching(firstIsRare);
    }

    /// <summary>The ids of the inquiries found, read from the terms alone (an inquiry may appear more than once).</summary>
    public IQueryable<Guid> MatchingIds { get; }

    /// <summary>Orders several words so the one starting the fewest terms comes first.</summary>
    public static async Task<NameSearch> PrepareAsync(IQueryable<InquirySearchTerm> terms, List<string> words, CancellationToken cancellationToken)
    {
        if (words.Count < 2)
        {
            return new NameSearch(terms, words, firstIsRare: false);
        }

        var counted = new List<(string Word, int Terms)>();
        foreach (var word in words)
        {
            counted.Add((word, await Starting(terms, word).OrderBy(t => t.Term).Take(RarenessCap).CountAsync(cancellationToken)));
        }

        var ordered = counted.OrderBy(c => c.Terms).ThenByDescending(c => c.Word.Length).ToList();
        return new NameSearch(terms, [.. ordered.Select(c => c.Word)], ordered[0].Terms < RarenessCap);
    }

    /// <summary>The same condition tested inquiry by inquiry, for a page read in the order of the sort's index.</summary>
    public IQueryable<Inquiry> Having(IQueryable<Inquiry> inquiries)
    {
        foreach (var word in _words)
        {
            var starting = Starting(_terms, word);
            inquiries = inquiries.Where(i => starting.Any(t => t.InquiryId == i.Id));
        }

        return inquiries;
    }

    /// <summary>
    /// A rare first word is read as a range and the others are checked by key on its inquiries only. When every word
    /// is common, the words of three or more letters are read as ranges and intersected (reading a range costs less
    /// than a lookup per term), and shorter ones, which start far too many terms to read, are checked by key on what
    /// is left.
    /// </summary>
    private IQueryable<Guid> Matching(bool firstIsRare)
    {
        List<string> ranges = firstIsRare ? [_words[0]] : [.. _words.Where(w => w.Length >= 3)];
        if (ranges.Count == 0)
        {
            ranges = [_words[0]];
        }

        var matching = Starting(_terms, ranges[0]).Select(t => t.InquiryId);
        foreach (var word in ranges.Skip(1))
        {
            matching = matching.Intersect(Starting(_terms, word).Select(t => t.InquiryId));
        }

        foreach (var word in _words.Except(ranges))
        {
            var starting = Starting(_terms, word);
            matching = matching.Where(id => starting.Any(t => t.InquiryId == id));
        }

        return matching;
    }

    /// <summary>The terms a word starts: a range rather than LIKE 'word%', so the terms index is searched, not scanned.</summary>
    private static IQueryable<InquirySearchTerm> Starting(IQueryable<InquirySearchTerm> terms, string word)
    {
        var after = word + "\uffff";
        return terms.Where(t => t.Term.CompareTo(word) >= 0 && t.Term.CompareTo(after) < 0);
    }
}
