using Admissions.Application.Common;
using Admissions.Domain.Auditing;
using Admissions.Domain.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Auditing;

public sealed record AuditEntryItem(
    long Id, DateTimeOffset OccurredAt, string UserName, AuditAction Action, string EntityType, string EntityId, string? Fields, string? IpAddress);

public sealed record AuditFilter(
    string? User = null, AuditAction? Action = null, string? EntityType = null, string? EntityId = null,
    DateOnly? From = null, DateOnly? To = null);

/// <summary>The audit log, newest first. Admins only.</summary>
[RequiresRole(Roles.Admin)]
public sealed record ListAuditEntries(AuditFilter Filter, int Skip = 0, int Take = 50) : IQuery<PagedResult<AuditEntryItem>>;

public sealed class ListAuditEntriesHandler(IAdmissionsDbContextFactory dbFactory) : IQueryHandler<ListAuditEntries, PagedResult<AuditEntryItem>>
{
    public async ValueTask<PagedResult<AuditEntryItem>> Handle(ListAuditEntries query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var entries = db.AuditEntries.AsNoTracking();
        var filter = query.Filter;
        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            var pattern = LikePattern.ContainingIgnoringCase(filter.User.Trim());
#pragma warning disable CA1304, CA1311 // Translated to SQL UPPER(); culture overloads have no translation.
            entries = entries.Where(e => EF.Functions.Like(e.UserName.ToUpper(), pattern, LikePattern.Escape));
#pragma warning restore CA1304, CA1311
        }

        if (filter.Action is { } action)
        {
            entries = entries.Where(e => e.Action == action);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            entries = entries.Where(e => e.EntityType == filter.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityId))
        {
            entries = entries.Where(e => e.EntityId == filter.EntityId.Trim());
        }

        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(e => e.OccurredAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(e => e.OccurredAt < end);
        }

        var total = await entries.CountAsync(cancellationToken);
        var items = await entries
            .OrderByDescending(e => e.Id)
            .Skip(Math.Max(0, query.Skip))
            .Take(Math.Clamp(query.Take, 1, 200))
            .Select(e => new AuditEntryItem(e.Id, e.OccurredAt, e.UserName, e.Action, e.EntityType, e.EntityId, e.Fields, e.IpAddress))
            .ToListAsync(cancellationToken);
        return new PagedResult<AuditEntryItem>(items, total);
    }
}
