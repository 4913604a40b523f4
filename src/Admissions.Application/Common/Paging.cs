using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Common;

/// <summary>
/// Which page of a list to read: its number from 0 and how many rows a page holds, as a grid's pager gives them.
/// Every list query carries one and reads it with <see cref="Paging.ToPageAsync{T}(IQueryable{T}, PageRequest, CancellationToken)"/>.
/// </summary>
public sealed record PageRequest(int Index = 0, int Size = PageRequest.DefaultSize)
{
    public const int DefaultSize = 25;

    /// <summary>The rows before this page.</summary>
    public int Skip => Index * Size;
}

/// <summary>One page of a list, and how many rows the whole list holds.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount)
{
    /// <summary>The same page with each row turned into another (for what the database cannot build).</summary>
    public PagedResult<TResult> Select<TResult>(Func<T, TResult> selector) => new([.. Items.Select(selector)], TotalCount);
}

public static class PageRules
{
    /// <summary>The one rule for a page: numbered from 0, holding 1 to <paramref name="maxSize"/> <paramref name="rows"/> (what the list's pager offers at most).</summary>
    public static IRuleBuilderOptions<T, PageRequest> ValidPage<T>(this IRuleBuilder<T, PageRequest> rule, int maxSize, string rows) =>
        rule.ChildRules(page =>
        {
            page.RuleFor(p => p.Index).GreaterThanOrEqualTo(0).WithMessage("Pages are numbered from 0.");
            page.RuleFor(p => p.Size).InclusiveBetween(1, maxSize).WithMessage($"Pages hold between 1 and {maxSize} {rows}.");
        });
}

public static class Paging
{
    /// <summary>Counts the rows, then reads the requested page of them (the query brings its own order).</summary>
    public static async Task<PagedResult<T>> ToPageAsync<T>(this IQueryable<T> rows, PageRequest page, CancellationToken cancellationToken) =>
        await rows.ToPageAsync(page, await rows.CountAsync(cancellationToken), cancellationToken);

    /// <summary>Reads the requested page of rows already counted some other way (e.g. from the search terms alone).</summary>
    public static async Task<PagedResult<T>> ToPageAsync<T>(this IQueryable<T> rows, PageRequest page, int total, CancellationToken cancellationToken) =>
        new(await rows.Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken), total);
}

public enum SortDirection
{
    Ascending,
    Descending,
}
