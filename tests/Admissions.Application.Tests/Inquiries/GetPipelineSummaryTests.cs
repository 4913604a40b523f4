using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Domain.Inquiries;

namespace Admissions.Application.Tests.Inquiries;

/// <summary>The home tiles open the inquiry list with a filter: each count is what that filter lists.</summary>
public sealed class GetPipelineSummaryTests
{
    [Fact]
    public async Task Each_count_is_what_the_list_shows_for_its_tile()
    {
        await using var host = await TestHost.StartAsync();
        await host.CreateInquiryAsync(TestForms.Person(1, "Alex", "Lopez"));
        // 7 PM on March 11 in California, where the organisation is, but already March 12 in UTC: the evening's inquiries
        // are today's on the tile and in the list it opens.
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 12, 2, 0, 0, TimeSpan.Zero));
        var reached = (await host.CreateInquiryAsync(TestForms.Person(2, "Jamie", "Carter"))).InquiryId!.Value;
        await host.SendAsync(host.Coordinator, new LogContactAttempt(reached, ContactChannel.Call, ContactOutcome.Reached, null));
        var waiting = await host.CreateInquiryAsync(TestForms.Person(3, "Robin", "Hart"));

        var summary = await host.SendAsync(host.Manager, new GetPipelineSummary());

        Assert.Equal(new DateOnly(2026, 3, 11), summary.Today);
        Assert.Equal(2, summary.NewToday);
        Assert.Equal(2, summary.AwaitingFirstContact);
        var newToday = await List(host, new InquiryFilter { CreatedFrom = summary.Today, CreatedTo = summary.Today });
        Assert.Equal(summary.NewToday, newToday.TotalCount);
        var awaiting = await List(host, new InquiryFilter { AwaitingFirstContact = true });
        Assert.Equal(summary.AwaitingFirstContact, awaiting.TotalCount);
        Assert.Contains(awaiting.Items, i => i.Number == waiting.Number);
        Assert.DoesNotContain(awaiting.Items, i => i.Id == reached);
    }

    private static Task<PagedResult<InquiryListItem>> List(TestHost host, InquiryFilter filter) =>
        host.SendAsync(host.Manager, new ListInquiries(filter, InquirySort.Number, SortDirection.Ascending));
}
