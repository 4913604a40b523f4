using Admissions.Application.Common;
using Admissions.Application.Insurance;
using Admissions.Domain.Auditing;
using Admissions.Domain.Care;
using Admissions.Domain.Common;
using Admissions.Domain.Insurance;
using Microsoft.EntityFrameworkCore;
using static Admissions.Application.Tests.Insurance.ClearinghouseScript;
using static Admissions.Application.Tests.Insurance.InsuranceSetup;

namespace Admissions.Application.Tests.Insurance;

/// <summary>Single case agreements with out-of-network payers: recorded on the authorization, and used by the estimate.</summary>
public class SingleCaseAgreementTests
{
    /// <summary>The facility calendar's today at <see cref="TestHost.StartTime"/>.</summary>
    private static readonly DateOnly Today = new(2026, 3, 10);

    /// <summary>UnitedHealthcare is out of network in the default payer directory; Aetna is in network.</summary>
    private const string OutOfNetworkPayer = "UnitedHealthcare";

    private static async Task<(InsuredInquiry Insured, Guid AuthorizationId)> AuthorizedAsync(TestHost host, string payer = OutOfNetworkPayer)
    {
        var insured = await InsuredAsync(host, payer);
        var id = await host.SendAsync(host.UtilizationReview, new RequestAuthorization(insured.InquiryId, new AuthorizationRequestForm
        {
            PolicyId = insured.PolicyId,
            Level = LevelOfCare.Residential,
            AdmissionDate = Today,
            RequestedDays = 14,
            Diagnoses = "F10.20",
            Channel = AuthorizationChannel.Portal,
        }));
        return (insured, id);
    }

    private static SingleCaseAgreementForm Agreement(Action<SingleCaseAgreementForm>? change = null)
    {
        var form = new SingleCaseAgreementForm
        {
            Rate = 1_150,
            Basis = AgreementRateBasis.PerDay,
            Units = 14,
            StartsOn = Today,
            EndsOn = Today.AddDays(13),
            ReferenceNumber = "SCA-77120",
            ContactName = "Dana Whitfield",
            ContactPhone = "555-310-2200",
            ContactEmail = "dana.whitfield@uhc.example",
            Notes = "No balance billing for the agreed days.",
        };
        change?.Invoke(form);
        return form;
    }

    private static Task<List<SingleCaseAgreement>> AgreementsAsync(TestHost host) =>
        host.QueryAsync(db => db.SingleCaseAgreements.AsNoTracking().OrderBy(a => a.RecordedAt).ToListAsync());

    [Fact]
    public async Task An_agreement_is_recorded_on_the_authorization_with_the_timeline_and_audit_but_no_disclosure()
    {
        await using var host = await TestHost.StartAsync();
        var (insured, authorizationId) = await AuthorizedAsync(host);
        var disclosuresBefore = (await DisclosuresAsync(host)).Count;

        var id = await host.SendAsync(host.UtilizationReview, new RecordSingleCaseAgreement(authorizationId, Agreement()));

        var authorization = Assert.Single((await host.SendAsync(host.UtilizationReview, new GetInsurance(insured.InquiryId))).Authorizations);
        var agreement = authorization.Agreement!;
        Assert.Equal((id, 1_150m, AgreementRateBasis.PerDay, 14, Today, Today.AddDays(13)),
            (agreement.Id, agreement.Rate, agreement.Basis, agreement.Units, agreement.StartsOn, agreement.EndsOn));
        Assert.Equal(("SCA-77120", "Dana Whitfield", "(555) 310-2200", "dana.whitfield@uhc.example"),
            (agreement.ReferenceNumber, agreement.ContactName, agreement.ContactPhone, agreement.ContactEmail));
        Assert.Equal(("$1,150.00/day × 14 days", "SCA $1,150/day × 14"), (agreement.Terms, agreement.Chip));
        Assert.False(authorization.InNetwork);
        Assert.Contains("Single case agreement with UnitedHealthcare: $1,150.00/day × 14 days, 03/10/2026 to 03/23/2026 (ref SCA-77120)",
            await TimelineAsync(host, insured.InquiryId));
        Assert.Equal(1, await host.QueryAsync(db => db.AuditEntries.CountAsync(e =>
            e.EntityType == nameof(SingleCaseAgreement) && e.EntityId == id.ToString() && e.Action == AuditAction.Create)));
        // Recording what the payer agreed is internal: nothing about the patient left the centre.
        Assert.Equal(disclosuresBefore, (await DisclosuresAsync(host)).Count);
    }

    [Fact]
    public async Task An_in_network_payer_gets_no_single_case_agreement()
    {
        await using var host = await TestHost.StartAsync();
        var (insured, authorizationId) = await AuthorizedAsync(host, "Aetna");

        var error = await Assert.ThrowsAsync<DomainRuleException>(() =>
            host.SendAsync(host.UtilizationReview, new RecordSingleCaseAgreement(authorizationId, Agreement())));

        Assert.Equal("We are in network with Aetna for this level of care: a single case agreement is for an out-of-network payer. The contracted rate applies.", error.Message);
        Assert.Empty(await AgreementsAsync(host));
        Assert.True(Assert.Single((await host.SendAsync(host.UtilizationReview, new GetInsurance(insured.InquiryId))).Authorizations).InNetwork);
    }

    [Fact]
    public async Task Fields_that_are_missing_or_wrong_are_refused_at_the_field()
    {
        await using var host = await TestHost.StartAsync();
        var (_, authorizationId) = await AuthorizedAsync(host);

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => host.SendAsync(host.UtilizationReview,
            new RecordSingleCaseAgreement(authorizationId, Agreement(f =>
            {
                f.Rate = 0;
                f.Units = 10;
                f.ReferenceNumber = " ";
                f.ContactPhone = "555-0100";
                f.ContactEmail = "dana at uhc";
            }))));

        Assert.Equal(["Form.ContactEmail", "Form.ContactPhone", "Form.EndsOn", "Form.Rate", "Form.ReferenceNumber"], error.Errors.Keys.Order());
        Assert.Equal("The agreed rate must be more than $0.", Assert.Single(error.Errors["Form.Rate"]));
        Assert.Equal("A per-day agreement pays each day from the first to the last: 03/10/2026 to 03/23/2026 is 14 days, not 10. Change the days or the last day.",
            Assert.Single(error.Errors["Form.EndsOn"]));
        Assert.Equal("Enter a 10-digit US phone number, e.g. (555) 201-4477.", Assert.Single(error.Errors["Form.ContactPhone"]));
        Assert.Equal("Enter a valid email address.", Assert.Single(error.Errors["Form.ContactEmail"]));
        Assert.Empty(await AgreementsAsync(host));
    }

    [Fact]
    public async Task The_last_day_before_the_first_and_no_way_to_reach_the_payer_contact_are_refused()
    {
        await using var host = await TestHost.StartAsync();
        var (_, authorizationId) = await AuthorizedAsync(host);

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => host.SendAsync(host.UtilizationReview,
            new RecordSingleCaseAgreement(authorizationId, Agreement(f =>
            {
                (f.Basis, f.Units, f.EndsOn) = (AgreementRateBasis.PerUnit, 20, Today.AddDays(-1));
                (f.ContactPhone, f.ContactEmail) = (null, " ");
            }))));

        Assert.Equal("The last day is before the first day.", Assert.Single(error.Errors["Form.EndsOn"]));
        Assert.Equal("Enter the payer contact's phone or email, so billing can reach them.", Assert.Single(error.Errors["Form.ContactPhone"]));
    }

    [Fact]
    public async Task One_agreement_is_active_per_authorization_it_is_changed_in_place_and_a_withdrawn_one_stays_on_record()
    {
        await using var host = await TestHost.StartAsync();
        var (insured, authorizationId) = await AuthorizedAsync(host);
        var first = await host.SendAsync(host.UtilizationReview, new RecordSingleCaseAgreement(authorizationId, Agreement()));

        var twice = await Assert.ThrowsAsync<DomainRuleException>(() =>
            host.SendAsync(host.UtilizationReview, new RecordSingleCaseAgreement(authorizationId, Agreement())));
        Assert.Equal("This authorization already has a single case agreement: change it, or withdraw it before recording another.", twice.Message);

        await host.SendAsync(host.Manager, new ChangeSingleCaseAgreement(first, Agreement(f => (f.Rate, f.Units, f.EndsOn) = (1_200, 10, Today.AddDays(9)))));
        var changed = Assert.Single(await AgreementsAsync(host));
        Assert.Equal((1_200m, 10, Today.AddDays(9), "Morgan Reyes"), (changed.Rate, changed.Units, changed.EndsOn, changed.ChangedByName));

        await host.SendAsync(host.UtilizationReview, new WithdrawSingleCaseAgreement(first, "Payer replaced it with a new agreement"));
        var second = await host.SendAsync(host.UtilizationReview, new RecordSingleCaseAgreement(authorizationId, Agreement(f => f.ReferenceNumber = "SCA-77121")));

        var authorization = Assert.Single((await host.SendAsync(host.UtilizationReview, new GetInsurance(insured.InquiryId))).Authorizations);
        Assert.Equal((second, "SCA-77121"), (authorization.Agreement!.Id, authorization.Agreement.ReferenceNumber));
        var withdrawn = Assert.Single(authorization.WithdrawnAgreements);
        Assert.Equal((first, "Payer replaced it with a new agreement"), (withdrawn.Id, withdrawn.WithdrawnReason));
        Assert.Contains("Single case agreement with UnitedHealthcare withdrawn (ref SCA-77120)", await TimelineAsync(host, insured.InquiryId));
        await Assert.ThrowsAsync<DomainRuleException>(() => host.SendAsync(host.UtilizationReview, new ChangeSingleCaseAgreement(first, Agreement())));
    }

    [Fact]
    public async Task Withdrawing_needs_a_reason()
    {
        await using var host = await TestHost.StartAsync();
        var (_, authorizationId) = await AuthorizedAsync(host);
        var id = await host.SendAsync(host.UtilizationReview, new RecordSingleCaseAgreement(authorizationId, Agreement()));

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => host.SendAsync(host.UtilizationReview, new WithdrawSingleCaseAgreement(id, " ")));

        Assert.Equal("Say why the agreement is withdrawn.", Assert.Single(error.Errors["Reason"]));
        Assert.True(Assert.Single(await AgreementsAsync(host)).IsActive);
    }

    [Fact]
    public async Task Only_those_who_record_authorization_decisions_may_record_change_or_withdraw_an_agreement()
    {
        await using var host = await TestHost.StartAsync();
        var (_, authorizationId) = await AuthorizedAsync(host);
        var id = await host.SendAsync(host.Admin, new RecordSingleCaseAgreement(authorizationId, Agreement()));

        foreach (var user in new[] { host.Coordinator, host.Clinician, host.BusinessDevelopment })
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(user, new RecordSingleCaseAgreement(authorizationId, Agreement())));
            await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(user, new ChangeSingleCaseAgreement(id, Agreement())));
            await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(user, new WithdrawSingleCaseAgreement(id, "no")));
        }

        Assert.Equal(1_150m, Assert.Single(await AgreementsAsync(host)).Rate);
    }

    [Fact]
    public async Task The_estimate_uses_the_agreed_rate_for_the_agreed_days_until_the_agreement_is_withdrawn()
    {
        await using var host = await TestHost.StartAsync();
        var (insured, authorizationId) = await AuthorizedAsync(host);
        var checkId = await RequestVerificationAsync(host, insured, LevelOfCare.Residential);
        host.Gateway.Answer271(r => Eligibility(r, ActivePpo("RT")));
        await host.SendAsSystemAsync(new RunVerification(checkId));
        var before = await ResidentialAsync(host, insured);

        var id = await host.SendAsync(host.UtilizationReview, new RecordSingleCaseAgreement(authorizationId, Agreement()));
        var with = await ResidentialAsync(host, insured);

        // 30 days at the 850 list price (no contracted rate with an out-of-network payer) = 25,500; with the agreement the
        // first 14 are at 1,150 and the other 16 stay at 850: 16,100 + 13,600 = 29,700.
        Assert.Equal((false, 25_500m), (before.Benefits.InNetwork, before.Estimate!.TotalCharge));
        Assert.Equal(29_700m, with.Estimate!.TotalCharge);
        Assert.Equal(14, with.Estimate.AgreedUnits);
        Assert.Contains("Single case agreement SCA-77120: 14 days at the agreed $1,150.00; the other 16 at the usual out-of-network terms.", with.Estimate.Notes);

        await host.SendAsync(host.UtilizationReview, new WithdrawSingleCaseAgreement(id, "Rescinded by the payer"));
        var after = await ResidentialAsync(host, insured);
        Assert.Equal((25_500m, (AgreedRate?)null), (after.Estimate!.TotalCharge, after.Estimate.Agreement));
    }

    [Fact]
    public async Task The_board_shows_the_agreement_on_the_row_and_in_the_csv()
    {
        await using var host = await TestHost.StartAsync();
        var (_, authorizationId) = await AuthorizedAsync(host);
        await host.SendAsync(host.UtilizationReview, new RecordAuthorizationDecision(authorizationId, new AuthorizationDecisionForm
        {
            Status = AuthorizationStatus.Pended,
            PendedReason = "Single case agreement under negotiation",
        }));
        await host.SendAsync(host.UtilizationReview, new RecordSingleCaseAgreement(authorizationId, Agreement()));

        var board = await host.SendAsync(host.UtilizationReview, new GetUtilizationReviewBoard());
        var csv = System.Text.Encoding.UTF8.GetString((await host.SendAsync(host.UtilizationReview, new ExportUtilizationReviewBoard())).Content);

        Assert.Equal("SCA $1,150/day × 14", Assert.Single(board.Pended).Agreement);
        Assert.EndsWith(",Single case agreement", csv.Split('\n')[0].TrimEnd('\r'), StringComparison.Ordinal);
        Assert.Contains("SCA $1,150/day × 14", csv, StringComparison.Ordinal);

        // All authorizations shows it too; a withdrawn agreement leaves no chip behind.
        var list = await host.SendAsync(host.UtilizationReview, new ListAuthorizations([], false));
        Assert.Equal("SCA $1,150/day × 14", Assert.Single(list.Items).Agreement);
        var agreementId = await host.QueryAsync(db => db.SingleCaseAgreements.Select(g => g.Id).SingleAsync());
        await host.SendAsync(host.UtilizationReview, new WithdrawSingleCaseAgreement(agreementId, "Payer brought the facility in network"));
        Assert.Null(Assert.Single((await host.SendAsync(host.UtilizationReview, new ListAuthorizations([], false))).Items).Agreement);
    }

    private static async Task<LevelEstimate> ResidentialAsync(TestHost host, InsuredInquiry insured) =>
        Assert.Single(Assert.Single((await host.SendAsync(host.UtilizationReview, new GetInsurance(insured.InquiryId))).Verifications).Estimates);
}
