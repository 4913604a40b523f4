using System.Diagnostics.CodeAnalysis;
using Admissions.Application.Notifications;
using Admissions.Web.Components.Layout;
using Admissions.Web.Tests.Support;
using Bunit;
using Moq;

namespace Admissions.Web.Tests.Components;

[SuppressMessage("Design", "CA1001", Justification = "Disposed in IAsyncLifetime.DisposeAsync: xunit 2 does not call IAsyncDisposable.")]
public sealed class NotificationBellTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly PageTestContext _page = new();
    private int _loads;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _page.DisposeAsync();

    private NotificationItem Item(string title, int minutesAgo, bool read = false, string? link = "/inquiries/1") =>
        new(Guid.NewGuid(), title, $"Body of {title}", link, _page.Clock.GetUtcNow().AddMinutes(-minutesAgo), read);

    private void Returns(int unread, params NotificationItem[] items) =>
        _page.Sender.Setup(s => s.Send(It.IsAny<GetMyNotifications>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() =>
            {
                _loads++;
                return new MyNotifications(items, unread);
            });

    private IRenderedComponent<NotificationBell> Open()
    {
        var cut = _page.RenderPage<NotificationBell>();
        cut.Find("[data-testid=notification-bell-button]").Click();
        _page.Popovers.WaitForAssertion(() => Assert.NotEmpty(_page.Popovers.FindAll("[data-testid=notification-list]")), Timeout);
        return cut;
    }

    [Fact]
    public void The_badge_shows_the_unread_count_and_the_list_shows_title_body_and_time()
    {
        Returns(2, Item("Speed to lead missed: INQ-2026-000007", 4), Item("Bed reservation expired: INQ-2026-000003", 90), Item("Old news", 60 * 30, read: true));

        var cut = Open();

        Assert.Contains("2", cut.Find("[data-testid=notification-count]").TextContent, StringComparison.Ordinal);
        Assert.Equal("2 unread notifications", cut.Find("[data-testid=notification-bell-button]").GetAttribute("aria-label"));
        var items = _page.Popovers.FindAll("[data-testid=notification-item]");
        Assert.Equal(3, items.Count);
        Assert.Contains("Speed to lead missed: INQ-2026-000007", items[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Body of Speed to lead missed", items[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("4 min ago", items[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("1 h ago", items[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("font-weight:600", items[0].InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("font-weight:600", items[2].InnerHtml, StringComparison.Ordinal);
        Assert.NotEmpty(_page.Popovers.FindAll("[data-testid=notifications-see-all]"));
    }

    [Fact]
    public void Clicking_an_unread_notification_marks_it_read_and_follows_its_link()
    {
        var item = Item("Speed to lead missed", 4, link: "/inquiries/42");
        Returns(1, item);
        Open();

        _page.Popovers.Find("[data-testid=notification-item]").Click();

        _page.Sender.Verify(s => s.Send(It.Is<MarkNotificationsRead>(c => c.NotificationId == item.Id), It.IsAny<CancellationToken>()), Times.Once);
        Assert.EndsWith("/inquiries/42", _page.Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void Clicking_a_read_notification_only_navigates()
    {
        Returns(0, Item("Seen", 10, read: true, link: "/beds"));
        Open();

        _page.Popovers.Find("[data-testid=notification-item]").Click();

        _page.Sender.Verify(s => s.Send(It.IsAny<MarkNotificationsRead>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.EndsWith("/beds", _page.Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void Mark_all_read_marks_every_notification()
    {
        Returns(3, Item("One", 1), Item("Two", 2), Item("Three", 3));
        Open();

        _page.Popovers.Find("[data-testid=notifications-mark-all-read]").Click();

        _page.Sender.Verify(s => s.Send(It.Is<MarkNotificationsRead>(c => c.NotificationId == null), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public void Nothing_unread_hides_the_badge_and_an_empty_list_says_so()
    {
        Returns(0);

        var cut = Open();

        Assert.Empty(_page.Popovers.FindAll("[data-testid=notifications-mark-all-read]"));
        Assert.Contains("You're all caught up.", _page.Popovers.Find("[data-testid=notifications-empty]").TextContent, StringComparison.Ordinal);
        Assert.Equal("0 unread notifications", cut.Find("[data-testid=notification-bell-button]").GetAttribute("aria-label"));
    }

    [Fact]
    public void A_live_push_for_this_user_reloads_the_count_and_one_for_someone_else_does_not()
    {
        Returns(0);
        var cut = _page.RenderPage<NotificationBell>();
        cut.WaitForAssertion(() => Assert.Equal(1, _loads), Timeout);

        _page.Live.NotificationsChanged(["someone-else"]);
        Returns(1, Item("New task", 0));
        _page.Live.NotificationsChanged([PageTestContext.UserId]);

        cut.WaitForAssertion(() => Assert.Equal("1 unread notification", cut.Find("[data-testid=notification-bell-button]").GetAttribute("aria-label")), Timeout);
        Assert.Equal(2, _loads);
    }
}
