using System.Globalization;

namespace Admissions.Drill;

public sealed class RoundResult(int round)
{
    public int Round { get; } = round;
    public string Node { get; set; } = "";
    public int Inquiries { get; set; }
    public int Unacknowledged { get; set; }
    public int Lost { get; set; }
    public int Duplicated { get; set; }
    public int Missing { get; set; }
    public double FailoverSeconds { get; set; }
    public bool SignedIn { get; set; }
    public bool DraftRestored { get; set; }
    public string DraftNote { get; set; } = "";
    public bool BellUpdated { get; set; }
    public string BellNote { get; set; } = "";

    public bool Passed => Unacknowledged == 0 && Lost == 0 && Duplicated == 0 && Missing == 0 && SignedIn && DraftRestored && BellUpdated;

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"round {Round}: killed {Node}; {Inquiries} inquiries ({Unacknowledged} unacknowledged, {Lost} lost), {Duplicated} duplicated and {Missing} missing speed-to-lead tasks; " +
        $"page back after {FailoverSeconds:0.0} s {(SignedIn ? "signed in" : "NOT signed in")}; draft: {DraftNote}; bell: {BellNote}");
}

/// <summary>The drill's last line, and whether it passed.</summary>
public sealed record Summary(string Line, bool Passed)
{
    public static Summary Of(IReadOnlyList<RoundResult> rounds)
    {
        var failovers = rounds.Select(r => r.FailoverSeconds).Order().ToList();
        var p95 = failovers.Count == 0 ? 0 : failovers[Math.Min(failovers.Count - 1, (int)Math.Ceiling(0.95 * failovers.Count) - 1)];
        var kills = rounds.Count;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"drill: {kills} kills, {rounds.Sum(r => r.Lost)} lost inquiries, {rounds.Sum(r => r.Duplicated)} duplicated tasks, {rounds.Sum(r => r.Missing)} missing tasks, " +
            $"failover p95 {p95:0.0} s, signed in after failover {rounds.Count(r => r.SignedIn)}/{kills}, bell updated by the surviving node {rounds.Count(r => r.BellUpdated)}/{kills}, " +
            $"drafts restored {rounds.Count(r => r.DraftRestored)}/{kills}");
        if (rounds.Sum(r => r.Unacknowledged) is > 0 and var refused)
        {
            line += $", {refused} inquiries never acknowledged";
        }

        return new Summary(line, rounds.All(r => r.Passed));
    }
}
