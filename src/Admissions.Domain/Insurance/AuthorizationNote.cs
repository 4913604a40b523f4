namespace Admissions.Domain.Insurance;

public enum AuthorizationNoteKind
{
    General,
    PeerToPeer,
    Appeal,
}

/// <summary>A note on an authorization (peer-to-peer, appeal); appended, never edited.</summary>
public sealed record AuthorizationNote(AuthorizationNoteKind Kind, string Text, string ByName, DateTimeOffset At);
