using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Common;

/// <summary>
/// Which page of a list to show: a 1-based page number and a page size, clamped so that a hand-edited query
/// string can neither ask for page 0 nor for a million rows.
/// </summary>
public sealed record PageRequest
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;

    public PageRequest(int? page = null, int? size = null)
    {
        Page = Math.Max(1, page ?? 1);
        Size = Math.Clamp(size ?? DefaultSize, 1, MaxSize);
    }

    public int Page { get; }
    public int Size { get; }
    public int Skip => (Page - 1) * Size;
}

/// <summary>One page of rows, with what the pager needs to draw the links around it.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int Size, int Total)
{
    public int PageCount => Math.Max(1, (Total + Size - 1) / Size);
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;
}

public static class PagingExtensions
{
    /// <summary>
    /// Counts, then reads only the requested page. The query must already be ordered (with a unique
    /// tie-breaker), or pages could overlap.
    /// </summary>
    public static async Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> ordered, PageRequest request, CancellationToken cancellationToken = default)
    {
        var total = await ordered.CountAsync(cancellationToken);
        var items = total <= request.Skip ? [] : await ordered.Skip(request.Skip).Take(request.Size).ToListAsync(cancellationToken);
        return new Paged<T>(items, request.Page, request.Size, total);
    }

    /// <summary>The same for rows already in memory (e.g. after a ranking that SQL cannot express).</summary>
    public static Paged<T> ToPaged<T>(this IReadOnlyList<T> ordered, PageRequest request) =>
        new(ordered.Skip(request.Skip).Take(request.Size).ToList(), request.Page, request.Size, ordered.Count);
}
