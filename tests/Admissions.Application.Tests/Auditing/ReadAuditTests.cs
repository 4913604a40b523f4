using Admissions.Application.Inquiries;
using Admissions.Application.Insurance;
using Admissions.Domain.Auditing;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Microsoft.EntityFrameworkCore;
using static Admissions.Application.Tests.Insurance.ClearinghouseScript;
using static Admissions.Application.Tests.Insurance.InsuranceSetup;

namespace Admissions.Application.Tests.Auditing;

/// <summary>What a read records: what the person searched for, and every record it showed.</summary>
public class ReadAuditTests
{
    private static Task<AuditEntry> LastViewAsync(TestHost host, string entityType) =>
        host.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditAction.View && e.EntityType == entityType).OrderByDescending(e => e.Id).FirstAsync());

    [Fact]
    public async Task A_list_search_is_recorded_with_what_was_searched_for_and_the_filters()
    {
        await using var host = await TestHost.StartAsync();
        await host.CreateInquiryAsync(TestForms.Valid());

        await host.SendAsync(host.Clinician, new ListInquiries(
            new InquiryFilter
            {
                Search = " lopez al ",
                Stages = [InquiryStage.New, InquiryStage.Contacted],
                Source = InquirySource.Referral,
                OpenOnly = true,
                CreatedFrom = new DateOnly(2026, 3, 1),
                CreatedTo = new DateOnly(2026, 3, 10)
            },
            InquirySort.PatientName, Application.Common.SortDirection.Ascending)
        { Page = new(1, 25) });

        var entry = await LastViewAsync(host, "InquiryList");
        Assert.Equal(host.Clinician.Id, entry.UserId);
        Assert.Equal("rows 26-50", entry.EntityId);
        Assert.Equal(
            "search \"lopez al\"; stages New, Contacted; open only; source Referral; created 2026-03-01 to 2026-03-10; sorted by PatientName Ascending",
            entry.Fields);
    }

    [Fact]
    public async Task A_plain_list_page_is_recorded_with_its_sort()
    {
        await using var host = await TestHost.StartAsync();

        await host.SendAsync(host.Coordinator, new ListInquiries(new InquiryFilter()));

        var entry = await LastViewAsync(host, "InquiryList");
        Assert.Equal(("rows 1-25", "sorted by CreatedAt Descending"), (entry.EntityId, entry.Fields));
    }

    [Fact]
    public async Task The_queues_are_recorded_with_their_filters()
    {
        await using var host = await TestHost.StartAsync();

        await host.SendAsync(host.Coordinator, new ListVerifications([VerificationState.NeedsManual], null, MineOnly: true));
        await host.SendAsync(host.UtilizationReview, new ListAuthorizations([], ReviewDueOnly: true));

        Assert.Equal("states NeedsManual; payer any; mine only", (await LastViewAsync(host, "VerificationQueue")).Fields);
        Assert.Equal("statuses all; review due only", (await LastViewAsync(host, "AuthorizationQueue")).Fields);
    }

    [Fact]
    public async Task Viewing_raw_x12_is_recorded_against_the_inquiry_as_well_as_the_verification()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);
        var checkId = await RequestVerificationAsync(host, insured);
        host.Gateway.Answer271(r => Eligibility(r, ActivePpo("RT")));
        await host.SendAsSystemAsync(new RunVerification(checkId));

        await host.SendAsync(host.UtilizationReview, new GetX12Exchanges(insured.InquiryId, checkId));

        var x12 = await LastViewAsync(host, nameof(X12Exchange));
        var inquiry = await LastViewAsync(host, nameof(Inquiry));
        Assert.Equal((checkId.ToString(), host.UtilizationReview.Id), (x12.EntityId, x12.UserId));
        Assert.Equal((insured.InquiryId.ToString(), host.UtilizationReview.Id), (inquiry.EntityId, inquiry.UserId));
        Assert.Equal($"Through X12Exchange {checkId}", inquiry.Fields);
        // The inquiry's own trail, as an admin filters the audit log by record, now lists the X12 view.
        var trail = await host.SendAsync(host.Admin, new Application.Auditing.ListAuditEntries(
            new Application.Auditing.AuditFilter(EntityType: nameof(Inquiry), EntityId: insured.InquiryId.ToString(), Action: AuditAction.View)));
        Assert.Contains(trail.Items, e => e.Fields == $"Through X12Exchange {checkId}");
    }
}
