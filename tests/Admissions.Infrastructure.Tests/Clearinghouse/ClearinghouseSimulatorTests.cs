using Admissions.Edi;
using Admissions.Infrastructure.Clearinghouse;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Admissions.Infrastructure.Tests.Clearinghouse;

/// <summary>Every row of the simulator's member-id table, read back with the real X12 reader.</summary>
public sealed class ClearinghouseSimulatorTests
{
    private readonly FakeTimeProvider _clock = new(InfrastructureHost.StartTime);
    private readonly ClearinghouseSimulator _simulator;

    public ClearinghouseSimulatorTests() =>
        _simulator = new ClearinghouseSimulator(new ClearinghouseSettings().Identity(), Options.Create(new ClearinghouseSettings()), _clock);

    private async Task<SubscriberResult> EligibilityAsync(string memberId, string payer = "AETNA", params string[] serviceTypes)
    {
        var answer = X12Requests.Read271(await _simulator.AnswerEligibilityAsync(X12Requests.Write(X12Requests.Eligibility(memberId, payer, serviceTypes))));
        return Assert.Single(answer.Subscribers);
    }

    private ServiceReviewResponse Review(ServiceReviewRequest request) => X12Requests.Read278(_simulator.AnswerReview(X12Requests.Write(request)));

    private static List<Benefit> For(SubscriberResult member, string code, string serviceType) =>
        [.. member.Benefits.Where(b => b.Code == code && b.ServiceTypes.Contains(serviceType))];

    [Fact]
    public async Task Any_other_member_is_active_PPO_with_behavioural_cost_shares_for_each_service_type_asked()
    {
        var member = await EligibilityAsync("W123456789");

        Assert.Equal(["TRACE1"], member.TraceNumbers);
        Assert.Equal(("W123456789", "DOE", "JANE"), (member.MemberId, member.LastName, member.FirstName));
        Assert.Equal((new DateOnly(1990, 5, 17), "F"), (member.BirthDate, member.Gender));
        Assert.Equal(new DateOnly(2026, 1, 1), member.PlanBegin);
        Assert.Empty(member.Errors);
        var active = Assert.Single(member.Benefits, b => b.Code == "1");
        Assert.Equal(("IND", "PR", "PPO PLAN"), (active.CoverageLevel, active.InsuranceType, active.PlanDescription));
        Assert.Equal(["30"], active.ServiceTypes);

        foreach (var type in new[] { "30", "AI", "MH" })
        {
            Assert.Equal([("23", 3000m), ("29", 1850m)], For(member, "C", type).Select(b => (b.TimePeriod!, b.Amount!.Value)));
            Assert.Equal([("23", 6000m), ("29", 4200m)], For(member, "G", type).Select(b => (b.TimePeriod!, b.Amount!.Value)));
            var coinsurance = Assert.Single(For(member, "A", type));
            Assert.Equal((0.2m, "Y"), (coinsurance.Percent, coinsurance.InNetwork));
            Assert.All(member.Benefits.Where(b => b.Code != "1" && b.ServiceTypes.Contains(type)), b => Assert.Equal("N", b.AuthorizationRequired));
        }

        Assert.Equal(0m, Assert.Single(For(member, "B", "AI")).Amount);
        Assert.Equal(40m, Assert.Single(For(member, "B", "MH")).Amount);
        var dayLimit = Assert.Single(For(member, "F", "AI"));
        Assert.Equal(("DY", 30m), (dayLimit.QuantityQualifier, dayLimit.Quantity));
        Assert.Empty(For(member, "F", "MH"));
        Assert.Contains("COPAY PER VISIT", Assert.Single(For(member, "B", "MH")).Messages);
    }

    [Fact]
    public async Task Residential_treatment_needs_authorization_from_every_payer()
    {
        var member = await EligibilityAsync("W123456789", "AETNA", "RT", "MH");

        Assert.All(For(member, "A", "RT").Concat(For(member, "B", "RT")), b => Assert.Equal("Y", b.AuthorizationRequired));
        Assert.Contains("PRIOR AUTHORIZATION REQUIRED BEFORE ADMISSION", Assert.Single(For(member, "A", "RT")).Messages);
        Assert.Equal("N", Assert.Single(For(member, "A", "MH")).AuthorizationRequired);
    }

    [Fact]
    public async Task TRICARE_authorizes_every_facility_level_of_care_first()
    {
        var member = await EligibilityAsync("T987654321", "TRICARE WEST", "AI", "RT", "A7", "48", "BB", "MH", "A8");

        Assert.Equal("TRICARE PRIME", Assert.Single(member.Benefits, b => b.Code == "1").PlanDescription);
        foreach (var type in new[] { "AI", "RT", "A7", "48", "BB" })
        {
            Assert.Equal("Y", Assert.Single(For(member, "A", type)).AuthorizationRequired);
        }

        Assert.Equal("N", Assert.Single(For(member, "A", "MH")).AuthorizationRequired);
        Assert.Equal("N", Assert.Single(For(member, "A", "A8")).AuthorizationRequired);
    }

    [Theory]
    [InlineData("CIGNA HEALTHCARE", "OPEN ACCESS PLUS")]
    [InlineData("Tricare East", "TRICARE PRIME")]
    [InlineData("BLUE CROSS BLUE SHIELD", "PPO PLAN")]
    public async Task The_plan_is_named_after_the_payer(string payer, string plan)
    {
        var member = await EligibilityAsync("W123456789", payer);

        Assert.Equal(plan, Assert.Single(member.Benefits, b => b.Code == "1").PlanDescription);
    }

    [Fact]
    public async Task Member_id_ending_42_is_a_payer_unable_to_respond()
    {
        var answer = X12Requests.Read271(await _simulator.AnswerEligibilityAsync(X12Requests.Write(X12Requests.Eligibility("W123456742"))));

        Assert.Equal([new RequestError(false, "42", "R")], answer.Payer.Errors);
        Assert.All(answer.Subscribers, s => Assert.Empty(s.Benefits));
    }

    [Theory]
    [InlineData("W123456772", "72")]
    [InlineData("W123456773", "73")]
    [InlineData("W123456775", "75")]
    public async Task Member_ids_ending_72_73_75_are_rejected_at_the_subscriber(string memberId, string reason)
    {
        var member = await EligibilityAsync(memberId);

        Assert.Equal([new RequestError(false, reason, "C")], member.Errors);
        Assert.Empty(member.Benefits);
        Assert.Equal(["TRACE1"], member.TraceNumbers);
    }

    [Fact]
    public async Task Member_id_ending_04_is_inactive()
    {
        var member = await EligibilityAsync("W123456704");

        var inactive = Assert.Single(member.Benefits);
        Assert.Equal(("6", "IND"), (inactive.Code, inactive.CoverageLevel));
        Assert.Equal(["30"], inactive.ServiceTypes);
    }

    [Fact]
    public async Task Member_id_ending_03_is_an_HMO_that_has_no_out_of_network_benefits()
    {
        var member = await EligibilityAsync("W123456703", "AETNA", "AI", "MH");

        Assert.Equal("HM", Assert.Single(member.Benefits, b => b.Code == "1").InsuranceType);
        var outOfNetwork = member.Benefits.Where(b => b.Code != "1").ToList();
        Assert.Equal(["AI", "MH"], outOfNetwork.SelectMany(b => b.ServiceTypes));
        Assert.All(outOfNetwork, b =>
        {
            Assert.Equal("N", b.InNetwork);
            Assert.Contains("OUT-OF-NETWORK BENEFITS NOT AVAILABLE", b.Messages);
        });
        Assert.DoesNotContain(member.Benefits, b => b.InNetwork == "Y");
    }

    [Fact]
    public async Task Member_id_ending_02_has_behavioural_health_carved_out_to_another_organisation()
    {
        var member = await EligibilityAsync("W123456702", "CIGNA", "30", "AI", "MH");

        Assert.Equal("OPEN ACCESS PLUS", Assert.Single(member.Benefits, b => b.Code == "1").PlanDescription);
        var carveOut = Assert.Single(member.Benefits, b => b.Code == "U");
        Assert.Null(carveOut.CoverageLevel);
        Assert.Equal(["AI", "MH"], carveOut.ServiceTypes);
        var partner = Assert.Single(carveOut.Entities);
        Assert.Equal(("PR", "EVERNORTH BEHAVIORAL HEALTH", "8005550147"), (partner.EntityCode, partner.Name, partner.Phone));
        Assert.All(member.Benefits, b => Assert.Null(b.Amount ?? b.Percent));
    }

    [Fact]
    public async Task Member_id_ending_09_is_a_slow_payer_that_answers_after_the_configured_delay()
    {
        var answering = _simulator.AnswerEligibilityAsync(X12Requests.Write(X12Requests.Eligibility("W123456709")));

        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.False(answering.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1));

        var member = Assert.Single(X12Requests.Read271(await answering).Subscribers);
        Assert.Equal("PPO PLAN", Assert.Single(member.Benefits, b => b.Code == "1").PlanDescription);
    }

    [Fact]
    public async Task A_dependents_benefits_and_trace_come_back_in_the_dependents_loop()
    {
        var request = X12Requests.Eligibility("W123456789") with { Dependent = new RequestedMember(null, "DOE", "SAM", new DateOnly(2008, 1, 2), "M") };

        var subscriber = Assert.Single(X12Requests.Read271(await _simulator.AnswerEligibilityAsync(X12Requests.Write(request))).Subscribers);

        Assert.Equal("W123456789", subscriber.MemberId);
        Assert.Empty(subscriber.Benefits);
        var dependent = Assert.Single(subscriber.Dependents);
        Assert.Equal("SAM", dependent.FirstName);
        Assert.Equal(["TRACE1"], dependent.TraceNumbers);
        Assert.Empty(subscriber.TraceNumbers);
        Assert.Contains(dependent.Benefits, b => b.Code == "1");
    }

    [Fact]
    public void Any_other_member_is_certified_in_total_for_the_days_asked_from_the_admission_date()
    {
        var response = Review(X12Requests.Review("W123456789", days: 14));

        var decision = Assert.Single(response.Decisions);
        Assert.Equal(("EV", "A1", "AI"), (decision.Level, decision.ActionCode, decision.ServiceType));
        Assert.Matches("^AUTH[0-9]{8}$", decision.CertificationNumber);
        Assert.Equal((X12Requests.AdmissionDate, X12Requests.AdmissionDate.AddDays(13)), (decision.CertifiedBegin, decision.CertifiedEnd));
        Assert.Equal(("DY", 14m), (decision.QuantityQualifier, decision.Quantity));
        Assert.Equal(["UMTRACE1"], decision.TraceNumbers);
        Assert.Equal(("W123456789", "DOE"), (response.Subscriber!.MemberId, response.Subscriber.LastName));
    }

    [Fact]
    public void The_certification_number_is_the_same_for_the_same_request_and_differs_for_another()
    {
        var first = Review(X12Requests.Review("W123456789")).Decisions[0].CertificationNumber;
        var again = Review(X12Requests.Review("W123456789")).Decisions[0].CertificationNumber;
        var other = Review(X12Requests.Review("W123456789", trace: "UMTRACE2")).Decisions[0].CertificationNumber;

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Member_id_ending_05_is_pended_the_first_time_and_certified_when_asked_again()
    {
        var first = Review(X12Requests.Review("W123456705")).Decisions[0];
        var second = Review(X12Requests.Review("W123456705", trace: "UMTRACE2")).Decisions[0];
        var otherAdmission = Review(X12Requests.Review("W123456705", admission: X12Requests.AdmissionDate.AddDays(30))).Decisions[0];

        Assert.Equal(("A4", "0U", null), (first.ActionCode, first.ReasonCode, first.CertificationNumber));
        Assert.Equal("A1", second.ActionCode);
        Assert.NotNull(second.CertificationNumber);
        Assert.Equal("A4", otherAdmission.ActionCode);
    }

    [Fact]
    public async Task Only_one_of_many_simultaneous_first_requests_is_pended()
    {
        var request = X12Requests.Write(X12Requests.Review("W223456705"));

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => _simulator.AnswerReview(request))));

        Assert.Single(answers, answer => X12Requests.Read278(answer).Decisions[0].ActionCode == "A4");
    }

    [Fact]
    public void Member_id_ending_06_is_not_certified_as_not_medically_necessary()
    {
        var decision = Review(X12Requests.Review("W123456706")).Decisions[0];

        Assert.Equal(("A3", "0F", null), (decision.ActionCode, decision.ReasonCode, decision.CertificationNumber));
        Assert.Null(decision.Quantity);
    }

    [Fact]
    public void Member_id_ending_07_is_certified_in_part_for_half_the_days_rounded_up()
    {
        var decision = Review(X12Requests.Review("W123456707", days: 15)).Decisions[0];

        Assert.Equal("A2", decision.ActionCode);
        Assert.Equal(8m, decision.Quantity);
        Assert.Equal(X12Requests.AdmissionDate.AddDays(7), decision.CertifiedEnd);
    }

    [Theory]
    [InlineData("W123456772", "72")]
    [InlineData("W123456775", "75")]
    public void A_review_for_an_unknown_member_is_rejected_at_the_subscriber(string memberId, string reason)
    {
        var response = Review(X12Requests.Review(memberId));

        Assert.Equal([new RequestError(false, reason, "C")], response.Subscriber!.Errors);
        Assert.All(response.Decisions, d => Assert.Null(d.ActionCode));
    }

    [Fact]
    public void A_review_organization_unable_to_respond_says_so_in_its_own_loop()
    {
        var response = Review(X12Requests.Review("W123456742"));

        Assert.Equal([new RequestError(false, "42", "R")], response.ReviewOrganization.Errors);
        Assert.All(response.Decisions, d => Assert.Null(d.ActionCode));
    }

    [Fact]
    public async Task A_payload_that_is_not_the_expected_request_is_invalid_data()
    {
        await Assert.ThrowsAsync<InvalidDataException>(() => _simulator.AnswerEligibilityAsync("not X12 at all"));
        await Assert.ThrowsAsync<InvalidDataException>(() => _simulator.AnswerEligibilityAsync(X12Requests.Write(X12Requests.Review("W123456789"))));
        Assert.Throws<InvalidDataException>(() => _simulator.AnswerReview(X12Requests.Write(X12Requests.Eligibility("W123456789"))));
    }
}
