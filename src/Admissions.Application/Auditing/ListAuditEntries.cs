using Admissions.Application.Common;
using Admissions.Domain.Auditing;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Auditing;

/// <summary>
/// One row of the log. Views of the same record by the same person within <see cref="RepeatedViews.Window"/> of each
/// other are one row: <see cref="Count"/> views from <see cref="FirstAt"/> to <see cref="OccurredAt"/>.
/// </summary>
public sealed record AuditEntryItem(
    long Id, DateTimeOffset OccurredAt, string UserName, AuditAction Action, string EntityType, string EntityId, string? Fields, string? IpAddress,
    int Count = 1, DateTimeOffset? FirstAt = null);

/// <param name="User">Part of a person's name or email.</param>
/// <param name="Inquiry">An inquiry number (INQ-2026-000123) or id: the entries that name that inquiry.</param>
/// <param name="From">The first day, on the organisation's calendar.</param>
/// <param name="To">The last day, on the organisation's calendar.</param>
public sealed record AuditFilter(
    string? User = null, AuditAction? Action = null, string? EntityType = null, string? EntityId = null,
    DateOnly? From = null, DateOnly? To = null, string? Inquiry = null);

public static class RepeatedViews
{
    /// <summary>A person reading a record for a while opens it again and again; the log shows that as one row with a count.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    /// <summary>Collapses consecutive views (newest first) of one record by one person, each within the window of the next.</summary>
    public static IReadOnlyList<AuditEntryItem> Collapse(IReadOnlyList<AuditEntryItem> newestFirst)
    {
        var rows = new List<AuditEntryItem>();
        foreach (var entry in newestFirst)
        {
            if (rows.Count > 0 && rows[^1] is var last && entry.Action == AuditAction.View && last.Action == AuditAction.View
                && (last.UserName, last.EntityType, last.EntityId, last.IpAddress) == (entry.UserName, entry.EntityType, entry.EntityId, entry.IpAddress)
                && (last.FirstAt ?? last.OccurredAt) - entry.OccurredAt <= Window)
            {
                rows[^1] = last with { Count = last.Count + 1, FirstAt = entry.OccurredAt };
                continue;
            }

            rows.Add(entry);
        }

        return rows;
    }
}

/// <summary>The audit log, newest first. Admins only.</summary>
[RequiresRole(Roles.Admin)]
public sealed record ListAuditEntries(AuditFilter Filter) : IQuery<PagedResult<AuditEntryItem>>
{
    public PageRequest Page { get; init; } = new(0, 50);
}

public sealed class ListAuditEntriesValidator : AbstractValidator<ListAuditEntries>
{
    public ListAuditEntriesValidator() => RuleFor(q => q.Page).ValidPage(200, "entries");
}

public sealed class ListAuditEntriesHandler(IAdmissionsDbContextFactory dbFactory, IStaffDirectory staff, IFacilityCalendar calendar)
    : IQueryHandler<ListAuditEntries, PagedResult<AuditEntryItem>>
{
    public async ValueTask<PagedResult<AuditEntryItem>> Handle(ListAuditEntries query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var entries = db.AuditEntries.AsNoTracking();
        var filter = query.Filter;
        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            var typed = filter.User.Trim();
            var byEmail = (await staff.ListAsync(cancellationToken))
                .Where(s => s.Email.Contains(typed, StringComparison.OrdinalIgnoreCase)).Select(s => s.Id).ToList();
            var pattern = LikePattern.ContainingIgnoringCase(typed);
#pragma warning disable CA1304, CA1311 // Translated to SQL UPPER(); culture overloads have no translation.
            entries = entries.Where(e => EF.Functions.Like(e.UserName.ToUpper(), pattern, LikePattern.Escape) || byEmail.Contains(e.UserId));
#pragma warning restore CA1304, CA1311
        }

        if (!string.IsNullOrWhiteSpace(filter.Inquiry))
        {
            var typed = filter.Inquiry.Trim();
            var number = typed.ToUpperInvariant();
            var inquiryId = Guid.TryParse(typed, out var id)
                ? id
                : await db.Inquiries.Where(i => i.Number == number).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(cancellationToken);
            if (inquiryId is null)
            {
                return new PagedResult<AuditEntryItem>([], 0);
            }

            // Reads of an inquiry's records (screenings, insurance, level of care) name the inquiry, as its own changes do.
            var named = inquiryId.Value.ToString();
            entries = entries.Where(e => e.EntityId == named);
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

        var days = calendar.Organisation;
        if (filter.From is { } from)
        {
            var start = days.StartOf(from);
            entries = entries.Where(e => e.OccurredAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = days.StartOf(to.AddDays(1));
            entries = entries.Where(e => e.OccurredAt < end);
        }

        var page = await entries
            .OrderByDescending(e => e.Id)
            .Select(e => new AuditEntryItem(e.Id, e.OccurredAt, e.UserName, e.Action, e.EntityType, e.EntityId, e.Fields, e.IpAddress, 1, null))
            .ToPageAsync(query.Page, cancellationToken);
        return page with { Items = RepeatedViews.Collapse(page.Items) };
    }
}

/// <summary>The kinds of record the log holds, for the log's filter.</summary>
[RequiresRole(Roles.Admin)]
public sealed record ListAuditRecordTypes : IQuery<IReadOnlyList<string>>;

public sealed class ListAuditRecordTypesHandler(IAdmissionsDbContextFactory dbFactory) : IQueryHandler<ListAuditRecordTypes, IReadOnlyList<string>>
{
    public async ValueTask<IReadOnlyList<string>> Handle(ListAuditRecordTypes query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await db.AuditEntries.AsNoTracking().Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
    }
}
