using Admissions.Application.Common;
using Admissions.Application.Insurance;
using Admissions.Application.Placement;
using Admissions.Domain.Auditing;
using Admissions.Domain.Care;
using Admissions.Domain.Insurance;
using Microsoft.EntityFrameworkCore;
using static Admissions.Application.Tests.Insurance.ClearinghouseScript;
using static Admissions.Application.Tests.Insurance.InsuranceSetup;

namespace Admissions.Application.Tests.Insurance;

public class GetInsuranceTests
{
    [Fact]
    public async Task Each_policy_says_what_still_stands_between_it_and_a_verification()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host, consent: false, patient: f => f.PatientDateOfBirth = null);
        await host.SendAsync(host.Coordinator, new SavePolicy(insured.InquiryId, null,
            Policy(await PayerIdAsync(host, "Self-pay"), f => f.Rank = PolicyRank.Secondary)));

        var overview = await host.SendAsync(host.Coordinator, new GetInsurance(insured.InquiryId));

        Assert.Equal("INQ-2026-000001", overview.InquiryNumber);
        Assert.Equal([PolicyRank.Primary, PolicyRank.Secondary], overview.Policies.Select(p => p.Rank));
        var aetna = overview.Policies[0];
        Assert.Equal(("Aetna", PayerKind.Commercial, MemberId, "G-4410", true), (aetna.PayerName, aetna.PayerKind, aetna.MemberId, aetna.GroupNumber, aetna.ElectronicVerification));
        Assert.Equal(["the patient's date of birth", "a signed Part 2 consent to disclose to Aetna for payment"], aetna.MissingForVerification);
        var selfPay = overview.Policies[1];
        Assert.False(selfPay.ElectronicVerification);
        Assert.Equal(["Self-pay has no benefits to verify; use the self-pay quote."], selfPay.MissingForVerification);
        Assert.Empty(overview.Consents);
        Assert.Empty(overview.Verifications);
        Assert.Equal(0, overview.DisclosureCount);
    }

    [Fact]
    public async Task A_policy_ready_to_verify_has_nothing_missing_and_shows_its_carve_out()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host, "Cigna");

        var policy = Assert.Single((await host.SendAsync(host.Coordinator, new GetInsurance(insured.InquiryId))).Policies);

        Assert.Empty(policy.MissingForVerification);
        Assert.Equal("Evernorth Behavioral Health", policy.BehavioralCarveOut);
    }

    [Fact]
    public async Task A_completed_verification_comes_with_an_estimate_per_level_at_the_configured_rates_when_no_program_is_set_up()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);
        var checkId = await RequestVerificationAsync(host, insured, LevelOfCare.Residential, LevelOfCare.WithdrawalManagement);
        host.Gateway.Answer271(r => Eligibility(r, ActivePpo("RT", "AI")));
        await host.SendAsSystemAsync(new RunVerification(checkId));

        var overview = await host.SendAsync(host.Clinician, new GetInsurance(insured.InquiryId));

        var verification = Assert.Single(overview.Verifications);
        Assert.Equal((checkId, insured.PolicyId, VerificationState.Completed, 1), (verification.Id, verification.PolicyId, verification.State, verification.Attempts));
        Assert.Equal(1, overview.DisclosureCount);
        var detox = verification.Estimates[0];
        var residential = verification.Estimates[1];
        // One episode, detox first. The plan: 1,500 deductible left, 250 copay per visit (EB06 27), 20% coinsurance,
        // 5,200 out-of-pocket left, 30 days a year.
        // Detox: 7 days at the 1,200 list price = 8,400: 1,500 deductible + 7 x 250 = 1,750 copays + 20% of 5,150 = 1,030: 4,280.
        Assert.Equal((LevelOfCare.WithdrawalManagement, 1200m, 7), (detox.Benefits.Level, detox.DailyRate, detox.Length));
        Assert.Equal((8_400m, 4_280m, 4_120m), (detox.Estimate!.TotalCharge, detox.Estimate.PatientResponsibility, detox.Estimate.PlanPays));
        Assert.Equal((1_500m, 1_750m, 1_030m), (detox.Estimate.Deductible, detox.Estimate.Copays, detox.Estimate.Coinsurance));
        // Residential: 30 days at 850 = 25,500; the deductible is met; 30 x 250 + 20% of 18,000 = 11,100, capped at the 920
        // out-of-pocket left after detox (5,200 - 4,280).
        Assert.Equal((LevelOfCare.Residential, 850m, 30), (residential.Benefits.Level, residential.DailyRate, residential.Length));
        Assert.Equal((25_500m, 920m, 24_580m, 0m), (residential.Estimate!.TotalCharge, residential.Estimate.PatientResponsibility, residential.Estimate.PlanPays, residential.Estimate.Deductible));
        // The episode: the patient pays the deductible once and no more than the out-of-pocket left.
        var episode = verification.Episode!;
        Assert.Equal((33_900m, 5_200m, 28_700m), (episode.TotalCharge, episode.PatientResponsibility, episode.PlanPays));
    }

    [Fact]
    public async Task A_pending_verification_shows_no_estimate_yet()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);
        await RequestVerificationAsync(host, insured);

        var verification = Assert.Single((await host.SendAsync(host.Coordinator, new GetInsurance(insured.InquiryId))).Verifications);

        Assert.Equal(VerificationState.Pending, verification.State);
        Assert.Null(verification.Result);
        Assert.Empty(verification.Estimates);
    }

    [Fact]
    public async Task Self_pay_quotes_cover_every_level_at_the_discounted_daily_rate()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;

        var quotes = (await host.SendAsync(host.Coordinator, new GetInsurance(inquiryId))).SelfPayQuotes;

        Assert.Equal(LevelsOfCare.All, quotes.Select(q => q.Level));
        var residential = Assert.Single(quotes, q => q.Level == LevelOfCare.Residential);
        Assert.Equal((850m, 30, 25_500m, 20_400m, 0m), (residential.DailyRate, residential.Length, residential.Estimate.TotalCharge,
            residential.Estimate.PatientResponsibility, residential.Estimate.PlanPays));
        var outpatient = Assert.Single(quotes, q => q.Level == LevelOfCare.Outpatient);
        // 12 visits at 150 = 1,800 less 20% = 1,440.
        Assert.Equal(1_440m, outpatient.Estimate.PatientResponsibility);
    }

    [Fact]
    public async Task Quotes_use_the_average_of_the_active_programs_at_a_level_and_the_configured_rate_where_there_is_none()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;
        var facility = await host.SendAsync(host.Admin, new SaveFacility(null, new FacilityForm { Name = "Riverbend", TimeZoneId = "America/Los_Angeles" }));
        await ProgramAsync(host, facility, "Adult Residential", 900m, 28);
        await ProgramAsync(host, facility, "Women's Residential", 1000m, 31);
        await ProgramAsync(host, facility, "Closed Residential", 5000m, 90, active: false);

        var quotes = (await host.SendAsync(host.Coordinator, new GetInsurance(inquiryId))).SelfPayQuotes;

        var residential = Assert.Single(quotes, q => q.Level == LevelOfCare.Residential);
        // (900 + 1,000) / 2 = 950 a day; (28 + 31) / 2 = 29.5, rounded to 30 days.
        Assert.Equal((950m, 30), (residential.DailyRate, residential.Length));
        var detox = Assert.Single(quotes, q => q.Level == LevelOfCare.WithdrawalManagement);
        Assert.Equal((1200m, 7), (detox.DailyRate, detox.Length));
    }

    private static Task<Guid> ProgramAsync(TestHost host, Guid facility, string name, decimal rate, int days, bool active = true) =>
        host.SendAsync(host.Admin, new SaveProgram(null, new ProgramForm
        {
            FacilityId = facility,
            Name = name,
            Level = LevelOfCare.Residential,
            DailyRate = rate,
            TypicalLengthOfStayDays = days,
            IsActive = active,
        }));

    [Fact]
    public async Task Reading_the_insurance_page_is_audited_and_refused_to_business_development()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);

        await host.SendAsync(host.Coordinator, new GetInsurance(insured.InquiryId));
        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.BusinessDevelopment, new GetInsurance(insured.InquiryId)));

        var view = await host.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditAction.View));
        Assert.Equal((nameof(InsurancePolicy), insured.InquiryId.ToString()), (view.EntityType, view.EntityId));
        Assert.Equal((host.Coordinator.Id, host.Coordinator.Name, TestHost.IpAddress), (view.UserId, view.UserName, view.IpAddress));
        Assert.Equal(TestHost.StartTime, view.OccurredAt);
    }

    [Fact]
    public async Task The_insurance_of_an_inquiry_that_does_not_exist_is_not_found()
    {
        await using var host = await TestHost.StartAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => host.SendAsync(host.Coordinator, new GetInsurance(Guid.NewGuid())));
    }

    [Fact]
    public async Task The_raw_x12_is_only_for_managers_and_utilization_review_and_reading_it_is_audited()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);
        var checkId = await RequestVerificationAsync(host, insured);
        host.Gateway.Answer271(r => Eligibility(r, ActivePpo("RT")));
        await host.SendAsSystemAsync(new RunVerification(checkId));

        var exchanges = await host.SendAsync(host.UtilizationReview, new GetX12Exchanges(insured.InquiryId, checkId));
        var otherInquiry = await host.SendAsync(host.UtilizationReview, new GetX12Exchanges(Guid.NewGuid(), checkId));
        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.Coordinator, new GetX12Exchanges(insured.InquiryId, checkId)));

        var exchange = Assert.Single(exchanges);
        Assert.Equal("270", exchange.TransactionType);
        Assert.Contains("*MI*" + MemberId, exchange.Request, StringComparison.Ordinal);
        Assert.Contains("EB*C*IND*RT", exchange.Response, StringComparison.Ordinal);
        Assert.Empty(otherInquiry);
        var views = await host.QueryAsync(db => db.AuditEntries.Where(e => e.Action == AuditAction.View && e.EntityType == nameof(X12Exchange)).ToListAsync());
        Assert.Equal(2, views.Count);
        Assert.All(views, v => Assert.Equal((checkId.ToString(), host.UtilizationReview.Id), (v.EntityId, v.UserId)));
    }
}
