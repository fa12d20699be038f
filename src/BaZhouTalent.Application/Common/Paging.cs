using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Common;

/// <summary>What a list page was asked for in its query string: page, page size, sort column and direction, search text.</summary>
public sealed record ListRequest(int Page = 1, int PageSize = ListRequest.DefaultPageSize, string? Sort = null, bool Descending = false, string? Search = null)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>
    /// The search text as every list compares it, or null when there is none: NFKC-normalised (full-width letters,
    /// digits and spaces as their half-width forms), trimmed, and with A–Z lowered. Lists match it against their columns
    /// lowered the same way (<c>column.ToLower().Contains(term)</c>): SQLite's lower() and PostgreSQL's under the "C"
    /// collation lower A–Z only, as this does, so a search finds the same rows on every provider, whatever the case.
    /// </summary>
    public string? Term => string.IsNullOrWhiteSpace(Search) ? null : SearchForm(Search);

    private static string SearchForm(string text)
    {
        var form = text.Normalize(System.Text.NormalizationForm.FormKC).Trim().ToCharArray();
        for (var i = 0; i < form.Length; i++)
            if (form[i] is >= 'A' and <= 'Z') form[i] = (char)(form[i] | 0x20);
        return new string(form);
    }

    public int SafePageSize => Math.Clamp(PageSize, 1, MaxPageSize);

    /// <summary>The page asked for, within the pages <paramref name="total"/> rows fill (a page past the end shows the last).</summary>
    public int PageWithin(int total) => Math.Clamp(Page, 1, Math.Max(1, (total + SafePageSize - 1) / SafePageSize));
}

/// <summary>One page of a list with what a pager needs; <see cref="Page"/> is already clamped to the pages that exist.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Rows, int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public int FirstRow => Total == 0 ? 0 : ((Page - 1) * PageSize) + 1;

    public int LastRow => Math.Min(Total, Page * PageSize);
}

/// <summary>
/// The columns a list may be sorted by, by the names used in the query string. An unknown name falls back to the
/// default, so a hand-edited address still gets a list; a tie-breaker keeps the order (and so the pages) stable.
/// </summary>
public sealed class SortMap<T>
{
    private readonly Dictionary<string, Func<IQueryable<T>, bool, IOrderedQueryable<T>>> sorts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Func<IOrderedQueryable<T>, IOrderedQueryable<T>> tieBreaker;
    private string? defaultName;
    private bool defaultDescending;

    public SortMap(Expression<Func<T, int>> tieBreaker) => this.tieBreaker = q => q.ThenBy(tieBreaker);

    private SortMap(Func<IOrderedQueryable<T>, IOrderedQueryable<T>> tieBreaker) => this.tieBreaker = tieBreaker;

    /// <summary>A map whose tie-breaker is a chain of keys ending in a unique one (e.g. a time, then a code).</summary>
    public static SortMap<T> TieBrokenByChain(Func<IOrderedQueryable<T>, IOrderedQueryable<T>> tieBreaker) => new(tieBreaker);

    /// <summary>A map whose tie-breaker is a unique key of another type (a long id, a user id, a user name).</summary>
    public static SortMap<T> TieBrokenBy<TKey>(Expression<Func<T, TKey>> tieBreaker) => new(q => q.ThenBy(tieBreaker));

    /// <summary>Adds a column; the first added is the default, sorted in <paramref name="descendingByDefault"/> order.</summary>
    public SortMap<T> Add<TKey>(string name, Expression<Func<T, TKey>> key, bool descendingByDefault = false)
    {
        sorts[name] = (query, descending) => descending ? query.OrderByDescending(key) : query.OrderBy(key);
        if (defaultName is null)
        {
            defaultName = name;
            defaultDescending = descendingByDefault;
        }
        return this;
    }

    public bool Knows(string? name) => name is not null && sorts.ContainsKey(name);

    public IOrderedQueryable<T> Apply(IQueryable<T> query, string? name, bool descending)
    {
        var known = Knows(name);
        var sort = sorts[known ? name! : defaultName ?? throw new InvalidOperationException("A sort map needs at least one column.")];
        return tieBreaker(sort(query, known ? descending : defaultDescending));
    }
}

public static class PagingExtensions
{
    /// <summary>
    /// Counts, sorts and reads one page, projecting only the columns shown: the one way every list pages, so no page
    /// grows with the number of records.
    /// </summary>
    public static async Task<Paged<TRow>> ToPagedAsync<T, TRow>(this IQueryable<T> source, ListRequest request, SortMap<T> sorts,
        Expression<Func<T, TRow>> projection, CancellationToken cancellationToken)
    {
        var total = await source.CountAsync(cancellationToken);
        return await source.ToPageAsync(request, sorts, projection, total, cancellationToken);
    }

    /// <summary>Sorts and reads one page when the number of rows (<paramref name="total"/>) is already known.</summary>
    public static async Task<Paged<TRow>> ToPageAsync<T, TRow>(this IQueryable<T> source, ListRequest request, SortMap<T> sorts,
        Expression<Func<T, TRow>> projection, int total, CancellationToken cancellationToken)
    {
        var size = request.SafePageSize;
        var page = request.PageWithin(total);
        var rows = await sorts.Apply(source, request.Sort, request.Descending)
            .Skip((page - 1) * size).Take(size)
            .Select(projection)
            .ToListAsync(cancellationToken);
        return new Paged<TRow>(rows, page, size, total);
    }
}

/// <summary>
/// Paging over groups and unions: a list made of several groups counted in one statement, the first page of each
/// group read in one statement, and a list whose rows come from parts that never overlap (each part in the shape its
/// index reads best) paged as one. 待办 (<c>Queue.GetWorkQueue</c>) is built on these.
/// </summary>
public static class GroupPaging
{
    /// <summary>How many rows of <paramref name="items"/> each group holds (groups must not overlap), in one grouped count.</summary>
    public static async Task<IReadOnlyList<int>> CountEachAsync<T>(this IQueryable<T> items, IReadOnlyList<Expression<Func<T, bool>>> groups,
        CancellationToken cancellationToken)
    {
        if (groups.Count == 1)
            return [await items.CountAsync(groups[0], cancellationToken)];
        var item = Expression.Parameter(typeof(T), "i");
        // The index of the first group an item is in, or -1.
        Expression index = Expression.Constant(-1);
        for (var g = groups.Count - 1; g >= 0; g--)
            index = Expression.Condition(ParameterSwap.Apply(groups[g], item), Expression.Constant(g), index);
        var counted = await items.GroupBy(Expression.Lambda<Func<T, int>>(index, item))
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(c => c.Key, c => c.Count, cancellationToken);
        return groups.Select((_, g) => counted.GetValueOrDefault(g)).ToList();
    }

    /// <summary>
    /// The first page of each group of <paramref name="source"/>, in one statement: each group's first rows, tagged with
    /// the group's position (<paramref name="tagged"/>, read back by <paramref name="tagOf"/>), united and sorted by the
    /// database. <paramref name="totals"/> are the groups' counts, already known.
    /// </summary>
    public static async Task<IReadOnlyList<Paged<T>>> FirstPagesAsync<T>(this IQueryable<T> source, IReadOnlyList<Expression<Func<T, bool>>> groups,
        IReadOnlyList<int> totals, ListRequest request, SortMap<T> order, Func<int, Expression<Func<T, T>>> tagged, Func<T, int> tagOf,
        CancellationToken cancellationToken)
    {
        var size = request.SafePageSize;
        var combined = groups
            .Select((inGroup, g) => order.Apply(source.Where(inGroup), request.Sort, request.Descending).Take(size).Select(tagged(g)))
            .Aggregate((all, next) => all.Concat(next));
        // A union keeps no order of its own: the database sorts it, and each group takes its rows in that order.
        var rows = await order.Apply(combined, request.Sort, request.Descending).ToListAsync(cancellationToken);
        return groups.Select((_, g) => new Paged<T>(rows.Where(r => tagOf(r) == g).ToList(), 1, size, totals[g])).ToList();
    }

    /// <summary>
    /// One page of the rows of several parts that never overlap, <paramref name="partCounts"/> rows each: the database's
    /// page when one part holds rows, or else each part's first rows up to this page, merged and cut to the page by the
    /// database in one statement.
    /// </summary>
    public static async Task<Paged<T>> ToPageAsync<T>(this IReadOnlyList<IQueryable<T>> parts, IReadOnlyList<int> partCounts,
        ListRequest request, SortMap<T> order, CancellationToken cancellationToken)
    {
        var total = partCounts.Sum();
        var holding = parts.Where((_, p) => partCounts[p] > 0).ToList();
        if (holding.Count <= 1)
            return await (holding.Count == 1 ? holding[0] : parts[0]).ToPageAsync(request, order, i => i, total, cancellationToken);
        var size = request.SafePageSize;
        var page = request.PageWithin(total);
        var firstRows = holding
            .Select(part => order.Apply(part, request.Sort, request.Descending).Take(page * size))
            .Aggregate((all, next) => all.Concat(next));
        var merged = await order.Apply(firstRows, request.Sort, request.Descending)
            .Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new Paged<T>(merged, page, size, total);
    }
}
