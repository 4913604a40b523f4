using System.Security.Cryptography;
using System.Text;

namespace Admissions.Edi.Tests;

/// <summary>The third-party corpus in Fixtures/peer; SOURCES.md documents each file's quirks.</summary>
public class PeerFixtureTests
{
    private const string OffByOne = "peer/SeamlessMedical_TigerShark__5010-271-3.txt";

    public static TheoryData<string> AllFixtures() => new(Fixtures.All());

    [Theory]
    [MemberData(nameof(AllFixtures))]
    public void Every_fixture_reads_except_the_one_with_a_wrong_se01(string name)
    {
        if (name == OffByOne)
        {
            Assert.Throws<X12ParseException>(() => X12.Read(Fixtures.Text(name)));
            return;
        }

        Assert.NotEmpty(X12.Read(Fixtures.Text(name)).Transactions);
    }

    [Fact]
    public void The_peer_files_are_the_byte_for_byte_copies_sources_md_lists()
    {
        var sources = Fixtures.Text("peer/SOURCES.md");
        var files = Fixtures.All().Where(name => name.StartsWith("peer", StringComparison.Ordinal)).ToList();

        Assert.Equal(21, files.Count);
        Assert.All(files, name => Assert.Contains(GitBlobId(name), sources, StringComparison.Ordinal));
        Assert.Equal(6, Directory.GetFiles(Path.Combine(Fixtures.Directory, "peer", "LICENSES")).Length);
    }

    [Fact]
    public void A_wrong_se01_count_is_rejected_naming_both_counts()
    {
        var exception = Assert.Throws<X12ParseException>(() => X12.Read(Fixtures.Text(OffByOne)));

        Assert.Equal("SE01 declares 118 segments, but transaction set 271 0001 has 117 (ST to SE inclusive)", exception.Reason);
        Assert.Equal(118, exception.SegmentIndex);
        Assert.Equal("SE|", Fixtures.Text(OffByOne).Substring(exception.Offset - 3, 3));
    }

    [Fact]
    public void With_its_count_corrected_the_off_by_one_file_reads_in_full()
    {
        var text = Fixtures.Text(OffByOne).Replace("SE|118|0001", "SE|117|0001", StringComparison.Ordinal);

        var subscriber = Assert.Single(Single<EligibilityResponse>(text).Subscribers);

        Assert.Equal(26, subscriber.Benefits.Count);
        Assert.Equal(61, subscriber.Benefits.Sum(b => b.Messages.Count));
        Assert.Equal(["231231534"], subscriber.TraceNumbers);
        Assert.Equal(0.3m, subscriber.Benefits[1].Percent);
        Assert.Equal(3641.87m, subscriber.Benefits.Single(b => b is { Code: "C", CoverageLevel: "IND", TimePeriod: "29", InNetwork: "Y" }).Amount);
    }

    [Fact]
    public void Bom_indentation_and_crlf_are_layout_not_data()
    {
        var text = Fixtures.Text("peer/Inteligenz_X12Parser__From_georgiosd.txt");
        Assert.Equal('\uFEFF', text[0]);
        Assert.Contains("~\r\n  GS", text, StringComparison.Ordinal);

        var response = Single<EligibilityResponse>(text);

        Assert.Equal(("41439", "6A9402DB-1857-43D3-8396-1DF01A7E3440"), (response.ControlNumber, response.Reference));
        var subscriber = Assert.Single(response.Subscribers);
        Assert.Equal(new RequestError(true, "42", "R"), Assert.Single(subscriber.Errors));
        Assert.Equal((new DateOnly(2001, 10, 3), "M"), (subscriber.BirthDate, subscriber.Gender));
        Assert.Equal("P", Assert.Single(subscriber.Benefits).Code);
    }

    [Fact]
    public void A_153_transaction_batch_keeps_pipes_in_plan_text_and_routes_on_st01_despite_gs01_hs()
    {
        var text = Fixtures.Text("peer/Kartik-Hirijaganer_X12-Parser-Encoder__gainwell_271_redacted.edi");
        Assert.Contains("GS*HS*", text, StringComparison.Ordinal);

        var responses = X12.Read(text).Transactions.Cast<EligibilityResponse>().ToList();

        Assert.Equal(153, responses.Count);
        Assert.Equal(Enumerable.Range(1, 153).Select(n => $"{n:0000}"), responses.Select(r => r.ControlNumber));
        var first = Assert.Single(responses[0].Subscribers);
        Assert.Equal(("SUB000001", "MEMBER001", "TEST001"), (first.MemberId, first.LastName, first.FirstName));
        var plan = Assert.Single(first.Benefits);
        Assert.Equal(("1", "MC", "TEST PLAN|A001|MEDICAID"), (plan.Code, plan.InsuranceType, plan.PlanDescription));
        Assert.Equal(["30", "1", "35", "47", "48", "50", "86", "88", "AL", "MH"], plan.ServiceTypes);
        Assert.Equal(new BenefitEntity("P5", "PLAN SPONSOR 001", null, "8665550001"), Assert.Single(plan.Entities));

        var members = responses.Select(r => Assert.Single(r.Subscribers)).ToList();
        var rejected = members.Where(m => m.Errors.Count > 0).ToList();
        Assert.Equal(13, rejected.Count);
        Assert.All(rejected, m => Assert.Empty(m.Benefits));
        Assert.Equal(["71", "73", "75"], rejected.Select(m => Assert.Single(m.Errors)).Select(e => e.Code).Distinct().Order());
        Assert.All(rejected, m => Assert.Equal((false, "C"), (m.Errors[0].Valid, m.Errors[0].FollowUp)));
        Assert.Equal(140, members.Sum(m => m.Benefits.Sum(b => b.Entities.Count)));
    }

    [Fact]
    public void Pipe_elements_and_brace_repeats_read_a_clearinghouse_style_response()
    {
        var response = Single<EligibilityResponse>(Fixtures.Text("peer/jdavisp3_TigerShark__271-example-3.txt"));

        Assert.Equal(("MEDICA COM", "123456789"), (response.Payer.Name, response.Payer.Id));
        Assert.Equal("James", response.Receiver.Name);
        var subscriber = Assert.Single(response.Subscribers);
        Assert.Equal(["434343434"], subscriber.TraceNumbers);
        Assert.Equal((new DateOnly(2016, 2, 1), new DateOnly(2014, 12, 8)), (subscriber.PlanBegin, subscriber.EligibilityBegin));
        Assert.Equal(19, subscriber.Benefits.Count);
        Assert.Equal(27, subscriber.Benefits.Sum(b => b.Messages.Count));
        Assert.Equal(["PCP SELECTION NOT REQUIRED"], subscriber.Benefits[0].Messages);
        var payerContact = subscriber.Benefits[1];
        Assert.Equal("W", payerContact.Code);
        Assert.Equal(new BenefitEntity("PR", "Mala Compania", null, null), Assert.Single(payerContact.Entities));
        Assert.Equal(["1", "33", "47", "48", "50", "86", "98", "UC", "AL", "MH", "88"], subscriber.Benefits[8].ServiceTypes);
        Assert.Equal(["Y", "N"], subscriber.Benefits.Select(b => b.InNetwork).OfType<string>().Distinct());
    }

    [Fact]
    public void A_related_entity_attaches_to_the_eb_before_its_ls()
    {
        var afterLastCopay = Single<EligibilityResponse>(Fixtures.Text(
            "peer/kputnam_stupidedi__response-to-generic-request-by-clinic-for-patient-_subscriber_-eligibility.edi")).Subscribers[0];
        var afterLimitation = Single<EligibilityResponse>(Fixtures.Text(
            "peer/LinuxForHealth_x12__subscriber-health-benefit-check.271")).Subscribers[0];

        var provider = new BenefitEntity("P3", "JONES", "0202034", null);
        Assert.Equal(provider, Assert.Single(afterLastCopay.Benefits[4].Entities));
        Assert.Equal(1, afterLastCopay.Benefits.Sum(b => b.Entities.Count));
        Assert.Equal(["1", "33", "35", "47", "86", "88", "98", "AL", "MH", "UC"], afterLastCopay.Benefits[3].ServiceTypes);
        Assert.Equal((10m, "Y"), (afterLastCopay.Benefits[3].Amount, afterLastCopay.Benefits[3].InNetwork));
        Assert.Equal((30m, "N"), (afterLastCopay.Benefits[4].Amount, afterLastCopay.Benefits[4].InNetwork));

        Assert.Equal("L", afterLimitation.Benefits[1].Code);
        Assert.Equal(provider, Assert.Single(afterLimitation.Benefits[1].Entities));
        Assert.Equal("10.00", afterLimitation.Benefits[3].Amount!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("peer/kputnam_stupidedi__response-to-generic-request-by-physician-for-patient-_dependent_-eligibility.edi")]
    [InlineData("peer/LinuxForHealth_x12__dependent-health-benefit-check.271")]
    public void Dependent_benefits_sit_in_the_dependent_loop(string name)
    {
        var subscriber = Assert.Single(Single<EligibilityResponse>(Fixtures.Text(name)).Subscribers);

        Assert.Equal(("SMITH", "JOHN", "123456789"), (subscriber.LastName, subscriber.FirstName, subscriber.MemberId));
        Assert.Empty(subscriber.Benefits);
        Assert.Empty(subscriber.TraceNumbers);
        var dependent = Assert.Single(subscriber.Dependents);
        Assert.Equal(("SMITH", "MARY", null), (dependent.LastName, dependent.FirstName, dependent.MemberId));
        Assert.Equal(["93175-012547"], dependent.TraceNumbers);
        Assert.Equal((new DateOnly(1998, 10, 14), "F", new DateOnly(2006, 1, 1)), (dependent.BirthDate, dependent.Gender, dependent.PlanBegin));
        Assert.Equal(["1", "L", "1", "B", "B"], dependent.Benefits.Select(b => b.Code));
        Assert.Single(dependent.Benefits.SelectMany(b => b.Entities));
    }

    [Theory]
    [InlineData("peer/kputnam_stupidedi__error-response-from-payer-to-clinic-not-eligible-for-inquiries-with-payer.edi")]
    [InlineData("peer/SeamlessMedical_TigerShark__5010-271-5.txt")]
    public void A_provider_not_eligible_for_inquiries_is_reported_on_the_receiver(string name)
    {
        var response = Single<EligibilityResponse>(Fixtures.Text(name));

        Assert.Equal(("BONE AND JOINT CLINIC", "2000035"), (response.Receiver.Name, response.Receiver.Id));
        Assert.Equal(new RequestError(true, "50", "N"), Assert.Single(response.Receiver.Errors));
        Assert.Empty(response.Payer.Errors);
        Assert.Empty(response.Subscribers);
    }

    [Fact]
    public void A_rejected_subscriber_is_accepted_under_a_gs01_of_hs()
    {
        var subscriber = Assert.Single(Single<EligibilityResponse>(Fixtures.Text(
            "peer/Kartik-Hirijaganer_X12-Parser-Encoder__271_rejected_subscriber.x12")).Subscribers);

        Assert.Equal(new RequestError(false, "72", "C"), Assert.Single(subscriber.Errors));
        Assert.Equal(["TRACE0002"], subscriber.TraceNumbers);
    }

    [Fact]
    public void A_bang_terminator_with_tilde_repeats_reads()
    {
        var request = Single<EligibilityRequest>(Fixtures.Text("peer/Kartik-Hirijaganer_X12-Parser-Encoder__270_custom_delimiters.x12"));

        Assert.Equal(("DOE", "CUSTOM", "000123453"), (request.Subscriber.LastName, request.Subscriber.FirstName, request.Subscriber.MemberId));
        Assert.Equal(("TRACE0003", "9877281234"), (request.TraceNumber, request.TraceOriginator));
        Assert.Equal(["30"], request.ServiceTypes);
    }

    [Fact]
    public void Two_inquiries_in_one_group_read_in_order()
    {
        var requests = X12.Read(Fixtures.Text("peer/Kartik-Hirijaganer_X12-Parser-Encoder__270_batch_multi.x12")).Transactions
            .Cast<EligibilityRequest>().ToList();

        Assert.Equal([("0001", "TRACE0001", "PATIENT"), ("0002", "TRACE0002", "JANE")],
            requests.Select(r => (r.ControlNumber, r.TraceNumber, r.Subscriber.FirstName!)));
    }

    [Fact]
    public void A_dependent_inquiry_takes_the_trace_from_the_dependent_loop()
    {
        var request = Single<EligibilityRequest>(Fixtures.Text("peer/LinuxForHealth_x12__dependent-health-benefit-check.270"));

        Assert.Equal(new RequestedMember("11122333301", "", null, null, null), request.Subscriber);
        Assert.Equal(new RequestedMember(null, "SMITH", "MARY", new DateOnly(1978, 10, 14), null), request.Dependent);
        Assert.Equal(("93175-012547", new DateOnly(2006, 5, 1)), (request.TraceNumber, request.ServiceDate));
        Assert.Equal(("JONES", "2000034"), (request.Provider.Name, request.Provider.Id));
    }

    [Fact]
    public void Review_requests_read_their_patient_event()
    {
        var referral = Single<ServiceReviewRequest>(Fixtures.Text("peer/kputnam_stupidedi__referral-request-for-review.edi"));
        var emergency = Single<ServiceReviewRequest>(Fixtures.Text("peer/kputnam_stupidedi__emergency-admission-request-for-review.edi"));
        var reservation = Single<ServiceReviewRequest>(Fixtures.Text("peer/kputnam_stupidedi__request-for-medical-services-reservation.edi"));

        Assert.Equal(("SC", "I", "3", "11"), (referral.RequestCategory, referral.CertificationType, referral.ServiceType, referral.FacilityCode));
        Assert.Equal(("111099", "9012345678", DateOnly.MinValue), (referral.TraceNumber, referral.TraceOriginator, referral.AdmissionDate));
        Assert.Equal(("VS", 1m), (referral.QuantityQualifier, referral.Quantity));
        Assert.Equal(["41090"], referral.Diagnoses);

        Assert.Equal(("GENERAL HOSPITAL", "8189991234"), (emergency.Requester.Name, emergency.Requester.Id));
        Assert.Equal(("AR", "A4", "21", new DateOnly(2005, 5, 5)), (emergency.RequestCategory, emergency.ServiceType, emergency.FacilityCode, emergency.AdmissionDate));
        Assert.Equal(("DY", 3m), (emergency.QuantityQualifier, emergency.Quantity));

        Assert.Equal(("IN", "", "", 0m), (reservation.RequestCategory, reservation.TraceNumber, reservation.QuantityQualifier, reservation.Quantity));
        Assert.Equal((new DateOnly(1958, 3, 22), "M"), (reservation.Subscriber.BirthDate, reservation.Subscriber.Gender));
    }

    [Fact]
    public void Review_responses_read_certified_pended_and_modified_decisions()
    {
        var certified = Single<ServiceReviewResponse>(Fixtures.Text("peer/kputnam_stupidedi__referral-response-to-request-for-review.edi"));
        var pended = Single<ServiceReviewResponse>(Fixtures.Text("peer/kputnam_stupidedi__emergency-admission-response-to-request-for-review.edi"));
        var modified = Single<ServiceReviewResponse>(Fixtures.Text("peer/kputnam_stupidedi__admission-response-to-request-for-review.edi"));

        var a1 = Assert.Single(certified.Decisions);
        Assert.Equal(("EV", "A1", "AUTH0001"), (a1.Level, a1.ActionCode, a1.CertificationNumber));
        Assert.Equal(["111099"], a1.TraceNumbers);
        Assert.Equal((new DateOnly(2005, 5, 2), new DateOnly(2005, 6, 2)), (a1.CertifiedBegin, a1.CertifiedEnd));
        Assert.Equal(("VS", 1m, "3"), (a1.QuantityQualifier, a1.Quantity, a1.ServiceType));

        var a4 = Assert.Single(pended.Decisions);
        Assert.Equal(("A4", null, "0U"), (a4.ActionCode, a4.CertificationNumber, a4.ReasonCode));
        Assert.Equal(["YZZ099"], a4.TraceNumbers);

        Assert.Equal([("EV", "A6", "AUTH0002"), ("SS", "A1", "AUTH0002")],
            modified.Decisions.Select(d => (d.Level, d.ActionCode!, d.CertificationNumber!)));
        Assert.Equal(("DY", 5m), (modified.Decisions[0].QuantityQualifier, modified.Decisions[0].Quantity));
        Assert.Equal(("SMITH", "JOE", "123456789011"), (modified.Subscriber!.LastName, modified.Subscriber.FirstName, modified.Subscriber.MemberId));
        Assert.Equal(("WATSON", "987654"), (modified.Requester.Name, modified.Requester.Id));
    }

    private static T Single<T>(string text)
        where T : X12Transaction =>
        Assert.IsType<T>(Assert.Single(X12.Read(text).Transactions));

    /// <summary>The id git gives a file's content: SHA-1 over "blob {length}\0" and the bytes.</summary>
    private static string GitBlobId(string name)
    {
        var content = File.ReadAllBytes(Path.Combine(Fixtures.Directory, name));
        var header = Encoding.ASCII.GetBytes($"blob {content.Length}\0");
#pragma warning disable CA5350 // Git names blobs by SHA-1; this checks identity, not security.
        return Convert.ToHexStringLower(SHA1.HashData([.. header, .. content]));
#pragma warning restore CA5350
    }
}
