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
