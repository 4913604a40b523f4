using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Domain.Inquiries;
using Admissions.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Admissions.Application.Tests.Inquiries;

/// <summary>
/// Six inquiries a day apart, read by every test:
/// <list type="number">
/// <item>Ana Rivera (caller Ana Rivera), not admitted</item>
/// <item>Ana Smith (caller Ana Smith)</item>
/// <item>Mary-Jane O'Neil (caller Tom O'Neil)</item>
/// <item>José Núñez (caller Officer Dana Wells)</item>
/// <item>Jordan Rivers (caller Jordan Rivers)</item>
/// <item>Sam Okafor (caller Lena Riviera)</item>
/// </list>
/// </summary>
public sealed class NameSearchFixture : IAsyncLifetime
{
    public TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await TestHost.StartAsync();
        (string First, string Last, string Caller)[] people =
        [
            ("Ana", "Rivera", "Ana Rivera"), ("Ana", "Smith", "Ana Smith"), ("Mary-Jane", "O'Neil", "Tom O'Neil"),
            ("José", "Núñez", "Officer Dana Wells"), ("Jordan", "Rivers", "Jordan Rivers"), ("Sam", "Okafor", "Lena Riviera"),
        ];
        var ids = new List<Guid>();
        foreach (var (person, n) in people.Select((p, i) => (p, i + 1)))
        {
            Host.Clock.SetUtcNow(TestHost.StartTime.AddDays(n));
            var form = TestForms.Person(n, person.First, person.Last, f => f.CallerName = person.Caller);
            ids.Add((await Host.CreateInquiryAsync(form, allowDuplicates: true)).InquiryId!.Value);
        }

        await Host.SendAsync(Host.Coordinator, new MoveInquiryStage(ids[0], InquiryStage.NotAdmitted, NotAdmittedReason.Unreachable));
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

public class ListInquiriesNameSearchTests(NameSearchFixture data) : IClassFixture<NameSearchFixture>
{
    private static string N(int n) => $"INQ-2026-{n:000000}";

    private static async Task<PagedResult<InquiryListItem>> List(
        TestHost host, InquiryFilter filter, InquirySort sortBy = InquirySort.Number, SortDirection direction = SortDirection.Ascending, int page = 0, int size = 25) =>
        await host.SendAsync(host.Coordinator, new ListInquiries(filter, sortBy, direction) { Page = new(page, size) });

    private static async Task<string[]> Search(TestHost host, string search) =>
        [.. (await List(host, new InquiryFilter { Search = search })).Items.Select(i => i.Number)];

    [Theory]
    [InlineData("riv", new[] { 1, 5, 6 })] // Rivera, Rivers, and Riviera (the caller)
    [InlineData("rivera", new[] { 1 })]
    [InlineData("ana", new[] { 1, 2 })] // not "Dana": a word must start with what is typed
    [InlineData("ana riv", new[] { 1 })]
    [InlineData("riv ana", new[] { 1 })]
    [InlineData("ana smith", new[] { 2 })]
    [InlineData("ana rivers", new int[0])] // both words must match the same inquiry
    [InlineData("ANA ana", new[] { 1, 2 })]
    [InlineData("nobody", new int[0])]
    public async Task Every_word_typed_must_start_a_name_word_of_the_same_inquiry(string search, int[] expected)
    {
        var page = await List(data.Host, new InquiryFilter { Search = search });

        Assert.Equal(expected.Select(N), page.Items.Select(i => i.Number));
        Assert.Equal(expected.Length, page.TotalCount);
    }

    [Theory]
    [InlineData("dana wells")]
    [InlineData("wells")]
    [InlineData("officer")]
    public async Task The_callers_name_is_searched_too(string search)
    {
        Assert.Equal([N(4)], await Search(data.Host, search));
    }

    [Theory]
    [InlineData("o'neil")]
    [InlineData("oneil")]
    [InlineData("O’Neil")]
    [InlineData("neil")]
    [InlineData("o neil")]
    [InlineData("mary jane")]
    [InlineData("jane")]
    [InlineData("mary-jane o'n")]
    [InlineData("tom o'neil")]
    public async Task Hyphens_and_apostrophes_in_names_do_not_get_in_the_way(string search)
    {
        Assert.Equal([N(3)], await Search(data.Host, search));
    }

    [Theory]
    [InlineData("nunez")]
    [InlineData("Núñez")]
    [InlineData("jose nu")]
    public async Task Accents_are_ignored_on_both_sides(string search)
    {
        Assert.Equal([N(4)], await Search(data.Host, search));
    }

    [Theory]
    [InlineData("'")]
    [InlineData("- . -")]
    public async Task A_search_of_punctuation_alone_matches_nothing(string search)
    {
        var page = await List(data.Host, new InquiryFilter { Search = search });

        Assert.Empty(page.Items);
        Assert.Equal(0, page.TotalCount);
    }

    [Fact]
    public async Task A_name_search_combines_with_the_other_filters()
    {
        var page = await List(data.Host, new InquiryFilter { Search = "riv", OpenOnly = true });

        Assert.Equal([N(5), N(6)], page.Items.Select(i => i.Number));
        Assert.Equal(2, page.TotalCount);
    }

    [Theory]
    [InlineData(InquirySort.PatientName, SortDirection.Ascending, new[] { 6, 1, 5 })] // Okafor, Rivera, Rivers
    [InlineData(InquirySort.PatientName, SortDirection.Descending, new[] { 5, 1, 6 })]
    [InlineData(InquirySort.CreatedAt, SortDirection.Descending, new[] { 6, 5, 1 })]
    [InlineData(InquirySort.Stage, SortDirection.Ascending, new[] { 5, 6, 1 })] // New (by id), then Not admitted
    public async Task Name_matches_sort_like_any_other_list(InquirySort sortBy, SortDirection direction, int[] expected)
    {
        var page = await List(data.Host, new InquiryFilter { Search = "riv" }, sortBy, direction);

        Assert.Equal(expected.Select(N), page.Items.Select(i => i.Number));
    }

    [Fact]
    public async Task Name_matches_page_with_the_total_of_every_match()
    {
        var second = await List(data.Host, new InquiryFilter { Search = "riv" }, InquirySort.CreatedAt, SortDirection.Descending, page: 1, size: 1);

        Assert.Equal([N(5)], second.Items.Select(i => i.Number));
        Assert.Equal(3, second.TotalCount);
    }

    [Fact]
    public async Task Common_names_read_in_index_order_page_and_sort_the_same_as_rare_ones()
    {
        // Forty-five Garcias: a page of one is then read by walking the newest-first index (a Garcia in every
        // row), the patient-name sort reads the matches and sorts them; both must agree with the data.
        await using var host = await TestHost.StartAsync();
        for (var n = 1; n <= 45; n++)
        {
            host.Clock.SetUtcNow(TestHost.StartTime.AddHours(n));
            var form = TestForms.Person(n, n % 2 == 0 ? "Ana" : "Luis", "Garcia", f => f.PatientDateOfBirth = new DateOnly(1990, 1, n % 28 + 1));
            await host.CreateInquiryAsync(form, allowDuplicates: true);
        }

        await host.CreateInquiryAsync(TestForms.Person(46, "Ana", "Smith", f => f.PatientDateOfBirth = new DateOnly(1990, 2, 1)), allowDuplicates: true);

        var newest = await List(host, new InquiryFilter { Search = "garcia" }, InquirySort.CreatedAt, SortDirection.Descending, size: 1);
        var third = await List(host, new InquiryFilter { Search = "garcia" }, InquirySort.CreatedAt, SortDirection.Descending, page: 2, size: 1);
        var byName = await List(host, new InquiryFilter { Search = "gar" }, InquirySort.PatientName, SortDirection.Ascending, size: 3);
        var anas = await List(host, new InquiryFilter { Search = "ana garcia" }, InquirySort.Number, SortDirection.Ascending, size: 1);
        var open = await List(host, new InquiryFilter { Search = "garcia", Stages = [InquiryStage.New] }, InquirySort.Number, SortDirection.Descending, size: 1);

        Assert.Equal($"{N(45)} of 45", Describe(newest));
        Assert.Equal($"{N(43)} of 45", Describe(third));
        Assert.Equal(["Ana Garcia", "Ana Garcia", "Ana Garcia"], byName.Items.Select(i => i.PatientName));
        Assert.Equal($"{N(2)} of 22", Describe(anas));
        Assert.Equal($"{N(45)} of 45", Describe(open));
    }

    [Fact]
    public async Task Editing_a_name_finds_the_inquiry_by_the_new_name_and_no_longer_by_the_old()
    {
        await using var host = await TestHost.StartAsync();
        var id = (await host.CreateInquiryAsync(TestForms.Person(1, "Ana", "Rivera"))).InquiryId!.Value;
        var opened = await host.SendAsync(host.Coordinator, new GetInquiry(id));
        var edited = TestForms.Copy(opened.Form);
        edited.PatientLastName = "Delgado-Ruiz";
        edited.CallerName = "Ana Delgado";

        await host.SendAsync(host.Coordinator, new UpdateInquiryDetails(id, opened.Version, opened.Form, edited));

        Assert.Empty(await Search(host, "rivera"));
        Assert.Equal([N(1)], await Search(host, "ruiz"));
        Assert.Equal([N(1)], await Search(host, "ana delg"));
        var terms = await host.QueryAsync(db => db.InquirySearchTerms.Where(t => t.InquiryId == id).Select(t => t.Term).ToListAsync());
        Assert.Equal(["ANA", "DELGADO", "RUIZ"], terms.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Start_up_gives_terms_to_inquiries_written_without_them_and_only_once()
    {
        await using var host = await TestHost.StartAsync();
        await host.CreateInquiryAsync(TestForms.Person(1, "Ana", "Rivera"));
        await host.CreateInquiryAsync(TestForms.Person(2, "Mary-Jane", "O'Neil"));
        await host.QueryAsync(db => db.InquirySearchTerms.ExecuteDeleteAsync());
        Assert.Empty(await Search(host, "rivera"));

        await MigrateAsync(host);
        var afterFirst = await host.QueryAsync(db => db.InquirySearchTerms.CountAsync());
        await MigrateAsync(host);

        Assert.Equal([N(1)], await Search(host, "ana riv"));
        Assert.Equal([N(2)], await Search(host, "oneil"));
        Assert.Equal(2 + 4, afterFirst); // ANA RIVERA; MARY JANE ONEIL NEIL
        Assert.Equal(afterFirst, await host.QueryAsync(db => db.InquirySearchTerms.CountAsync()));
    }

    private static string Describe(PagedResult<InquiryListItem> page) => $"{string.Join(", ", page.Items.Select(i => i.Number))} of {page.TotalCount}";

    private static async Task MigrateAsync(TestHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
    }
}
