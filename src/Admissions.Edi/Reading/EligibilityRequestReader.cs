namespace Admissions.Edi.Reading;

/// <summary>
/// Reads the body of a 270: payer (2100A), provider (2100B), subscriber (2100C) and an optional
/// dependent (2100D). The trace (TRN*1), service date (DTP*291) and EQ service types come from
/// the patient's loop, which is the dependent's when there is one.
/// </summary>
internal sealed class EligibilityRequestReader
{
    private readonly X12Tokenizer _tokens;
    private readonly Hierarchy _hierarchy = new(Levels.Eligibility);
    private readonly PartyBuilder _payer = new();
    private readonly PartyBuilder _provider = new();
    private readonly List<string> _serviceTypes = [];
    private PersonBuilder? _subscriber;
    private PersonBuilder? _dependent;
    private string? _level;
    private bool _hasPayerLoop;
    private bool _hasProviderLoop;
    private string? _traceLevel;
    private string? _traceNumber;
    private string? _traceOriginator;
    private DateOnly? _serviceDate;
    private bool _combined;

    private EligibilityRequestReader(X12Tokenizer tokens) => _tokens = tokens;

    public static EligibilityRequest Read(X12Tokenizer tokens, string control, string? reference)
    {
        var reader = new EligibilityRequestReader(tokens);
        while (tokens.NextInTransaction())
        {
            reader.Apply();
        }

        return reader.Finish(control, reference);
    }

    private PersonBuilder? Member => _level switch
    {
        HierarchyLevel.Subscriber => _subscriber,
        HierarchyLevel.Dependent => _dependent,
        _ => null,
    };

    private void Apply()
    {
        switch (_tokens.Id)
        {
            case "HL":
                EnterLoop();
                break;
            case "NM1" when _level == HierarchyLevel.InformationSource:
                _payer.ReadName(_tokens);
                break;
            case "NM1" when _level == HierarchyLevel.InformationReceiver:
                _provider.ReadName(_tokens);
                break;
            case "NM1" when Member is { } member:
                member.ReadName(_tokens);
                break;
            case "DMG" when Member is { } member:
                member.ReadDemographics(_tokens);
                break;
            case "TRN" when Member is not null && _tokens[1].SequenceEqual("1"):
                ReadTrace();
                break;
            case "DTP" when Member is not null && _tokens[1].SequenceEqual("291"):
                _serviceDate ??= _tokens.Period(2).Begin;
                break;
            case "EQ" when Member is not null:
                var types = _tokens.Repeats(1);
                _combined |= types.Length > 1;
                _serviceTypes.AddRange(types);
                break;
        }
    }

    private void EnterLoop()
    {
        _level = _hierarchy.Enter(_tokens);
        switch (_level)
        {
            case HierarchyLevel.InformationSource when _hasPayerLoop:
                throw _tokens.Error("A 270 with more than one information source (HL 20) is not supported", 3);
            case HierarchyLevel.InformationReceiver when _hasProviderLoop:
                throw _tokens.Error("A 270 with more than one information receiver (HL 21) is not supported", 3);
            case HierarchyLevel.Subscriber when _subscriber is not null:
                throw _tokens.Error("A 270 with more than one subscriber (HL 22) is not supported", 3);
            case HierarchyLevel.Dependent when _dependent is not null:
                throw _tokens.Error("A 270 with more than one dependent (HL 23) is not supported", 3);
            case HierarchyLevel.InformationSource:
                _hasPayerLoop = true;
                break;
            case HierarchyLevel.InformationReceiver:
                _hasProviderLoop = true;
                break;
            case HierarchyLevel.Subscriber:
                _subscriber = new PersonBuilder();
                break;
            case HierarchyLevel.Dependent:
                _dependent = new PersonBuilder();
                break;
        }
    }

    /// <summary>The first TRN*1 of the patient's loop: a dependent's trace wins over the subscriber's.</summary>
    private void ReadTrace()
    {
        if (_traceNumber is not null && _traceLevel == _level)
        {
            return;
        }

        _traceLevel = _level;
        _traceNumber = _tokens.Text(2);
        _traceOriginator = _tokens.Text(3);
    }

    private EligibilityRequest Finish(string control, string? reference)
    {
        if (_subscriber is null)
        {
            throw _tokens.Error("The 270 has no subscriber loop (HL 22)");
        }

        return new EligibilityRequest(
            control,
            reference ?? "",
            _payer.ToParty(),
            _provider.ToParty(),
            _subscriber.ToRequestedMember(),
            _dependent?.ToRequestedMember(),
            _traceNumber ?? "",
            _traceOriginator ?? "",
            _serviceDate ?? DateOnly.MinValue,
            _serviceTypes,
            _combined);
    }
}
