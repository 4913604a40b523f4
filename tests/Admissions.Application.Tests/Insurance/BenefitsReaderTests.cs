using Admissions.Application.Insurance;
using Admissions.Domain.Care;
using Admissions.Domain.Insurance;
using Admissions.Edi;
using static Admissions.Application.Tests.Insurance.ClearinghouseScript;

namespace Admissions.Application.Tests.Insurance;

/// <summary>Reading 271 models the way a coordinator would; no database, no X12 text.</summary>
public class BenefitsReaderTests
{
    private const string Trace = "VOB2603101400123456";

    private static readonly Payer Aetna = new() { Name = "Aetna", Kind = PayerKind.Commercial, ClearinghousePayerId = "60054", InNetwork = true };

    private static readonly Payer UnitedHealthcare = new()
    {
        Name = "UnitedHealthcare",
        Kind = PayerKind.Commercial,
        ClearinghousePayerId = "87726",
        InNetwork = false,
        BehavioralCarveOut = "Optum Behavioral Health",
        BehavioralCarveOutPhone = "8006003333",
    };

    private static readonly LevelOfCare[] Residential = [LevelOfCare.Residential];

    private static X12Document Document(params SubscriberResult[] subscribers) =>
        new([new EligibilityResponse("0001", "REF", PayerParty, ProviderParty, subscribers)]);

    private static VerificationOutcome Read(
        X12Document document, Payer? payer = null, IReadOnlyList<LevelOfCare>? levels = null, CareTrack track = CareTrack.SubstanceUse) =>
        BenefitsReader.Read(document, Trace, payer ?? Aetna, levels ?? Residential, track);

    // ---- AAA rejects ----

    [Theory]
    [InlineData("42", VerificationOutcomeKind.RetryLater, "The payer cannot respond right now.")]
    [InlineData("80", VerificationOutcomeKind.RetryLater, "No response was received from the payer.")]
    [InlineData("72", VerificationOutcomeKind.CorrectData, "The member ID is invalid or missing. Correct the policy or patient details and verify again.")]
    [InlineData("73", VerificationOutcomeKind.CorrectData, "The subscriber's name is invalid or missing. Correct the policy or patient details and verify again.")]
    [InlineData("75", VerificationOutcomeKind.CorrectData, "The payer could not find the subscriber. Correct the policy or patient details and verify again.")]
    [InlineData("58", VerificationOutcomeKind.CorrectData, "The date of birth is invalid or missing. Correct the policy or patient details and verify again.")]
    [InlineData("71", VerificationOutcomeKind.CorrectData, "The date of birth does not match the payer's records. Correct the policy or patient details and verify again.")]
    [InlineData("41", VerificationOutcomeKind.ConfigurationProblem, "The payer refused the request (authorization or access restrictions). An administrator must check the clearinghouse set-up.")]
    [InlineData("43", VerificationOutcomeKind.ConfigurationProblem, "The payer does not recognise our provider identification. An administrator must check the clearinghouse set-up.")]
    [InlineData("51", VerificationOutcomeKind.ConfigurationProblem, "Our provider is not on file with the payer. An administrator must check the clearinghouse set-up.")]
    [InlineData("99", VerificationOutcomeKind.CorrectData, "The payer rejected the request (reason 99). Correct the policy or patient details and verify again.")]
    public void Each_reject_reason_decides_what_happens_next(string code, VerificationOutcomeKind kind, string message)
    {
        var atMember = Read(Document(Subscriber([Trace], [], [new RequestError(false, code, "C")])));
        var atPayer = Read(new X12Document([new EligibilityResponse("0001", "REF", PayerParty with { Errors = [new RequestError(true, code, "R")] },
            new ResponseParty(null, null, []), [])]));
        var atReceiver = Read(new X12Document([new EligibilityResponse("0001", "REF", PayerParty,
            ProviderParty with { Errors = [new RequestError(false, code, "C")] }, [])]));

        foreach (var outcome in new[] { atMember, atPayer, atReceiver })
        {
            Assert.Equal(new VerificationOutcome(kind, null, code, message), outcome);
        }
    }

    [Fact]
    public void A_reject_on_the_matched_dependent_counts_but_one_on_another_dependent_does_not()
    {
        var rejected = Read(Document(Subscriber(["OTHER"], [], dependents:
        [
            Dependent([Trace], "MIA", []) with { Errors = [new RequestError(false, "71", "C")] },
        ])));
        var elsewhere = Read(Document(Subscriber(["OTHER"], [], dependents:
        [
            Dependent(["SOMEONE-ELSE"], "LUCAS", []) with { Errors = [new RequestError(false, "71", "C")] },
            Dependent([Trace], "MIA", ActivePpo("RT")),
        ])));

        Assert.Equal(VerificationOutcomeKind.CorrectData, rejected.Kind);
        Assert.Equal("71", rejected.Code);
        Assert.Equal(VerificationOutcomeKind.Verified, elsewhere.Kind);
    }

    [Fact]
    public void An_aaa_without_a_reject_reason_is_not_a_reject()
    {
        var outcome = Read(Document(Subscriber([Trace], ActivePpo("RT"), [new RequestError(true, null, null)])));

        Assert.Equal(VerificationOutcomeKind.Verified, outcome.Kind);
    }

    // ---- Whose benefits ----

    [Fact]
    public void The_dependent_carrying_the_trace_number_is_the_patient()
    {
        var document = Document(Subscriber(["SUB-TRACE"], [Eb("1", "30", network: null), Eb("C", "RT", "23", amount: 9999)], dependents:
        [
            Dependent(["DEP-1"], "LUCAS", [Eb("1", "30", network: null), Eb("C", "RT", "23", amount: 1111)]),
            Dependent([Trace], "MIA", [Eb("1", "30", plan: "FAMILY PPO", network: null), Eb("C", "RT", "23", amount: 2222)]),
        ]));

        var outcome = Read(document);

        Assert.Equal(VerificationOutcomeKind.Verified, outcome.Kind);
        Assert.Equal("FAMILY PPO", outcome.Result!.PlanName);
        Assert.Equal(2222, Assert.Single(outcome.Result.Levels).Deductible);
    }

    [Fact]
    public void A_trace_on_the_subscriber_with_benefits_only_on_a_single_dependent_reads_the_dependent()
    {
        var document = Document(Subscriber([Trace], [], dependents:
        [
            Dependent([], "MIA", [Eb("1", "30", network: null), Eb("C", "RT", "23", amount: 2222)]),
        ]));

        Assert.Equal(2222, Assert.Single(Read(document).Result!.Levels).Deductible);
    }

    [Fact]
    public void The_subscriber_carrying_the_trace_is_found_among_several_responses()
    {
        var document = new X12Document(
        [
            new EligibilityResponse("0001", "A", PayerParty, ProviderParty, [Subscriber(["OTHER"], [Eb("1", "30", network: null), Eb("C", "RT", "23", amount: 1)])]),
            new EligibilityResponse("0002", "B", PayerParty, ProviderParty, [Subscriber([Trace], [Eb("1", "30", network: null), Eb("C", "RT", "23", amount: 2)])]),
        ]);

        Assert.Equal(2, Assert.Single(Read(document).Result!.Levels).Deductible);
    }

    [Fact]
    public void A_response_with_no_subscriber_and_no_reject_needs_a_phone_call()
    {
        var outcome = Read(Document());

        Assert.Equal(new VerificationOutcome(VerificationOutcomeKind.PhoneVerificationNeeded, null, null,
            "The payer's response named no subscriber. Call the payer to verify."), outcome);
    }

    [Fact]
    public void A_document_without_a_271_is_a_configuration_problem()
    {
        var outcome = Read(new X12Document([]));

        Assert.Equal(VerificationOutcomeKind.ConfigurationProblem, outcome.Kind);
        Assert.Equal("The clearinghouse did not answer with an eligibility response (271).", outcome.Message);
    }

    // ---- Which amounts ----

    [Fact]
    public void A_contracted_facility_reads_the_in_network_amounts_whatever_their_order()
    {
        var outcome = Read(Document(Subscriber([Trace], ActivePpo("RT"))));

        var level = Assert.Single(outcome.Result!.Levels);
        Assert.Equal((2000m, 1500m, 6000m, 5200m, 0.2m), (level.Deductible!.Value, level.DeductibleRemaining!.Value, level.OutOfPocketMax!.Value,
            level.OutOfPocketRemaining!.Value, level.Coinsurance!.Value));
        Assert.True(level.InNetwork);
    }

    [Fact]
    public void A_facility_out_of_the_payers_network_reads_the_out_of_network_amounts()
    {
        var outcome = Read(Document(Subscriber([Trace], ActivePpo("RT"))), UnitedHealthcare);

        var level = Assert.Single(outcome.Result!.Levels);
        Assert.Equal(5000m, level.Deductible);
        Assert.Equal(0.5m, level.Coinsurance);
        Assert.False(level.InNetwork);
        // Rows that apply in either network still count.
        Assert.Equal(30m, level.DayLimit);
        Assert.True(level.AuthorizationRequired);
    }

    [Fact]
    public void Without_amounts_for_the_facilitys_network_whatever_was_sent_is_used()
    {
        var benefits = new[] { Eb("1", "30", network: null), Eb("C", "RT", "23", amount: 3000, network: "N"), Eb("A", "RT", percent: 0.4m, network: "N") };

        var level = Assert.Single(Read(Document(Subscriber([Trace], benefits))).Result!.Levels);

        Assert.Equal((3000m, 0.4m), (level.Deductible!.Value, level.Coinsurance!.Value));
        Assert.False(level.InNetwork);
    }

    [Fact]
    public void Only_benefits_for_the_levels_service_type_count()
    {
        var payer = new Payer { Name = "Custom", ClearinghousePayerId = "X1", InNetwork = true, LevelRules = [new PayerLevelRule { Level = LevelOfCare.Residential, Track = CareTrack.SubstanceUse, ServiceType = "A6", PlaceOfService = "55" }] };
        var document = Document(Subscriber([Trace], [Eb("1", "30", network: null), Eb("C", "RT", "23", amount: 1000), Eb("C", "A6", "23", amount: 4000)]));

        var level = Assert.Single(Read(document, payer).Result!.Levels);

        Assert.Equal(("A6", 4000m), (level.ServiceType, level.Deductible!.Value));
    }

    [Fact]
    public void A_service_the_plan_does_not_cover_is_not_covered_and_limits_are_read()
    {
        var document = Document(Subscriber([Trace],
        [
            Eb("1", "30", network: null),
            Eb("I", "RT", network: null),
            Eb("B", "MH", "27", amount: 40, authorization: "N"),
            Eb("F", "MH", "23", quantityQualifier: "VS", quantity: 20),
        ]));

        // A mental-health caller's outpatient benefits are asked and read under MH.
        var outcome = Read(document, levels: [LevelOfCare.Residential, LevelOfCare.Outpatient], track: CareTrack.MentalHealth);

        Assert.Equal(VerificationOutcomeKind.Verified, outcome.Kind);
        var residential = outcome.Result!.Levels[0];
        var outpatient = outcome.Result.Levels[1];
        Assert.False(residential.Covered);
        Assert.True(outpatient.Covered);
        Assert.Equal((40m, "27", 20m, false), (outpatient.Copay!.Value, outpatient.CopayPeriod, outpatient.VisitLimit!.Value, outpatient.AuthorizationRequired!.Value));
        Assert.Null(outpatient.Coinsurance);
    }

    [Fact]
    public void Inactive_coverage_is_verified_as_not_covered_for_every_level()
    {
        var outcome = Read(Document(Subscriber([Trace], [Eb("6", "30", network: null)])), levels: [LevelOfCare.Residential, LevelOfCare.Outpatient]);

        Assert.Equal(new VerificationOutcome(VerificationOutcomeKind.Verified, outcome.Result, null, "Coverage is not active."), outcome);
        Assert.False(outcome.Result!.CoverageActive);
        Assert.All(outcome.Result.Levels, l => Assert.False(l.Covered));
    }

    [Fact]
    public void Active_coverage_without_behavioural_detail_needs_a_phone_call_naming_the_levels()
    {
        var document = Document(Subscriber([Trace], [Eb("1", "30", plan: "GOLD", network: null), Eb("C", "MH", "23", amount: 500)]));

        var outcome = Read(document, levels: [LevelOfCare.WithdrawalManagement, LevelOfCare.Residential, LevelOfCare.Outpatient], track: CareTrack.MentalHealth);

        Assert.Equal(VerificationOutcomeKind.PhoneVerificationNeeded, outcome.Kind);
        Assert.Equal("The payer sent no behavioural benefit detail for Detox (withdrawal management), Residential. Call the payer to verify.", outcome.Message);
        Assert.True(outcome.Result!.CoverageActive);
        Assert.Equal("GOLD", outcome.Result.PlanName);
    }

    // ---- Carve-outs ----

    [Fact]
    public void A_carve_out_without_its_own_entity_is_named_from_the_payer_directory()
    {
        var outcome = Read(Document(Subscriber([Trace], [Eb("1", "30", network: null), Eb("U", serviceTypes: ["MH"], network: null)])), UnitedHealthcare);

        Assert.Equal(VerificationOutcomeKind.PhoneVerificationNeeded, outcome.Kind);
        Assert.Equal("Behavioural benefits are carved out to Optum Behavioral Health at (800) 600-3333. Call them to verify.", outcome.Message);
        Assert.Equal("Optum Behavioral Health", Assert.Single(outcome.Result!.Levels).CarveOutName);
    }

    [Fact]
    public void A_carve_out_with_amounts_sent_anyway_is_verified_and_still_named_on_the_level()
    {
        var benefits = ActivePpo("RT").Append(Eb("U", serviceTypes: ["MH"], network: null, entities: [new BenefitEntity("PR", "CARELON", "43324", null)])).ToList();

        var outcome = Read(Document(Subscriber([Trace], benefits)));

        Assert.Equal(VerificationOutcomeKind.Verified, outcome.Kind);
        Assert.Equal(("CARELON", (string?)null), (outcome.Result!.CarveOutName, outcome.Result.CarveOutPhone));
        Assert.Equal("CARELON", Assert.Single(outcome.Result.Levels).CarveOutName);
    }
}
