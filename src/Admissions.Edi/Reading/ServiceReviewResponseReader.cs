namespace Admissions.Edi.Reading;

/// <summary>
/// Reads the body of a 278 response: the UMO (2010A) and requester (2010B) with their AAA
/// errors, the subscriber and dependent, and one decision per patient event (2000E) and
/// service (2000F) loop.
/// </summary>
internal sealed class ServiceReviewResponseReader
{
    private readonly X12Tokenizer _tokens;
    private readonly Hierarchy _hierarchy = new(Levels.ServiceReview);
    private readonly PartyBuilder _reviewOrganization = new();
    private readonly PartyBuilder _requester = new();
    private readonly List<DecisionBuilder> _decisions = [];
    private PersonBuilder? _subscriber;
    private PersonBuilder? _dependent;
    private string? _level;
    private DecisionBuilder? _decision;

    private ServiceReviewResponseReader(X12Tokenizer tokens) => _tokens = tokens;

    public static ServiceReviewResponse Read(X12Tokenizer tokens, string control, string? reference)
    {
        var reader = new ServiceReviewResponseReader(tokens);
        while (tokens.NextInTransaction())
        {
            reader.Apply();
        }

        var decisions = new List<ServiceReviewDecision>(reader._decisions.Count);
        foreach (var decision in reader._decisions)
        {
            decisions.Add(decision.ToDecision());
        }

        return new ServiceReviewResponse(
            control,
            reference,
            reader._reviewOrganization.ToResponseParty(),
            reader._requester.ToResponseParty(),
            reader._subscriber?.ToReviewedMember(),
            reader._dependent?.ToReviewedMember(),
            decisions);
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
            case "AAA":
                ReadError();
                break;
            case "TRN" when _decision is not null:
                if (Segments.Trace(_tokens, "2") is { } trace)
                {
                    _decision.TraceNumbers.Add(trace);
                }

                break;
            case "UM" when _decision is not null:
                _decision.RequestCategory = _tokens.Text(1);
                _decision.CertificationType = _tokens.Text(2);
                _decision.ServiceType = _tokens.Text(3);
                break;
            case "HCR" when _decision is not null:
                _decision.ActionCode = _tokens.Text(1);
                _decision.CertificationNumber = _tokens.Text(2);
                _decision.ReasonCode = _tokens.Text(3);
                break;
            case "DTP" when _decision is not null && _tokens[1].SequenceEqual("AAH"):
                var (begin, end, isRange) = _tokens.Period(2);
                _decision.CertifiedBegin = begin;
                _decision.CertifiedEnd = isRange ? end : null;
                break;
            case "HSD" when _decision is { QuantityQualifier: null, Quantity: null }:
                _decision.QuantityQualifier = _tokens.Text(1);
                _decision.Quantity = _tokens.Decimal(2);
                break;
        }
    }

    private void EnterLoop()
    {
        _level = _hierarchy.Enter(_tokens);
        _decision = null;
        switch (_level)
        {
            case HierarchyLevel.Subscriber when _subscriber is not null:
                throw _tokens.Error("A 278 response with more than one subscriber (HL 22) is not supported", 3);
            case HierarchyLevel.Dependent when _dependent is not null:
                throw _tokens.Error("A 278 response with more than one dependent (HL 23) is not supported", 3);
            case HierarchyLevel.Subscriber:
                _subscriber = new PersonBuilder();
                break;
            case HierarchyLevel.Dependent:
                _dependent = new PersonBuilder();
                break;
            case HierarchyLevel.PatientEvent or HierarchyLevel.Service:
                _decision = new DecisionBuilder(_level);
                _decisions.Add(_decision);
                break;
        }
    }

    private void ReadError()
    {
        var error = Segments.Error(_tokens);
        switch (_level)
        {
            case HierarchyLevel.InformationSource:
                _reviewOrganization.AddError(error);
                break;
            case HierarchyLevel.InformationReceiver:
                _requester.AddError(error);
                break;
            case HierarchyLevel.Subscriber or HierarchyLevel.Dependent:
                Member!.AddError(error);
                break;
            case HierarchyLevel.PatientEvent or HierarchyLevel.Service:
                _decision!.Errors.Add(error);
                break;
        }
    }

    private sealed class DecisionBuilder(string level)
    {
        public List<string> TraceNumbers { get; } = [];
        public string? ActionCode { get; set; }
        public string? CertificationNumber { get; set; }
        public string? ReasonCode { get; set; }
        public DateOnly? CertifiedBegin { get; set; }
        public DateOnly? CertifiedEnd { get; set; }
        public string? QuantityQualifier { get; set; }
        public decimal? Quantity { get; set; }
        public string? ServiceType { get; set; }
        public string? RequestCategory { get; set; }
        public string? CertificationType { get; set; }
        public List<RequestError> Errors { get; } = [];

        public ServiceReviewDecision ToDecision() =>
            new(level, TraceNumbers, ActionCode, CertificationNumber, ReasonCode, CertifiedBegin, CertifiedEnd,
                QuantityQualifier, Quantity, ServiceType, Errors)
            {
                RequestCategory = RequestCategory,
                CertificationType = CertificationType,
            };
    }
}
