namespace Admissions.Edi.Reading;

/// <summary>
/// Reads the body of a 271: the payer (2000A/2100A), the receiver (2000B/2100B), and each
/// subscriber (2000C) with its dependents (2000D), benefits (2110) and related entities (2120).
/// Segments the model has no place for are skipped.
/// </summary>
internal sealed class EligibilityResponseReader
{
    private readonly X12Tokenizer _tokens;
    private readonly Hierarchy _hierarchy = new(Levels.Eligibility);
    private readonly PartyBuilder _payer = new();
    private readonly PartyBuilder _receiver = new();
    private readonly List<MemberBuilder> _subscribers = [];

    // The open member's benefits, and the open EB's MSG lines and 2120 entities. Reused from loop
    // to loop: each is copied out to an exact-size array when its loop closes.
    private readonly List<Benefit> _benefits = [];
    private readonly List<string> _messages = [];
    private readonly List<BenefitEntity> _entities = [];
    private int _payerLoops;
    private int _receiverLoops;
    private string? _level;
    private MemberBuilder? _member;
    private OpenBenefit? _benefit;
    private bool _inRelatedEntity;
    private BenefitEntity? _entity;

    private EligibilityResponseReader(X12Tokenizer tokens) => _tokens = tokens;

    public static EligibilityResponse Read(X12Tokenizer tokens, string control, string? reference)
    {
        var reader = new EligibilityResponseReader(tokens);
        while (tokens.NextInTransaction())
        {
            reader.Apply();
        }

        return reader.Finish(control, reference);
    }

    /// <summary>Whether an EB has started loop 2110: member-level segments no longer apply.</summary>
    private bool InBenefit => _benefit is not null;

    private void Apply()
    {
        switch (_tokens.Id)
        {
            case "HL":
                EnterLoop();
                break;
            case "NM1":
                ReadName();
                break;
            case "AAA":
                ReadError();
                break;
            case "TRN" when _member is not null:
                if (Segments.Trace(_tokens, "2") is { } trace)
                {
                    (_member.TraceNumbers ??= []).Add(trace);
                }

                break;
            case "DMG" when _member is not null && !InBenefit:
                _member.Person.ReadDemographics(_tokens);
                break;
            case "DTP" when _member is not null && !InBenefit:
                ReadMemberDate(_member);
                break;
            case "EB":
                ReadBenefit();
                break;
            case "MSG" when InBenefit && !_inRelatedEntity:
                _messages.Add(_tokens.Text(1) ?? "");
                break;
            case "LS":
                OpenRelatedEntity();
                break;
            case "LE":
                CloseRelatedEntity();
                break;
            case "PER" when _entity is { Phone: null } entity:
                if (Segments.Telephone(_tokens) is { } phone)
                {
                    _entity = entity with { Phone = phone };
                }

                break;
        }
    }

    private void EnterLoop()
    {
        RequireRelatedEntityClosed();
        CloseMember();
        _level = _hierarchy.Enter(_tokens);
        switch (_level)
        {
            case HierarchyLevel.InformationSource when ++_payerLoops > 1:
                throw _tokens.Error("A 271 with more than one information source (HL 20) is not supported", 3);
            case HierarchyLevel.InformationReceiver when ++_receiverLoops > 1:
                throw _tokens.Error("A 271 with more than one information receiver (HL 21) is not supported", 3);
            case HierarchyLevel.Subscriber:
                _member = new MemberBuilder();
                _subscribers.Add(_member);
                break;
            case HierarchyLevel.Dependent:
                _member = new MemberBuilder();
                (_subscribers[^1].Dependents ??= []).Add(_member);
                break;
        }
    }

    private void ReadName()
    {
        if (_inRelatedEntity)
        {
            var code = _tokens.Text(1) ?? throw _tokens.Error("NM101, the related entity's code, is missing", 1);
            CloseEntity();
            _entity = new BenefitEntity(code, _tokens.Text(3), _tokens.Text(9), null);
        }
        else if (_level == HierarchyLevel.InformationSource)
        {
            _payer.ReadName(_tokens);
        }
        else if (_level == HierarchyLevel.InformationReceiver)
        {
            _receiver.ReadName(_tokens);
        }
        else if (_member is not null && !InBenefit)
        {
            _member.Person.ReadName(_tokens);
        }
    }

    private void ReadError()
    {
        var error = Segments.Error(_tokens);
        switch (_level)
        {
            case HierarchyLevel.InformationSource:
                _payer.AddError(error);
                break;
            case HierarchyLevel.InformationReceiver:
                _receiver.AddError(error);
                break;
            case HierarchyLevel.Subscriber or HierarchyLevel.Dependent:
                _member!.Person.AddError(error);
                break;
        }
    }

    /// <summary>Plan (346/347, 291) and eligibility (356/357, 307) dates of the 2100 loop.</summary>
    private void ReadMemberDate(MemberBuilder member)
    {
        switch (_tokens[1])
        {
            case "346" or "291":
                (member.PlanBegin, member.PlanEnd) = BeginAndEnd(member.PlanEnd);
                break;
            case "347":
                member.PlanEnd = _tokens.Period(2).End;
                break;
            case "356" or "307":
                (member.EligibilityBegin, member.EligibilityEnd) = BeginAndEnd(member.EligibilityEnd);
                break;
            case "357":
                member.EligibilityEnd = _tokens.Period(2).End;
                break;
        }
    }

    /// <summary>A D8 date begins a period; an RD8 range also ends it.</summary>
    private (DateOnly Begin, DateOnly? End) BeginAndEnd(DateOnly? end)
    {
        var period = _tokens.Period(2);
        return (period.Begin, period.IsRange ? period.End : end);
    }

    private void ReadBenefit()
    {
        RequireRelatedEntityClosed();
        if (_member is null)
        {
            throw _tokens.Error("EB sits outside a subscriber (HL 22) or dependent (HL 23) loop");
        }

        var code = _tokens.Text(1) ?? throw _tokens.Error("EB01, the eligibility or benefit code, is missing", 1);
        CloseBenefit();

        _benefit = new OpenBenefit(
            code,
            CoverageLevel: _tokens.Text(2),
            ServiceTypes: _tokens.Repeats(3),
            InsuranceType: _tokens.Text(4),
            PlanDescription: _tokens.Text(5),
            TimePeriod: _tokens.Text(6),
            Amount: _tokens.Decimal(7),
            Percent: _tokens.Decimal(8),
            QuantityQualifier: _tokens.Text(9),
            Quantity: _tokens.Decimal(10),
            AuthorizationRequired: _tokens.Text(11),
            InNetwork: _tokens.Text(12));
    }

    private void OpenRelatedEntity()
    {
        RequireRelatedEntityClosed();
        if (!InBenefit)
        {
            throw _tokens.Error("LS opens a related entity loop (2120) without an EB to belong to");
        }

        _inRelatedEntity = true;
    }

    private void CloseRelatedEntity()
    {
        if (!_inRelatedEntity)
        {
            throw _tokens.Error("LE closes a related entity loop (2120) that LS did not open");
        }

        _inRelatedEntity = false;
    }

    /// <summary>
    /// Adds the EB's latest 2120 entity, with the phone a PER may have given it, to its entities.
    /// It stays open across LE and LS: a PER in a later 2120 loop of the same EB still names it.
    /// </summary>
    private void CloseEntity()
    {
        if (_entity is not null)
        {
            _entities.Add(_entity);
            _entity = null;
        }
    }

    /// <summary>Adds the open EB, with its MSG lines and 2120 entities, to the member's benefits.</summary>
    private void CloseBenefit()
    {
        if (_benefit is not { } benefit)
        {
            return;
        }

        CloseEntity();
        IReadOnlyList<string> messages = [];
        IReadOnlyList<BenefitEntity> entities = [];
        if (_messages.Count > 0)
        {
            messages = [.. _messages];
            _messages.Clear();
        }

        if (_entities.Count > 0)
        {
            entities = [.. _entities];
            _entities.Clear();
        }

        _benefits.Add(benefit.Close(messages, entities));
        _benefit = null;
    }

    /// <summary>Gives the open member loop its benefits; the next HL or the SE closes it.</summary>
    private void CloseMember()
    {
        CloseBenefit();
        if (_member is not null)
        {
            _member.Benefits = _benefits.Count > 0 ? [.. _benefits] : [];
            _benefits.Clear();
            _member = null;
        }
    }

    private void RequireRelatedEntityClosed()
    {
        if (_inRelatedEntity)
        {
            throw _tokens.Error($"Expected LE to close the related entity loop (2120) before {_tokens.Id}");
        }
    }

    private EligibilityResponse Finish(string control, string? reference)
    {
        RequireRelatedEntityClosed();
        CloseMember();
        if (_payerLoops == 0)
        {
            throw _tokens.Error("The 271 has no information source loop (HL 20)");
        }

        var subscribers = new SubscriberResult[_subscribers.Count];
        for (var i = 0; i < subscribers.Length; i++)
        {
            subscribers[i] = _subscribers[i].ToSubscriber();
        }

        return new EligibilityResponse(control, reference, _payer.ToResponseParty(), _receiver.ToResponseParty(), subscribers);
    }

    /// <summary>An EB whose MSG lines and 2120 entities are still to come.</summary>
    private readonly record struct OpenBenefit(
        string Code,
        string? CoverageLevel,
        string[] ServiceTypes,
        string? InsuranceType,
        string? PlanDescription,
        string? TimePeriod,
        decimal? Amount,
        decimal? Percent,
        string? QuantityQualifier,
        decimal? Quantity,
        string? AuthorizationRequired,
        string? InNetwork)
    {
        public Benefit Close(IReadOnlyList<string> messages, IReadOnlyList<BenefitEntity> entities) =>
            new(Code, CoverageLevel, ServiceTypes, InsuranceType, PlanDescription, TimePeriod, Amount, Percent,
                QuantityQualifier, Quantity, AuthorizationRequired, InNetwork, messages, entities);
    }

    private sealed class MemberBuilder
    {
        public PersonBuilder Person { get; } = new();
        public List<string>? TraceNumbers { get; set; }
        public DateOnly? PlanBegin { get; set; }
        public DateOnly? PlanEnd { get; set; }
        public DateOnly? EligibilityBegin { get; set; }
        public DateOnly? EligibilityEnd { get; set; }
        public Benefit[] Benefits { get; set; } = [];
        public List<MemberBuilder>? Dependents { get; set; }

        public SubscriberResult ToSubscriber()
        {
            MemberResult[] dependents = [];
            if (Dependents is not null)
            {
                dependents = new MemberResult[Dependents.Count];
                for (var i = 0; i < dependents.Length; i++)
                {
                    dependents[i] = Dependents[i].ToMember();
                }
            }

            return new SubscriberResult(Traces, Person.MemberId, Person.LastName, Person.FirstName, Person.BirthDate,
                Person.Gender, PlanBegin, PlanEnd, EligibilityBegin, EligibilityEnd, Person.Errors, Benefits, dependents);
        }

        private IReadOnlyList<string> Traces => TraceNumbers is null ? [] : TraceNumbers;

        private MemberResult ToMember() =>
            new(Traces, Person.MemberId, Person.LastName, Person.FirstName, Person.BirthDate, Person.Gender,
                PlanBegin, PlanEnd, EligibilityBegin, EligibilityEnd, Person.Errors, Benefits);
    }
}
