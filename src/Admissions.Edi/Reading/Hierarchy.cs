namespace Admissions.Edi.Reading;

/// <summary>
/// Follows the HL tree of one transaction set as it streams past. HL01 must increase, and each
/// HL02 must name a loop that is still open (the previous HL or one of its ancestors), and
/// <paramref name="allowed"/> says which level may sit under which (a null parent is the top).
/// </summary>
internal sealed class Hierarchy(Func<string?, string, bool> allowed)
{
    private readonly List<(int Id, string Level)> _open = [];
    private int _lastId;

    /// <summary>Enters the loop the current HL segment opens and returns its level code (HL03).</summary>
    public string Enter(X12Tokenizer tokens)
    {
        var id = tokens.Integer(1);
        if (id <= _lastId)
        {
            throw tokens.Error($"HL01 {id} does not follow HL01 {_lastId}: HL ids must increase", 1);
        }

        var level = Level(tokens[3]) ?? throw tokens.Error($"HL03 '{tokens.Text(3)}' is not a supported level", 3);
        var parentId = tokens[2].IsEmpty ? 0 : tokens.Integer(2);
        while (_open.Count > 0 && _open[^1].Id != parentId)
        {
            _open.RemoveAt(_open.Count - 1);
        }

        if (parentId != 0 && _open.Count == 0)
        {
            throw tokens.Error($"HL02 {parentId} is not an enclosing HL of HL {id}", 2);
        }

        var parentLevel = _open.Count == 0 ? null : _open[^1].Level;
        if (!allowed(parentLevel, level))
        {
            throw tokens.Error(parentLevel is null
                ? $"HL {id} of level {level} needs a parent"
                : $"HL {id} of level {level} cannot sit under level {parentLevel}", 3);
        }

        _open.Add((id, level));
        _lastId = id;
        return level;
    }

    private static string? Level(ReadOnlySpan<char> code) => code switch
    {
        HierarchyLevel.InformationSource => HierarchyLevel.InformationSource,
        HierarchyLevel.InformationReceiver => HierarchyLevel.InformationReceiver,
        HierarchyLevel.Subscriber => HierarchyLevel.Subscriber,
        HierarchyLevel.Dependent => HierarchyLevel.Dependent,
        HierarchyLevel.PatientEvent => HierarchyLevel.PatientEvent,
        HierarchyLevel.Service => HierarchyLevel.Service,
        _ => null,
    };
}
