using System.Diagnostics.CodeAnalysis;
using Admissions.Application.Common;
using Admissions.Application.Notifications;
using Admissions.Web.Components.Pages.Notifications;
using Admissions.Web.Tests.Support;
using Bunit;
using Mediator;
using Moq;

namespace Admissions.Web.Tests.Components;

[SuppressMessage("Design", "CA1001", Justification = "Disposed in IAsyncLifetime.DisposeAsync: xunit 2 does not call IAsyncDisposable.")]
public sealed class NotificationsPageTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly PageTestContext _page = new();
    private readonly List<ListMyNotifications> _queries = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _page.DisposeAsync();

    private NotificationItem Item(int n, bool read = false) =>
        new(Guid.NewGuid(), $"Notification {n}", $"Body {n}", $"/inquiries/{n}", _page.Clock.GetUtcNow().AddMinutes(-n), read);

    private void Returns(int total, params NotificationItem[] items) =>
        _page.Sender.Setup(s => s.Send(It.IsAny<ListMyNotifications>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IQuery<PagedResult<NotificationItem>> query, CancellationToken _) =>
            {
                _queries.Add((ListMyNotifications)query);
                return new PagedResult<NotificationItem>(items, total);
            });

    [Fact]
    public void Lists_the_notifications_with_a_pager_when_there_are_more_than_a_page()
    {
        Returns(45, [.. Enumerable.Range(1, 20).Select(n => Item(n, read: n > 3))]);

        var cut = _page.RenderPage<NotificationsPage>();

        cut.WaitForAssertion(() => Assert.Equal(20, cut.FindAll("[data-testid=notifications-page-item]").Count), Timeout);
        Assert.Equal(new ListMyNotifications(false) { Page = new(0, NotificationsPage.PageSize) }, _queries[0]);
        Assert.Contains("45 notifications", cut.Markup, StringComparison.Ordinal);
        Assert.Equal(3, cut.FindAll("[aria-label=Unread]").Count);

        cut.FindAll("[data-testid=notifications-pager] button").Single(b => b.TextContent.Trim() == "2").Click();

        cut.WaitForAssertion(() => Assert.Equal(1, _queries[^1].Page.Index), Timeout);
    }

    [Fact]
    public void The_unread_filter_asks_for_unread_only_from_the_first_page()
    {
        Returns(1, Item(1));
        var cut = _page.RenderPage<NotificationsPage>();
        cut.WaitForAssertion(() => Assert.Single(_queries), Timeout);

        cut.FindAll("[data-testid=notifications-filter] .mud-toggle-item").Single(b => b.TextContent.Trim() == "Unread").Click();

        cut.WaitForAssertion(() => Assert.Equal(new ListMyNotifications(true) { Page = new(0, NotificationsPage.PageSize) }, _queries[^1]), Timeout);
    }

    [Fact]
    public void Opening_a_notification_marks_it_read_and_navigates()
    {
        var item = Item(7);
        Returns(1, item);
        var cut = _page.RenderPage<NotificationsPage>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=notifications-page-item]")), Timeout);

        cut.Find("[data-testid=notifications-page-item]").Click();

        cut.WaitForAssertion(() => _page.Sender.Verify(s => s.Send(It.Is<MarkNotificationsRead>(c => c.NotificationId == item.Id), It.IsAny<CancellationToken>()), Times.Once), Timeout);
        Assert.EndsWith("/inquiries/7", _page.Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void Mark_all_read_marks_them_and_reloads()
    {
        Returns(2, Item(1), Item(2));
        var cut = _page.RenderPage<NotificationsPage>();
        cut.WaitForAssertion(() => Assert.Single(_queries), Timeout);

        cut.Find("[data-testid=notifications-page-mark-all-read]").Click();

        cut.WaitForAssertion(() => _page.Sender.Verify(s => s.Send(It.Is<MarkNotificationsRead>(c => c.NotificationId == null), It.IsAny<CancellationToken>()), Times.Once), Timeout);
        cut.WaitForAssertion(() => Assert.Equal(2, _queries.Count), Timeout);
    }

    [Fact]
    public void An_empty_list_says_what_will_appear_here()
    {
        Returns(0);

        var cut = _page.RenderPage<NotificationsPage>();

        cut.WaitForAssertion(() => Assert.Contains("No notifications yet", cut.Find("[data-testid=notifications-page-empty]").TextContent, StringComparison.Ordinal), Timeout);
    }
}
