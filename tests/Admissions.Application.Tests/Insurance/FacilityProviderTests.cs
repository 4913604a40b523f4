using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Application.Insurance;
using Admissions.Application.Placement;
using Admissions.Domain.Care;
using Admissions.Domain.Insurance;
using Admissions.Domain.Placement;
using Admissions.Edi;
using Microsoft.EntityFrameworkCore;
using static Admissions.Application.Tests.Insurance.ClearinghouseScript;
using static Admissions.Application.Tests.Insurance.InsuranceSetup;

namespace Admissions.Application.Tests.Insurance;

/// <summary>Each facility is its own provider to payers: its NPI, clearinghouse name and tax id go out in its inquiries' requests.</summary>
public class FacilityProviderTests
{
    private const string PhoenixNpi = "1987654328";

    private static async Task<Guid> PhoenixAsync(TestHost host, string? npi = PhoenixNpi, string? clearinghouseName = "RIVERBEND PHOENIX")
    {
        var id = await host.SendAsync(host.Admin, new SaveFacility(null, new FacilityForm
        {
            Name = "Riverbend Phoenix",
            TimeZoneId = "America/Phoenix",
            Npi = npi,
            TaxId = "86-1234567",
            ClearinghouseProviderName = clearinghouseName,
        }));
        return id;
    }

    /// <summary>An insured inquiry that belongs to <paramref name="facilityId"/>.</summary>
    private static async Task<InsuredInquiry> InsuredAtAsync(TestHost host, Guid facilityId)
    {
        var insured = await InsuredAsync(host);
        await host.SendAsync(host.Coordinator, new ChangeInquiryFacility(insured.InquiryId, facilityId));
        return insured;
    }

    private static Task<string> RequestTextAsync(TestHost host, string transaction) =>
        host.QueryAsync(db => db.X12Exchanges.AsNoTracking().Where(x => x.TransactionType == transaction).Select(x => x.Request).SingleAsync());

    [Fact]
    public async Task The_270_names_the_inquirys_facility_as_the_provider()
    {
        await using var host = await TestHost.StartAsync();
        var phoenix = await PhoenixAsync(host);
        var insured = await InsuredAtAsync(host, phoenix);
        var checkId = await RequestVerificationAsync(host, insured);
        host.Gateway.Answer271(r => Eligibility(r, ActivePpo("RT")));

        await host.SendAsSystemAsync(new RunVerification(checkId));

        var text = await RequestTextAsync(host, "270");
        Assert.Contains($"NM1*1P*2*RIVERBEND PHOENIX*****XX*{PhoenixNpi}~", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1234567893", text, StringComparison.Ordinal);
        Assert.Equal(new Party("RIVERBEND PHOENIX", PhoenixNpi), Read270(text).Provider);
    }

    [Fact]
    public async Task The_278_names_the_inquirys_facility_as_the_requester()
    {
        await using var host = await TestHost.StartAsync();
        var phoenix = await PhoenixAsync(host);
        var insured = await InsuredAtAsync(host, phoenix);
        var authorizationId = await host.SendAsync(host.UtilizationReview, new RequestAuthorization(insured.InquiryId, new AuthorizationRequestForm
        {
            PolicyId = insured.PolicyId,
            Level = LevelOfCare.Residential,
            AdmissionDate = new DateOnly(2026, 3, 12),
            RequestedDays = 14,
            Diagnoses = "F10.20",
            Channel = AuthorizationChannel.Electronic,
        }));
        host.Gateway.Answer278(r => Review(r, Decision(r, "A1", "C1", days: 14)));

        await host.SendAsSystemAsync(new SubmitAuthorization(authorizationId));

        var text = await RequestTextAsync(host, "278");
        Assert.Contains($"*RIVERBEND PHOENIX*****XX*{PhoenixNpi}~", text, StringComparison.Ordinal);
        Assert.Equal(new Party("RIVERBEND PHOENIX", PhoenixNpi), Read278(text).Requester);
    }

    [Fact]
    public async Task A_facility_without_its_own_values_goes_out_under_the_organisations()
    {
        await using var host = await TestHost.StartAsync();
        var phoenix = await PhoenixAsync(host, npi: null, clearinghouseName: " ");
        var insured = await InsuredAtAsync(host, phoenix);
        var checkId = await RequestVerificationAsync(host, insured);
        host.Gateway.Answer271(r => Eligibility(r, ActivePpo("RT")));

        await host.SendAsSystemAsync(new RunVerification(checkId));

        Assert.Equal(new Party("RIVERBEND RECOVERY", "1234567893"), Read270(await RequestTextAsync(host, "270")).Provider);
    }

    [Fact]
    public async Task A_good_faith_estimate_carries_the_facilitys_npi_and_tax_id()
    {
        await using var host = await TestHost.StartAsync();
        var phoenix = await PhoenixAsync(host);
        var inquiryId = (await host.CreateInquiryAsync(TestForms.Valid(f => f.FacilityId = phoenix))).InquiryId!.Value;

        var id = await host.SendAsync(host.Coordinator, new PrepareGoodFaithEstimate(inquiryId, [LevelOfCare.Residential]));

        var estimate = await host.QueryAsync(db => db.GoodFaithEstimates.AsNoTracking().SingleAsync(g => g.Id == id));
        Assert.Equal(("Riverbend Phoenix", PhoenixNpi, "861234567"), (estimate.ProviderName, estimate.ProviderNpi, estimate.ProviderTaxId));
    }

    [Theory]
    [InlineData("1234567893", true)]
    [InlineData(PhoenixNpi, true)]
    [InlineData("1234567890", false)]
    [InlineData("123456789", false)]
    [InlineData("12345678931", false)]
    [InlineData("12345A7893", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void An_npi_is_ten_digits_with_the_luhn_check_digit_cms_defines(string? npi, bool valid) =>
        Assert.Equal(valid, Facility.IsValidNpi(npi));

    [Theory]
    [InlineData("86-1234567", "861234567")]
    [InlineData("861234567", "861234567")]
    [InlineData("86-123456", null)]
    [InlineData("86-12345678", null)]
    [InlineData("8612345AB", null)]
    public void A_tax_id_is_nine_digits_with_or_without_the_dash(string taxId, string? digits) =>
        Assert.Equal(digits, Facility.TaxIdDigits(taxId));

    [Fact]
    public async Task Saving_a_facility_checks_the_npi_tax_id_and_clearinghouse_name_at_their_fields()
    {
        await using var host = await TestHost.StartAsync();

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => host.SendAsync(host.Admin, new SaveFacility(null, new FacilityForm
        {
            Name = "Riverbend Phoenix",
            TimeZoneId = "America/Phoenix",
            Npi = "1234567890",
            TaxId = "86-12345",
            ClearinghouseProviderName = "RIVERBEND*PHOENIX",
        })));

        Assert.Contains("10-digit NPI", Assert.Single(error.Errors["Form.Npi"]), StringComparison.Ordinal);
        Assert.Equal(["Enter the 9-digit tax id (EIN), e.g. 12-3456789."], error.Errors["Form.TaxId"]);
        Assert.Contains("cannot contain", Assert.Single(error.Errors["Form.ClearinghouseProviderName"]), StringComparison.Ordinal);
        Assert.Equal(0, await host.QueryAsync(db => db.Facilities.CountAsync()));
        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.Manager, new SaveFacility(null, new FacilityForm { Name = "X" })));
    }

    [Fact]
    public async Task An_admin_sees_and_edits_a_facilitys_provider_values()
    {
        await using var host = await TestHost.StartAsync();
        var phoenix = await PhoenixAsync(host);

        await host.SendAsync(host.Admin, new SaveFacility(phoenix, new FacilityForm
        {
            Name = "Riverbend Phoenix",
            TimeZoneId = "America/Phoenix",
            Npi = " 1234567893 ",
            TaxId = "",
            ClearinghouseProviderName = "RB PHX",
        }));

        var facility = Assert.Single((await host.SendAsync(host.Admin, new GetPlacementSetup())).Facilities);
        Assert.Equal(("1234567893", null, "RB PHX"), (facility.Npi, facility.TaxId, facility.ClearinghouseProviderName));
    }
}
