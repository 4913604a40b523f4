using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Domain.Inquiries;

namespace Admissions.Application.Tests.Inquiries;

/// <summary>
/// Five inquiries over four days, read by every test (listing changes nothing):
/// <list type="number">
/// <item>Mar 10 14:00, Alex Lopez, phone, New, unassigned</item>
/// <item>Mar 11 14:00, Jamie Carter, web form, Contacted, Casey</item>
/// <item>Mar 12 23:30, Robin Lopez-Hart, referral, Pre-screening, Jordan</item>
/// <item>Mar 13 00:00, Riley Brooks, phone, Not admitted, unassigned</item>
/// <item>Mar 14 09:00, Sam Okafor, referral, New, Casey</item>
/// </list>
/// </summary>
public sealed class ListInquiriesFixture : IAsyncLifetime
{
    public TestHost Host { get; private set; } = null!;
    public IReadOnlyList<Guid> Ids { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Host = await TestHost.StartAsync();
        var host = Host;
        var ids = new List<Guid>();

        async Task<Guid> Create(InquiryForm form)
        {
            var id = (await host.CreateInquiryAsync(form)).InquiryId!.Value;
            ids.Add(id);
            return id;
        }

        await Create(TestForms.Valid());

        host.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 11, 14, 0, 0, TimeSpan.Zero));
        var jamie = await Create(TestForms.Person(2, "Jamie", "Carter", f => f.Source = InquirySource.WebForm));
        await host.SendAsync(host.Coordinator, new AssignInquiry(jamie, host.Coordinator.Id));
        await host.SendAsync(host.Coordinator, new LogContactAttempt(jamie, ContactChannel.Call, ContactOutcome.Reached, null));

        host.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 12, 23, 30, 0, TimeSpan.Zero));
        var robin = await Create(TestForms.Person(3, "Robin", "Lopez-Hart", f =>
        {
            f.Source = InquirySource.Referral;
            f.ReferralSource = "County Drug Court";
            f.CallerName = "Officer Dana Wells";
        }));
        await host.SendAsync(host.Coordinator, new AssignInquiry(robin, host.Coordinator2.Id));
        await host.SendAsync(host.Coordinator, new LogContactAttempt(robin, ContactChannel.Call, ContactOutcome.Reached, null));
        await host.SendAsync(host.Coordinator, new MoveInquiryStage(robin, InquiryStage.PreScreening));

        host.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 13, 0, 0, 0, TimeSpan.Zero));
        var riley = await Create(TestForms.Person(4, "Riley", "Brooks"));
        await host.SendAsync(host.Coordinator, new MoveInquiryStage(riley, InquiryStage.NotAdmitted, NotAdmittedReason.Unreachable));

        host.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 14, 9, 0, 0, TimeSpan.Zero));
        var sam = await Create(TestForms.Person(5, "Sam", "Okafor", f =>
        {
            f.Source = InquirySource.Referral;
            f.ReferralSource = "Lakeside EAP";
        }));
        await host.SendAsync(host.Manager, new AssignInquiry(sam, host.Coordinator.Id));
        Ids = ids;
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

public class ListInquiriesTests(ListInquiriesFixture data) : IClassFixture<ListInquiriesFixture>
{
    private TestHost Host => data.Host;

    private async Task<PagedResult<InquiryListItem>> List(
        InquiryFilter filter, InquirySort sortBy = InquirySort.Number, SortDirection direction = SortDirection.Ascending, int page = 0, int size = 25) =>
        await Host.SendAsync(Host.Coordinator, new ListInquiries(filter, sortBy, direction) { Page = new(page, size) });

    private static string[] Numbers(PagedResult<InquiryListItem> page) => [.. page.Items.Select(i => i.Number)];

    private static string N(int n) => $"INQ-2026-{n:000000}";

    [Fact]
    public async Task The_default_order_is_newest_first()
    {
        var page = await Host.SendAsync(Host.Coordinator, new ListInquiries(new InquiryFilter()));

        Assert.Equal([N(5), N(4), N(3), N(2), N(1)], Numbers(page));
        Assert.Equal(5, page.TotalCount);
    }

    [Fact]
    public async Task A_page_holds_at_most_Take_rows_while_the_total_counts_every_match()
    {
        var first = await List(new InquiryFilter(), size: 2);
        var second = await List(new InquiryFilter(), page: 1, size: 2);
        var last = await List(new InquiryFilter(), page: 2, size: 2);

        Assert.Equal([N(1), N(2)], Numbers(first));
        Assert.Equal([N(3), N(4)], Numbers(second));
        Assert.Equal([N(5)], Numbers(last));
        Assert.All([first, second, last], p => Assert.Equal(5, p.TotalCount));
    }

    [Fact]
    public async Task Paging_applies_to_the_filtered_rows()
    {
        var page = await List(new InquiryFilter { Search = "lopez" }, size: 1);

        Assert.Equal([N(1)], Numbers(page));
        Assert.Equal(2, page.TotalCount);
    }

    [Theory]
    [InlineData(InquirySort.PatientName, SortDirection.Ascending, new[] { 4, 2, 1, 3, 5 })] // Brooks, Carter, Lopez, Lopez-Hart, Okafor
    [InlineData(InquirySort.PatientName, SortDirection.Descending, new[] { 5, 3, 1, 2, 4 })]
    [InlineData(InquirySort.Stage, SortDirection.Ascending, new[] { 1, 5, 2, 3, 4 })] // New (by id), Contacted, Pre-screening, Not admitted
    [InlineData(InquirySort.Number, SortDirection.Descending, new[] { 5, 4, 3, 2, 1 })]
    [InlineData(InquirySort.CreatedAt, SortDirection.Ascending, new[] { 1, 2, 3, 4, 5 })]
    public async Task Sorting_is_done_in_the_database_with_a_stable_tie_breaker(InquirySort sortBy, SortDirection direction, int[] expected)
    {
        var page = await List(new InquiryFilter(), sortBy, direction);

        Assert.Equal(expected.Select(N), Numbers(page));
    }

    [Fact]
    public async Task Filtering_by_stage()
    {
        Assert.Equal([N(2)], Numbers(await List(new InquiryFilter { Stages = [InquiryStage.Contacted] })));
        Assert.Equal([N(1), N(5)], Numbers(await List(new InquiryFilter { Stages = [InquiryStage.New] })));
        Assert.Equal([N(3), N(4)], Numbers(await List(new InquiryFilter { Stages = [InquiryStage.PreScreening, InquiryStage.NotAdmitted] })));
    }

    [Fact]
    public async Task Open_only_leaves_out_closed_inquiries()
    {
        var page = await List(new InquiryFilter { OpenOnly = true });

        Assert.Equal([N(1), N(2), N(3), N(5)], Numbers(page));
        Assert.Equal(4, page.TotalCount);
    }

    [Fact]
    public async Task Waiting_for_first_contact_is_the_open_inquiries_nobody_has_reached()
    {
        var page = await List(new InquiryFilter { AwaitingFirstContact = true });

        Assert.Equal([N(1), N(5)], Numbers(page));
        Assert.Equal(2, page.TotalCount);
    }

    [Fact]
    public async Task Filtering_by_coordinator_or_the_unassigned_queue()
    {
        var casey = await List(new InquiryFilter { CoordinatorId = Host.Coordinator.Id });
        var jordan = await List(new InquiryFilter { CoordinatorId = Host.Coordinator2.Id });
        var unassigned = await List(new InquiryFilter { CoordinatorId = InquiryFilter.Unassigned });

        Assert.Equal([N(2), N(5)], Numbers(casey));
        Assert.All(casey.Items, i => Assert.Equal(Host.Coordinator.Name, i.AssignedCoordinatorName));
        Assert.Equal([N(3)], Numbers(jordan));
        Assert.Equal([N(1), N(4)], Numbers(unassigned));
        Assert.All(unassigned.Items, i => Assert.Null(i.AssignedCoordinatorName));
    }

    [Fact]
    public async Task Filtering_by_source()
    {
        Assert.Equal([N(3), N(5)], Numbers(await List(new InquiryFilter { Source = InquirySource.Referral })));
        Assert.Equal([N(2)], Numbers(await List(new InquiryFilter { Source = InquirySource.WebForm })));
        Assert.Empty((await List(new InquiryFilter { Source = InquirySource.WalkIn })).Items);
    }

    [Fact]
    public async Task A_date_range_includes_the_whole_end_day_and_nothing_after_it()
    {
        var page = await List(new InquiryFilter { CreatedFrom = new DateOnly(2026, 3, 11), CreatedTo = new DateOnly(2026, 3, 12), TimeZoneId = "UTC" });

        Assert.Equal([N(2), N(3)], Numbers(page)); // 3 was created at 23:30 on the end day; 4 at midnight after it
        Assert.Equal(2, page.TotalCount);
    }

    [Fact]
    public async Task Without_a_zone_the_days_are_the_organisations_so_an_evening_inquiry_is_in_its_own_day()
    {
        // 4 arrived at midnight UTC after March 12: 5 PM on March 12 in California, where the test organisation is.
        var page = await List(new InquiryFilter { CreatedFrom = new DateOnly(2026, 3, 11), CreatedTo = new DateOnly(2026, 3, 12) });

        Assert.Equal([N(2), N(3), N(4)], Numbers(page));
    }

    [Fact]
    public async Task A_single_day_range_and_open_ended_ranges()
    {
        Assert.Equal([N(4)], Numbers(await List(new InquiryFilter { CreatedFrom = new DateOnly(2026, 3, 13), CreatedTo = new DateOnly(2026, 3, 13), TimeZoneId = "UTC" })));
        Assert.Equal([N(4), N(5)], Numbers(await List(new InquiryFilter { CreatedFrom = new DateOnly(2026, 3, 13), TimeZoneId = "UTC" })));
        Assert.Equal([N(1)], Numbers(await List(new InquiryFilter { CreatedTo = new DateOnly(2026, 3, 10), TimeZoneId = "UTC" })));
    }

    [Fact]
    public async Task An_end_date_before_the_start_date_is_refused()
    {
        var error = await Assert.ThrowsAsync<RequestValidationException>(() =>
            List(new InquiryFilter { CreatedFrom = new DateOnly(2026, 3, 12), CreatedTo = new DateOnly(2026, 3, 11) }));

        Assert.Equal("The end date is before the start date.", Assert.Single(Assert.Single(error.Errors).Value));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(201)]
    public async Task A_page_size_outside_1_to_200_is_refused(int size)
    {
        var error = await Assert.ThrowsAsync<RequestValidationException>(() => List(new InquiryFilter(), size: size));

        Assert.Equal(["Pages hold between 1 and 200 inquiries."], error.Errors["Page.Size"]);
    }

    [Theory]
    [InlineData("INQ-2026-000003", new[] { 3 })]
    [InlineData("inq-2026-00000", new[] { 1, 2, 3, 4, 5 })]
    [InlineData("  INQ-2026-000001  ", new[] { 1 })]
    [InlineData("INQ-2025", new int[0])]
    public async Task Searching_by_inquiry_number_matches_its_beginning(string search, int[] expected)
    {
        Assert.Equal(expected.Select(N), Numbers(await List(new InquiryFilter { Search = search })));
    }

    [Theory]
    [InlineData("(555) 201-4477")]
    [InlineData("555.201.4477")]
    [InlineData("+1 555 201 4477")]
    [InlineData("5552014477")]
    [InlineData("555-309-8812")] // the patient's own phone
    public async Task Searching_by_phone_matches_any_format(string search)
    {
        var page = await List(new InquiryFilter { Search = search });

        Assert.Equal([N(1)], Numbers(page));
        Assert.Equal(1, page.TotalCount);
    }

    [Theory]
    [InlineData("lopez", new[] { 1, 3 })]
    [InlineData("LoPeZ-h", new[] { 3 })]
    [InlineData("okaf", new[] { 5 })]
    [InlineData("alex lo", new[] { 1 })]
    [InlineData("dana wells", new[] { 3 })] // the caller's name
    [InlineData("nobody", new int[0])]
    public async Task Searching_by_part_of_a_name_ignores_case(string search, int[] expected)
    {
        var page = await List(new InquiryFilter { Search = search });

        Assert.Equal(expected.Select(N), Numbers(page));
        Assert.Equal(expected.Length, page.TotalCount);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("J_mie")]
    public async Task Search_text_is_matched_literally_not_as_a_like_pattern(string search)
    {
        var page = await List(new InquiryFilter { Search = search });

        Assert.Empty(page.Items);
        Assert.Equal(0, page.TotalCount);
    }

    [Fact]
    public async Task Filters_combine()
    {
        var page = await List(new InquiryFilter
        {
            Source = InquirySource.Referral,
            CoordinatorId = Host.Coordinator.Id,
            OpenOnly = true,
            CreatedFrom = new DateOnly(2026, 3, 12),
            TimeZoneId = "UTC",
        });

        Assert.Equal([N(5)], Numbers(page));
    }

    [Fact]
    public async Task A_row_carries_the_list_columns()
    {
        var page = await List(new InquiryFilter { Search = "INQ-2026-000002" });

        var row = Assert.Single(page.Items);
        Assert.Equal(data.Ids[1], row.Id);
        Assert.Equal("Jamie Carter", row.PatientName);
        Assert.Equal("Jamie Carter", row.CallerName);
        Assert.Equal("(555) 602-1002", row.Phone);
        Assert.Equal(InquiryStage.Contacted, row.Stage);
        Assert.Equal(InquirySource.WebForm, row.Source);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 14, 0, 0, TimeSpan.Zero), row.CreatedAt);
        Assert.Equal(row.CreatedAt, row.FirstContactAt);
        Assert.False(row.PossibleDuplicate);
    }
}
