using System.Diagnostics.CodeAnalysis;
using Admissions.Application.Common;
using Admissions.Application.Insurance;
using Admissions.Domain.Care;
using Admissions.Domain.Insurance;
using Admissions.Web.Components.Pages.Insurance;
using Admissions.Web.Tests.Support;
using Bunit;
using Mediator;
using Moq;
using MudBlazor;

namespace Admissions.Web.Tests.Components;

[SuppressMessage("Design", "CA1001", Justification = "Disposed in IAsyncLifetime.DisposeAsync: xunit 2 does not call IAsyncDisposable.")]
public sealed class AuthorizationQueueTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly PageTestContext _page = new();
    private readonly List<ListAuthorizations> _queries = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _page.DisposeAsync();

    /// <summary>The test clock's date (2026-03-10), the "today" the review dates are measured from.</summary>
    private DateOnly Today => DateOnly.FromDateTime(_page.Clock.GetUtcNow().UtcDateTime);

    private AuthorizationQueueItem Item(int n, AuthorizationStatus status, DateOnly? nextReview = null, int? approvedDays = null) => new(
        Guid.NewGuid(), Guid.NewGuid(), $"INQ-2026-{n:000000}", $"Patient{n} Lastname", "Aetna", LevelOfCare.Residential, status,
        AuthorizationChannel.Electronic, Today.AddDays(-3), 14, approvedDays, approvedDays is null ? null : Today.AddDays(-3),
        approvedDays is { } days ? Today.AddDays(days - 4) : null, nextReview, approvedDays is null ? null : $"CERT-{n}", null,
        _page.Clock.GetUtcNow().AddDays(-4), status == AuthorizationStatus.Pended ? "Nursing notes from the last 48 hours" : null);

    private void Returns(params AuthorizationQueueItem[] rows) =>
        _page.Sender.Setup(s => s.Send(It.IsAny<ListAuthorizations>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IQuery<PagedResult<AuthorizationQueueItem>> query, CancellationToken _) =>
            {
                _queries.Add((ListAuthorizations)query);
                return new PagedResult<AuthorizationQueueItem>(rows, rows.Length);
            });

    private IRenderedComponent<AuthorizationQueue> RenderQueue()
    {
        var cut = _page.RenderPage<AuthorizationQueue>();
        cut.WaitForAssertion(() => Assert.NotEmpty(_queries), Timeout);
        return cut;
    }

    [Fact]
    public void An_authorization_with_a_single_case_agreement_shows_its_terms()
    {
        Returns(Item(1, AuthorizationStatus.Pended) with { Agreement = "SCA $1,150/day × 14" }, Item(2, AuthorizationStatus.Requested));

        var cut = RenderQueue();

        cut.WaitForAssertion(() => Assert.Equal("SCA $1,150/day × 14", cut.Find("[data-testid=sca-chip]").TextContent.Trim()), Timeout);
        Assert.Single(cut.FindAll("[data-testid=sca-chip]"));
    }

    [Fact]
    public void Shows_each_authorization_with_a_status_chip_in_its_colour()
    {
        var certified = Item(1, AuthorizationStatus.Certified, Today.AddDays(5), approvedDays: 7);
        Returns(certified, Item(2, AuthorizationStatus.Pended), Item(3, AuthorizationStatus.Denied), Item(4, AuthorizationStatus.Requested),
            Item(5, AuthorizationStatus.Cancelled), Item(6, AuthorizationStatus.Partial, approvedDays: 3));

        var cut = RenderQueue();

        cut.WaitForAssertion(() => Assert.Equal(6, cut.FindAll("[data-testid=authorization-status]").Count), Timeout);
        var chips = cut.FindAll("[data-testid=authorization-status]").Select(c => (Text: c.TextContent.Trim(), c.ClassName)).ToList();
        Assert.Equal(["Certified", "Pended", "Not certified", "Requested", "Cancelled", "Partially certified"], chips.Select(c => c.Text));
        Assert.Contains("mud-chip-color-success", chips[0].ClassName, StringComparison.Ordinal);
        Assert.Contains("mud-chip-color-warning", chips[1].ClassName, StringComparison.Ordinal);
        Assert.Contains("mud-chip-color-error", chips[2].ClassName, StringComparison.Ordinal);
        Assert.Contains("mud-chip-color-info", chips[3].ClassName, StringComparison.Ordinal);
        Assert.Contains("mud-chip-color-default", chips[4].ClassName, StringComparison.Ordinal);
        Assert.Contains("mud-chip-color-warning", chips[5].ClassName, StringComparison.Ordinal);

        var grid = cut.Find("[data-testid=authorization-grid]").TextContent;
        Assert.Contains("INQ-2026-000001", grid, StringComparison.Ordinal);
        Assert.Contains("Patient1 Lastname", grid, StringComparison.Ordinal);
        Assert.Contains("CERT-1", grid, StringComparison.Ordinal);
        Assert.Contains("7 days", grid, StringComparison.Ordinal);
        Assert.Contains("Mar 7, 2026 – Mar 13, 2026", grid, StringComparison.Ordinal);
        Assert.Contains("Electronic (278)", grid, StringComparison.Ordinal);
        Assert.Equal("Payer needs: Nursing notes from the last 48 hours", Assert.Single(cut.FindAll("[data-testid=pended-reason]")).TextContent.Trim());
        Assert.Contains(cut.FindAll("a"), a => a.GetAttribute("href") == $"/inquiries/{certified.InquiryId}?tab=insurance");
    }

    [Fact]
    public void Flags_reviews_that_are_overdue_due_today_or_tomorrow()
    {
        Returns(Item(1, AuthorizationStatus.Certified, Today.AddDays(-1), 7), Item(2, AuthorizationStatus.Certified, Today, 7),
            Item(3, AuthorizationStatus.Partial, Today.AddDays(1), 3), Item(4, AuthorizationStatus.Certified, Today.AddDays(2), 7));

        var cut = RenderQueue();

        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid=next-review]").Count), Timeout);
        var flags = cut.FindAll("[data-testid=review-flag]").Select(f => (Text: f.TextContent.Trim(), f.ClassName)).ToList();
        Assert.Equal(["Overdue", "Today", "Tomorrow"], flags.Select(f => f.Text));
        Assert.Contains("mud-chip-color-error", flags[0].ClassName, StringComparison.Ordinal);
        Assert.Contains("mud-chip-color-warning", flags[1].ClassName, StringComparison.Ordinal);
        Assert.Equal("Mar 12, 2026", cut.FindAll("[data-testid=next-review]")[3].TextContent.Trim());
    }

    [Fact]
    public void Asks_for_every_status_at_first_and_the_switch_asks_for_reviews_due()
    {
        Returns();
        var cut = RenderQueue();
        Assert.Empty(_queries[0].Statuses);
        Assert.False(_queries[0].ReviewDueOnly);
        Assert.Equal(0, _queries[0].Page.Index);
        Assert.Equal(25, _queries[0].Page.Size);

        cut.Find("[data-testid=review-due-filter]").Change(true);

        cut.WaitForAssertion(() => Assert.True(_queries[^1].ReviewDueOnly), Timeout);
    }

    [Fact]
    public void Choosing_statuses_asks_for_those_statuses()
    {
        Returns();
        var cut = RenderQueue();

        cut.InvokeAsync(() => cut.FindComponent<MudSelect<AuthorizationStatus>>().Instance.OpenMenu());
        _page.Popovers.WaitForAssertion(() => Assert.NotEmpty(_page.Popovers.FindAll(".mud-list-item")), Timeout);
        _page.Popovers.FindAll(".mud-list-item").Single(i => i.TextContent.Trim() == "Pended").Click();

        cut.WaitForAssertion(() => Assert.Equal([AuthorizationStatus.Pended], _queries[^1].Statuses), Timeout);
    }

    [Fact]
    public void Shows_the_empty_state_when_nothing_matches()
    {
        Returns();

        var cut = RenderQueue();

        cut.WaitForAssertion(() => Assert.Contains("No authorizations match these filters.", cut.Markup, StringComparison.Ordinal), Timeout);
    }
}
