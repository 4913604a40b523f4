using Admissions.Application.Common;
using Admissions.Application.Insurance;
using Admissions.Domain.Common;
using Admissions.Domain.Insurance;
using Microsoft.EntityFrameworkCore;
using static Admissions.Application.Tests.Insurance.InsuranceSetup;

namespace Admissions.Application.Tests.Insurance;

public class PayerImportTests
{
    private const string Good = """
        Payer ID,Payer Name,State,Transactions Supported
        00590,Florida Blue,FL,"270/271; 278; 278 Inquiry; 837P; 835"
        60054,Aetna,ALL,270/271;278
        SX123,"Coastal Health Plan, Inc.",FL;GA,270/271
        """;

    [Fact]
    public async Task The_preview_lists_adds_and_changes_and_writes_nothing()
    {
        await using var host = await TestHost.StartAsync();
        var before = await host.QueryAsync(db => db.Payers.CountAsync());

        var preview = await host.SendAsync(host.Manager, new PreviewPayerImport(Good, "Availity"));

        Assert.Empty(preview.Errors);
        Assert.Equal((1, 1), (preview.Adds, preview.Changes));
        var florida = Assert.Single(preview.Rows, r => r.PayerId == "00590");
        Assert.Equal((PayerImportAction.Change, "Florida Blue"), (florida.Action, florida.MatchedName));
        Assert.Contains("payer id (none) \u2192 00590", florida.Changes);
        Assert.Equal(PayerImportAction.Unchanged, Assert.Single(preview.Rows, r => r.PayerId == "60054").Action);
        var added = Assert.Single(preview.Rows, r => r.Action == PayerImportAction.Add);
        Assert.Equal("Coastal Health Plan, Inc.", added.Name);
        Assert.Equal(["FL", "GA"], added.States);
        Assert.True(preview.CanApply);
        Assert.Equal(before, await host.QueryAsync(db => db.Payers.CountAsync()));
    }

    [Fact]
    public async Task Applying_sets_our_clearinghouse_ids_transactions_and_adds_new_payers()
    {
        await using var host = await TestHost.StartAsync();

        await host.SendAsync(host.Admin, new ApplyPayerImport(Good, "Availity"));

        var florida = await PayerAsync(host, "Florida Blue");
        Assert.Equal("00590", florida.ClearinghousePayerId);
        Assert.True(florida.SupportsReviewInquiry);
        Assert.True(florida.Transactions.HasFlag(PayerTransactions.Claims | PayerTransactions.Remittance));
        var coastal = await PayerAsync(host, "Coastal Health Plan, Inc.");
        Assert.Equal(("SX123", PayerTransactions.Eligibility, false), (coastal.ClearinghousePayerId, coastal.Transactions, coastal.InNetwork));
        var audit = await host.QueryAsync(db => db.AuditEntries.Where(e => e.EntityType == nameof(Payer)).Select(e => new { e.EntityId, e.Action }).ToListAsync());
        Assert.Contains(audit, e => e.EntityId == florida.Id.ToString() && e.Action == Domain.Auditing.AuditAction.Update);
        Assert.Contains(audit, e => e.EntityId == coastal.Id.ToString() && e.Action == Domain.Auditing.AuditAction.Create);
    }

    [Fact]
    public async Task Another_clearinghouses_list_is_kept_beside_ours()
    {
        await using var host = await TestHost.StartAsync();

        await host.SendAsync(host.Admin, new ApplyPayerImport("Payer ID,Payer Name\nAET01,Aetna\n", "Waystar", IsOurClearinghouse: false));

        var aetna = await PayerAsync(host, "Aetna");
        Assert.Equal("60054", aetna.ClearinghousePayerId);
        var other = Assert.Single(aetna.OtherClearinghouseIds);
        Assert.Equal(("Waystar", "AET01"), (other.Clearinghouse, other.PayerId));
        Assert.True(aetna.Matches("AET01"));
    }

    [Fact]
    public async Task Bad_rows_are_listed_with_their_reason_and_nothing_is_written()
    {
        await using var host = await TestHost.StartAsync();
        const string Bad = """
            Payer ID,Payer Name,State,Transactions
            00590,Florida Blue,FL,270/271
            ,No Id Plan,FL,270
            BAD*ID,Star Plan,FL,270
            77777,,TX,270
            88888,Lone Plan,Texas,270
            99999,Fax Plan,FL,fax
            00590,Florida Blue again,FL,270
            """;

        var preview = await host.SendAsync(host.Manager, new PreviewPayerImport(Bad, "Availity"));
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => host.SendAsync(host.Manager, new ApplyPayerImport(Bad, "Availity")));

        Assert.Equal([3, 4, 5, 6, 7, 8], preview.Errors.Select(e => e.Line));
        Assert.Equal("The payer id is missing.", preview.Errors[0].Reason);
        Assert.Contains("letters, digits and hyphens", preview.Errors[1].Reason, StringComparison.Ordinal);
        Assert.Equal("The payer name is missing.", preview.Errors[2].Reason);
        Assert.Contains("\u201cTexas\u201d is not a state code", preview.Errors[3].Reason, StringComparison.Ordinal);
        Assert.Contains("\u201cfax\u201d is not a transaction", preview.Errors[4].Reason, StringComparison.Ordinal);
        Assert.Equal("The payer id 00590 is also on line 2.", preview.Errors[5].Reason);
        Assert.False(preview.CanApply);
        Assert.StartsWith("Nothing was imported: 6 row(s)", refused.Message, StringComparison.Ordinal);
        Assert.Null((await PayerAsync(host, "Florida Blue")).ClearinghousePayerId);
    }

    [Fact]
    public async Task A_file_without_the_header_or_empty_is_refused_and_coordinators_cannot_import()
    {
        await using var host = await TestHost.StartAsync();

        var noHeader = await host.SendAsync(host.Manager, new PreviewPayerImport("00590,Florida Blue\n", "Availity"));

        Assert.StartsWith("The first line must name the columns", Assert.Single(noHeader.Errors).Reason, StringComparison.Ordinal);
        await Assert.ThrowsAsync<RequestValidationException>(() => host.SendAsync(host.Manager, new PreviewPayerImport("", "Availity")));
        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.Coordinator, new PreviewPayerImport(Good, "Availity")));
    }
}
