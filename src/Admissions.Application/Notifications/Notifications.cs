using Admissions.Application.Common;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Notifications;

public sealed record NotificationItem(Guid Id, string Title, string Body, string? Link, DateTimeOffset CreatedAt, bool IsRead, bool IsUrgent = false);

public sealed record MyNotifications(IReadOnlyList<NotificationItem> Items, int UnreadCount);

[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview, Roles.BusinessDevelopment)]
public sealed record GetMyNotifications(int Take = 20) : IQuery<MyNotifications>;

public sealed class GetMyNotificationsHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user)
    : IQueryHandler<GetMyNotifications, MyNotifications>
{
    public async ValueTask<MyNotifications> Handle(GetMyNotifications query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == user.Id);
        var items = await mine
            .OrderByDescending(n => n.CreatedAt)
            .Take(Math.Clamp(query.Take, 1, 100))
            .Select(n => new NotificationItem(n.Id, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt != null, n.IsUrgent))
            .ToListAsync(cancellationToken);
        var unread = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        return new MyNotifications(items, unread);
    }
}

/// <summary>A page of the user's notifications, newest first; only the unread ones when <see cref="UnreadOnly"/>.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview, Roles.BusinessDevelopment)]
public sealed record ListMyNotifications(bool UnreadOnly) : IQuery<PagedResult<NotificationItem>>
{
    public PageRequest Page { get; init; } = new();
}

public sealed class ListMyNotificationsValidator : AbstractValidator<ListMyNotifications>
{
    public ListMyNotificationsValidator() => RuleFor(q => q.Page).ValidPage(100, "notifications");
}

public sealed class ListMyNotificationsHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user)
    : IQueryHandler<ListMyNotifications, PagedResult<NotificationItem>>
{
    public async ValueTask<PagedResult<NotificationItem>> Handle(ListMyNotifications query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == user.Id);
        if (query.UnreadOnly)
        {
            mine = mine.Where(n => n.ReadAt == null);
        }

        return await mine
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Select(n => new NotificationItem(n.Id, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt != null, n.IsUrgent))
            .ToPageAsync(query.Page, cancellationToken);
    }
}

/// <summary>Marks one notification read, or all of the user's when <see cref="NotificationId"/> is null.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview, Roles.BusinessDevelopment)]
public sealed record MarkNotificationsRead(Guid? NotificationId) : ICommand;

public sealed class MarkNotificationsReadHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, ILiveNotifier live, TimeProvider clock)
    : ICommandHandler<MarkNotificationsRead>
{
    public async ValueTask<Unit> Handle(MarkNotificationsRead command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var unread = db.Notifications.Where(n => n.UserId == user.Id && n.ReadAt == null);
        if (command.NotificationId is { } id)
        {
            unread = unread.Where(n => n.Id == id);
        }

        var now = clock.GetUtcNow();
        foreach (var notification in await unread.ToListAsync(cancellationToken))
        {
            notification.ReadAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        live.NotificationsChanged([user.Id]);
        return Unit.Value;
    }
}
