using System.Diagnostics.CodeAnalysis;
using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Application.Staff;
using Admissions.Domain.Inquiries;
using Admissions.Web.Components.Pages.Inquiries;
using Admissions.Web.Tests.Support;
using Bunit;
using Mediator;
using Moq;

namespace Admissions.Web.Tests.Components;

[SuppressMessage("Design", "CA1001", Justification = "Disposed in IAsyncLifetime.DisposeAsync: xunit 2 does not call IAsyncDisposable.")]
public sealed class InquiryListTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly PageTestContext _page = new();
    private readonly List<ListInquiries> _queries = [];

    public InquiryListTests()
    {
        _page.Sender.Setup(s => s.Send(It.IsAny<ListAssignableStaff>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Array.Empty<StaffMember>());
        _page.Sender.Setup(s => s.Send(It.IsAny<ListInquiryFacilities>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Array.Empty<Admissions.Application.Dashboards.FacilityOption>());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _page.DisposeAsync();

    private InquiryListItem Item(int n) => new(
        Guid.NewGuid(), $"INQ-2026-{n:000000}", $"Patient{n} Lastname", $"Caller {n}", "(555) 201-4477", InquiryStage.New,
        InquirySource.Phone, Urgency.Routine, null, _page.Clock.GetUtcNow().AddHours(-n), null, _page.Clock.GetUtcNow().AddHours(-n), false, false);

    /// <summary>Answers every list query with the given rows (as a server would: one page of them) and records the query.</summary>
    private void Returns(IReadOnlyList<InquiryListItem> all) =>
        _page.Sender.Setup(s => s.Send(It.IsAny<ListInquiries>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IQuery<PagedResult<InquiryListItem>> query, CancellationToken _) =>
            {
                var q = (ListInquiries)query;
                _queries.Add(q);
                return new PagedResult<InquiryListItem>([.. all.Skip(q.Page.Skip).Take(q.Page.Size)], all.Count);
            });

    [Fact]
    public void Shows_the_rows_of_the_first_page()
    {
        Returns([.. Enumerable.Range(1, 3).Select(Item)]);

        var cut = _page.RenderPage<InquiryList>();

        cut.WaitForAssertion(() =>
        {
            var grid = cut.Find("[data-testid=inquiry-grid]").TextContent;
            Assert.Contains("INQ-2026-000001", grid, StringComparison.Ordinal);
            Assert.Contains("INQ-2026-000003", grid, StringComparison.Ordinal);
            Assert.Contains("Patient2 Lastname", grid, StringComparison.Ordinal);
        }, Timeout);
        Assert.DoesNotContain("No inquiries match these filters.", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Asks_the_server_for_one_page_not_every_row()
    {
        Returns([.. Enumerable.Range(1, 240).Select(Item)]);

        var cut = _page.RenderPage<InquiryList>();

        cut.WaitForAssertion(() => Assert.NotEmpty(_queries), Timeout);
        cut.WaitForAssertion(() => Assert.Contains("INQ-2026-000001", cut.Find("[data-testid=inquiry-grid]").TextContent, StringComparison.Ordinal), Timeout);
        Assert.All(_queries, q =>
        {
            Assert.Equal(0, q.Page.Skip);
            Assert.Equal(25, q.Page.Size);
        });
        Assert.DoesNotContain("INQ-2026-000026", cut.Find("[data-testid=inquiry-grid]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Typing_in_the_search_box_queries_the_server_with_the_text()
    {
        Returns([.. Enumerable.Range(1, 3).Select(Item)]);
        var cut = _page.RenderPage<InquiryList>();
        cut.WaitForAssertion(() => Assert.NotEmpty(_queries), Timeout);
        Assert.All(_queries, q => Assert.Null(q.Filter.Search));

        cut.Find("[data-testid=inquiry-search]").Input("Smith");

        // The box waits 300 ms after the last keystroke (on the injected TimeProvider) before searching.
        _page.Clock.Advance(TimeSpan.FromMilliseconds(250));
        cut.Render();
        Assert.DoesNotContain(_queries, q => q.Filter.Search is not null);
        _page.Clock.Advance(TimeSpan.FromMilliseconds(50));
        cut.WaitForAssertion(() => _page.Sender.Verify(
            s => s.Send(It.Is<ListInquiries>(q => q.Filter.Search == "Smith" && q.Page.Skip == 0 && q.Page.Size == 25), It.IsAny<CancellationToken>()),
            Times.Once), Timeout);
    }

    [Fact]
    public void Shows_the_empty_state_when_nothing_matches()
    {
        Returns([]);

        var cut = _page.RenderPage<InquiryList>();

        cut.WaitForAssertion(() => Assert.Contains("No inquiries match these filters.", cut.Markup, StringComparison.Ordinal), Timeout);
        Assert.DoesNotContain("INQ-", cut.Find("[data-testid=inquiry-grid]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dashboard_drill_down_link_becomes_the_list_filter()
    {
        Returns([.. Enumerable.Range(1, 2).Select(Item)]);
        var organisation = Guid.NewGuid();
        _page.Navigation.NavigateTo(
            $"/inquiries?closedFrom=2026-03-01&closedTo=2026-03-09&tz=America/Los_Angeles&stage=NotAdmitted&reason=Unreachable&org={organisation}&source=Referral");

        var cut = _page.RenderPage<InquiryList>();

        cut.WaitForAssertion(() => Assert.NotEmpty(_queries), Timeout);
        var filter = _queries[^1].Filter;
        Assert.Equal([InquiryStage.NotAdmitted], filter.Stages);
        Assert.Equal(NotAdmittedReason.Unreachable, filter.Reason);
        Assert.Equal(organisation, filter.ReferralOrganisationId);
        Assert.Equal(InquirySource.Referral, filter.Source);
        Assert.Equal((new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 9)), (filter.ClosedFrom!.Value, filter.ClosedTo!.Value));
        Assert.Equal("America/Los_Angeles", filter.TimeZoneId);
        Assert.Contains("not admitted: unreachable", cut.Find("[data-testid=drill-down-filter]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pager_asks_for_the_next_page_and_says_which_rows_are_shown()
    {
        Returns([.. Enumerable.Range(1, 60).Select(Item)]);
        var cut = _page.RenderPage<InquiryList>();
        cut.WaitForAssertion(() => Assert.Equal("1-25 of 60", cut.Find("[data-testid=page-caption]").TextContent), Timeout);
        Assert.True(cut.Find("button[aria-label='Previous page']").HasAttribute("disabled"));

        cut.Find("button[aria-label='Next page']").Click();

        cut.WaitForAssertion(() => Assert.Equal("26-50 of 60", cut.Find("[data-testid=page-caption]").TextContent), Timeout);
        Assert.Equal(25, _queries[^1].Page.Skip);
        Assert.Contains("INQ-2026-000026", cut.Find("[data-testid=inquiry-grid]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("INQ-2026-000025", cut.Find("[data-testid=inquiry-grid]").TextContent, StringComparison.Ordinal);

        cut.Find("button[aria-label='Last page']").Click();
        cut.WaitForAssertion(() => Assert.Equal("51-60 of 60", cut.Find("[data-testid=page-caption]").TextContent), Timeout);
        Assert.True(cut.Find("button[aria-label='Next page']").HasAttribute("disabled"));
    }

    [Fact]
    public void A_header_sorts_by_its_column_ascending_then_descending_from_the_first_page()
    {
        Returns([.. Enumerable.Range(1, 60).Select(Item)]);
        var cut = _page.RenderPage<InquiryList>();
        cut.WaitForAssertion(() => Assert.NotEmpty(_queries), Timeout);
        Assert.Equal((InquirySort.CreatedAt, SortDirection.Descending), (_queries[^1].SortBy, _queries[^1].Direction));
        cut.Find("button[aria-label='Next page']").Click();
        cut.WaitForAssertion(() => Assert.Equal(25, _queries[^1].Page.Skip), Timeout);

        cut.Find("[data-testid=sort-PatientName]").Click();
        cut.WaitForAssertion(() => Assert.Equal((InquirySort.PatientName, SortDirection.Ascending, 0), (_queries[^1].SortBy, _queries[^1].Direction, _queries[^1].Page.Skip)), Timeout);
        Assert.Equal("ascending", cut.Find("th:has([data-testid=sort-PatientName])").GetAttribute("aria-sort"));

        cut.Find("[data-testid=sort-PatientName]").Click();
        cut.WaitForAssertion(() => Assert.Equal((InquirySort.PatientName, SortDirection.Descending), (_queries[^1].SortBy, _queries[^1].Direction)), Timeout);
        Assert.Equal("descending", cut.Find("th:has([data-testid=sort-PatientName])").GetAttribute("aria-sort"));
    }

    [Fact]
    public void A_bigger_page_size_asks_for_that_many_rows()
    {
        Returns([.. Enumerable.Range(1, 60).Select(Item)]);
        var cut = _page.RenderPage<InquiryList>();
        cut.WaitForAssertion(() => Assert.NotEmpty(_queries), Timeout);

        cut.Find("[data-testid=page-size]").Change("50");

        cut.WaitForAssertion(() => Assert.Equal("1-50 of 60", cut.Find("[data-testid=page-caption]").TextContent), Timeout);
        Assert.Equal(50, _queries[^1].Page.Size);
    }

    [Fact]
    public void Rows_rendered_once_to_HTML_keep_names_as_text_and_link_each_row_to_its_inquiry()
    {
        var item = Item(1) with { PatientName = "<img src=x onerror=alert(1)> Lastname" };
        Returns([item]);

        var cut = _page.RenderPage<InquiryList>();

        cut.WaitForAssertion(() => Assert.Contains("<img src=x onerror=alert(1)> Lastname", cut.Find("[data-testid=inquiry-grid] tbody").TextContent, StringComparison.Ordinal), Timeout);
        Assert.Empty(cut.FindAll("[data-testid=inquiry-grid] tbody img"));
        Assert.Equal($"/inquiries/{item.Id}", cut.Find("[data-testid=inquiry-grid] tbody tr a.row-link").GetAttribute("href"));
    }
}
