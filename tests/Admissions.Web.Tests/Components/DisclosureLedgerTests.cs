using System.Diagnostics.CodeAnalysis;
using Admissions.Application.Common;
using Admissions.Application.Insurance;
using Admissions.Domain.Insurance;
using Admissions.Web.Components.Pages.Insurance;
using Admissions.Web.Tests.Support;
using Bunit;
using Moq;

namespace Admissions.Web.Tests.Components;

[SuppressMessage("Design", "CA1001", Justification = "Disposed in IAsyncLifetime.DisposeAsync: xunit 2 does not call IAsyncDisposable.")]
public sealed class DisclosureLedgerTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly PageTestContext _page = new();
    private readonly Guid _inquiryId = Guid.NewGuid();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _page.DisposeAsync();

    private void Returns(params DisclosureItem[] disclosures) =>
        _page.Sender.Setup(s => s.Send(It.Is<GetDisclosureLedger>(q => q.InquiryId == _inquiryId), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DisclosureLedger(_inquiryId, "INQ-2026-000042", "Alex Smith", new DateOnly(1990, 4, 2),
                "Harbor Recovery Center", disclosures));

    private IRenderedComponent<DisclosureLedgerPage> RenderLedger() =>
        _page.RenderPage<DisclosureLedgerPage>(p => p.Add(x => x.InquiryId, _inquiryId));

    [Fact]
    public void Lists_every_disclosure_with_the_patient_and_the_redisclosure_notice()
    {
        var at = new DateTimeOffset(2026, 3, 9, 18, 5, 0, TimeSpan.Zero);
        Returns(
            new DisclosureItem(at, "Casey Nguyen", "Aetna", DisclosurePurpose.Payment,
                "Eligibility inquiry (X12 270): patient and subscriber name, date of birth", "Clearinghouse, X12 270", "VOB-20260309-0001", at.AddDays(-1), []),
            new DisclosureItem(at.AddHours(2), "Jordan Patel", "Optum Behavioral Health", DisclosurePurpose.Payment | DisclosurePurpose.HealthCareOperations,
                "Prior authorization request (X12 278)", "Clearinghouse, X12 278", null, at.AddDays(-1), []));

        var cut = RenderLedger();

        var ledger = cut.WaitForElement("[data-testid=disclosure-ledger]", Timeout);
        var text = ledger.TextContent;
        Assert.Contains("Accounting of disclosures", text, StringComparison.Ordinal);
        Assert.Contains("Harbor Recovery Center", text, StringComparison.Ordinal);
        Assert.Contains("Alex Smith", text, StringComparison.Ordinal);
        Assert.Contains("04/02/1990", text, StringComparison.Ordinal);
        Assert.Contains("INQ-2026-000042", text, StringComparison.Ordinal);
        Assert.Contains("Generated", text, StringComparison.Ordinal);

        var rows = cut.FindAll("[data-testid=ledger-row]");
        Assert.Equal(2, rows.Count);
        // Instants show in the facility's zone (America/Los_Angeles by default): 18:05 UTC on Mar 9 is 11:05 AM PDT.
        Assert.Contains("Mar 9, 2026 11:05 AM (UTC-07:00)", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Aetna", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Payment", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Eligibility inquiry (X12 270)", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("VOB-20260309-0001", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Casey Nguyen", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Mar 8, 2026", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Payment, Health care operations", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Optum Behavioral Health", rows[1].TextContent, StringComparison.Ordinal);

        Assert.Equal(ConsentDefaults.RedisclosureNotice, cut.Find("[data-testid=redisclosure-notice]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=ledger-empty]"));
        Assert.Equal($"/inquiries/{_inquiryId}?tab=insurance", cut.Find("[data-testid=back-to-inquiry]").GetAttribute("href"));
    }

    [Fact]
    public void A_request_sent_again_shows_as_one_disclosure_with_when_it_was_sent_again()
    {
        var at = new DateTimeOffset(2026, 3, 9, 18, 5, 0, TimeSpan.Zero);
        Returns(new DisclosureItem(at, "Casey Nguyen", "Aetna", DisclosurePurpose.Payment,
            "Eligibility inquiry (X12 270)", "Clearinghouse, X12 270", "VOB-20260309-0001", at.AddDays(-1), [at.AddMinutes(5)]));

        var cut = RenderLedger();

        var row = Assert.Single(cut.WaitForElements("[data-testid=ledger-row]", Timeout));
        var again = Assert.Single(row.QuerySelectorAll("[data-testid=ledger-resend]"));
        Assert.Equal("Sent again Mar 9, 2026 11:10 AM (UTC-07:00) (the same request)", again.TextContent.Trim());
    }

    [Fact]
    public void Says_so_when_nothing_was_disclosed_and_still_carries_the_notice()
    {
        Returns();

        var cut = RenderLedger();

        cut.WaitForAssertion(() => Assert.Equal("Nothing has been disclosed for this patient.", cut.Find("[data-testid=ledger-empty]").TextContent.Trim()), Timeout);
        Assert.Empty(cut.FindAll("[data-testid=ledger-row]"));
        Assert.Contains("42 CFR part 2", cut.Find("[data-testid=redisclosure-notice]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Print_asks_the_browser_to_print()
    {
        Returns();
        var cut = RenderLedger();
        cut.WaitForElement("[data-testid=disclosure-ledger]", Timeout);

        cut.Find("[data-testid=print-ledger]").Click();

        _page.Context.JSInterop.VerifyInvoke("print");
    }

    [Fact]
    public void An_unknown_inquiry_shows_a_message_instead_of_the_ledger()
    {
        _page.Sender.Setup(s => s.Send(It.IsAny<GetDisclosureLedger>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new NotFoundException("The inquiry"));

        var cut = RenderLedger();

        cut.WaitForAssertion(() => Assert.Contains("could not be loaded", cut.Markup, StringComparison.Ordinal), Timeout);
        Assert.Empty(cut.FindAll("[data-testid=disclosure-ledger]"));
        Assert.True(cut.Find("[data-testid=print-ledger]").HasAttribute("disabled"));
    }
}
