namespace Admissions.Edi.Reading;

/// <summary>
/// Reads the body of a 278 request for review: the UMO (2010A), requester (2010B), subscriber
/// (2010C), optional dependent (2010D) and the one patient event (2000E) with its TRN*1, UM,
/// DTP*435, HI and HSD. Service loops (2000F) are skipped.
/// </summary>
internal sealed class ServiceReviewRequestReader
{
    private readonly X12Tokenizer _tokens;
    private readonly Hierarchy _hierarchy = new(Levels.ServiceReview);
    private readonly PartyBuilder _reviewOrganization = new();
    private readonly PartyBuilder _requester = new();
    private readonly List<string> _diagnoses = [];
    private PersonBuilder? _subscriber;
    private PersonBuilder? _dependent;
    private string? _level;
    private bool _hasEvent;
    private string? _traceNumber;
    private string? _traceOriginator;
    private string? _requestCategory;
    private string? _certificationType;
    private string? _serviceType;
    private string? _facilityCode;
    private DateOnly? _admissionDate;
    private string? _quantityQualifier;
    private decimal? _quantity;
    private string? _reviewReference;

    private ServiceReviewRequestReader(X12Tokenizer tokens) => _tokens = tokens;

    public static ServiceReviewRequest Read(X12Tokenizer tokens, string control, string? reference)
    {
        var reader = new ServiceReviewRequestReader(tokens);
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
                _reviewOrganization.ReadName(_tokens);
                break;
            case "NM1" when _level == HierarchyLevel.InformationReceiver:
                _requester.ReadName(_tokens);
                break;
            case "NM1" when Member is { } member:
                member.ReadName(_tokens);
                break;
            case "DMG" when Member is { } member:
                member.ReadDemographics(_tokens);
                break;
            case "TRN" when _level == HierarchyLevel.PatientEvent && _traceNumber is null && _tokens[1].SequenceEqual("1"):
                _traceNumber = _tokens.Text(2);
                _traceOriginator = _tokens.Text(3);
                break;
            case "UM" when _level == HierarchyLevel.PatientEvent:
                _requestCategory = _tokens.Text(1);
                _certificationType = _tokens.Text(2);
                _serviceType = _tokens.Text(3);
                _facilityCode = _tokens.Component(4, 1).ToString();
                break;
            case "REF" when _level == HierarchyLevel.PatientEvent && _reviewReference is null && _tokens[1].SequenceEqual("BB"):
                _reviewReference = _tokens.Text(2);
                break;
            case "DTP" when _level == HierarchyLevel.PatientEvent && _tokens[1].SequenceEqual("435"):
                _admissionDate = _tokens.Period(2).Begin;
                break;
            case "HI" when _level == HierarchyLevel.PatientEvent:
                ReadDiagnoses();
                break;
            case "HSD" when _level == HierarchyLevel.PatientEvent && _quantityQualifier is null && _quantity is null:
                _quantityQualifier = _tokens.Text(1);
                _quantity = _tokens.Decimal(2);
                break;
        }
    }

    private void EnterLoop()
    {
        _level = _hierarchy.Enter(_tokens);
        switch (_level)
        {
            case HierarchyLevel.Subscriber when _subscriber is not null:
                throw _tokens.Error("A 278 request with more than one subscriber (HL 22) is not supported", 3);
            case HierarchyLevel.Dependent when _dependent is not null:
                throw _tokens.Error("A 278 request with more than one dependent (HL 23) is not supported", 3);
            case HierarchyLevel.PatientEvent when _hasEvent:
                throw _tokens.Error("A 278 request with more than one patient event (HL EV) is not supported", 3);
            case HierarchyLevel.Subscriber:
                _subscriber = new PersonBuilder();
                break;
            case HierarchyLevel.Dependent:
                _dependent = new PersonBuilder();
                break;
            case HierarchyLevel.PatientEvent:
                _hasEvent = true;
                break;
        }
    }

    /// <summary>HI: each element is a composite of a code list qualifier (ABK, ABF…) and the code.</summary>
    private void ReadDiagnoses()
    {
        for (var index = 1; index < _tokens.Count; index++)
        {
            var code = _tokens.Component(index, 2);
            if (!code.IsEmpty)
            {
                _diagnoses.Add(code.ToString());
            }
        }
    }

    private ServiceReviewRequest Finish(string control, string? reference)
    {
        if (_subscriber is null || !_hasEvent)
        {
            throw _tokens.Error("The 278 request has no subscriber (HL 22) with a patient event (HL EV)");
        }

        return new ServiceReviewRequest(
            control,
            reference ?? "",
            _reviewOrganization.ToParty(),
            _requester.ToParty(),
            _subscriber.ToRequestedMember(),
            _dependent?.ToRequestedMember(),
            _traceNumber ?? "",
            _traceOriginator ?? "",
            _requestCategory ?? "",
            _certificationType ?? "",
            _serviceType ?? "",
            _facilityCode ?? "",
            _admissionDate ?? DateOnly.MinValue,
            _diagnoses,
            _quantityQualifier ?? "",
            _quantity ?? 0m)
        {
            ReviewReference = _reviewReference,
        };
    }
}
