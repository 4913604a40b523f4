namespace Admissions.Web.Components.Drafts;

/// <summary>
/// The drafts whose forms are open in this browser tab (one per circuit), so the restore prompt never offers back
/// the form someone is typing into right now.
/// </summary>
public sealed class DraftSession
{
    private readonly HashSet<Guid> _open = [];

    public event Action? Changed;

    public IReadOnlyCollection<Guid> OpenDrafts => [.. _open];

    public void Open(Guid draftId)
    {
        if (_open.Add(draftId))
        {
            Changed?.Invoke();
        }
    }

    public void Close(Guid draftId)
    {
        if (_open.Remove(draftId))
        {
            Changed?.Invoke();
        }
    }
}
