namespace Admissions.Application.Common;

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount);

public enum SortDirection
{
    Ascending,
    Descending,
}
