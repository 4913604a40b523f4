using Admissions.Application.Notifications;
using Admissions.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Tests.Notifications;

public class NotificationsTests
{
    private static async Task<List<Notification>> ArrangeAsync(TestHost host)
    {
        Notification For(TestUser user, string title, int minutesAgo, bool read = false) => new()
        {
            UserId = user.Id,
            Title = title,
            Body = "Body",
            Link = "/inquiries",
            CreatedAt = TestHost.StartTime.AddMinutes(-minutesAgo),
            ReadAt = read ? TestHost.StartTime : null,
            UniqueKey = title,
        };

        List<Notification> all =
        [
            For(host.Coordinator, "oldest", 30, read: true),
            For(host.Coordinator, "newest", 1),
            For(host.Coordinator, "middle", 10),
            For(host.Coordinator2, "someone else's", 5),
            For(host.BusinessDevelopment, "bd's", 5),
        ];
        await using var db = host.CreateDbContext();
        db.Notifications.AddRange(all);
        await db.SaveChangesAsync();
        return all;
    }

    [Fact]
    public async Task A_user_gets_only_their_own_notifications_newest_first_with_the_unread_count()
    {
        await using var host = await TestHost.StartAsync();
        await ArrangeAsync(host);

        var mine = await host.SendAsync(host.Coordinator, new GetMyNotifications());

        Assert.Equal(["newest", "middle", "oldest"], mine.Items.Select(n => n.Title));
        Assert.Equal([false, false, true], mine.Items.Select(n => n.IsRead));
        Assert.Equal(2, mine.UnreadCount);
    }

    [Fact]
    public async Task Take_limits_the_list_but_not_the_unread_count()
    {
        await using var host = await TestHost.StartAsync();
        await ArrangeAsync(host);

        var mine = await host.SendAsync(host.Coordinator, new GetMyNotifications(Take: 1));

        Assert.Equal(["newest"], mine.Items.Select(n => n.Title));
        Assert.Equal(2, mine.UnreadCount);
    }

    [Fact]
    public async Task Business_development_gets_its_notifications_too()
    {
        await using var host = await TestHost.StartAsync();
        await ArrangeAsync(host);

        var mine = await host.SendAsync(host.BusinessDevelopment, new GetMyNotifications());

        Assert.Equal(["bd's"], mine.Items.Select(n => n.Title));
    }

    [Fact]
    public async Task Marking_all_read_marks_every_one_of_mine_and_none_of_anyone_elses()
    {
        await using var host = await TestHost.StartAsync();
        await ArrangeAsync(host);
        host.Clock.Advance(TimeSpan.FromMinutes(2));

        await host.SendAsync(host.Coordinator, new MarkNotificationsRead(null));

        var mine = await host.SendAsync(host.Coordinator, new GetMyNotifications());
        Assert.Equal(0, mine.UnreadCount);
        Assert.All(mine.Items, n => Assert.True(n.IsRead));
        var newest = await host.QueryAsync(db => db.Notifications.SingleAsync(n => n.Title == "newest"));
        Assert.Equal(TestHost.StartTime.AddMinutes(2), newest.ReadAt);
        var oldest = await host.QueryAsync(db => db.Notifications.SingleAsync(n => n.Title == "oldest"));
        Assert.Equal(TestHost.StartTime, oldest.ReadAt);
        Assert.Equal(1, (await host.SendAsync(host.Coordinator2, new GetMyNotifications())).UnreadCount);
        Assert.Equal([host.Coordinator.Id], Assert.Single(host.Live.Calls));
    }

    [Fact]
    public async Task Marking_one_read_leaves_the_others_unread()
    {
        await using var host = await TestHost.StartAsync();
        var all = await ArrangeAsync(host);

        await host.SendAsync(host.Coordinator, new MarkNotificationsRead(all.Single(n => n.Title == "middle").Id));

        var mine = await host.SendAsync(host.Coordinator, new GetMyNotifications());
        Assert.Equal(1, mine.UnreadCount);
        Assert.False(mine.Items.Single(n => n.Title == "newest").IsRead);
        Assert.True(mine.Items.Single(n => n.Title == "middle").IsRead);
    }

    [Fact]
    public async Task Nobody_can_mark_someone_elses_notification_read()
    {
        await using var host = await TestHost.StartAsync();
        var all = await ArrangeAsync(host);

        await host.SendAsync(host.Coordinator, new MarkNotificationsRead(all.Single(n => n.Title == "someone else's").Id));

        Assert.Equal(1, (await host.SendAsync(host.Coordinator2, new GetMyNotifications())).UnreadCount);
    }
}
