using BaZhouTalent.Application.Common;

namespace BaZhouTalent.Web.Pages.Shared;

/// <summary>
/// Links of a paged list that keep every other filter of the current address, so a view can be bookmarked and paging
/// or sorting never loses what was chosen. Keys: page, sort, desc, q and the list's own filters.
/// </summary>
public static class ListLinks
{
    public const string PageKey = "p"; // "page" is the route value that names the Razor page
    public const string SortKey = "sort";
    public const string DescendingKey = "desc";
    public const string SearchKey = "q";

    /// <summary>This page's address with <paramref name="changes"/> applied to its query (a null value removes the key).</summary>
    public static string With(HttpRequest request, params (string Key, string? Value)[] changes)
    {
        var values = request.Query.Where(q => !string.Equals(q.Key, "handler", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(q => q.Key, q => (string?)q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in changes)
        {
            if (value is null) values.Remove(key);
            else values[key] = value;
        }
        return request.PathBase + request.Path + QueryString.Create(values.Where(v => !string.IsNullOrEmpty(v.Value)));
    }

    public static string ToPage(HttpRequest request, int page) =>
        With(request, (PageKey, page == 1 ? null : page.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Sorting by <paramref name="column"/>: ascending first, the other way on a second click; back to page 1.</summary>
    public static string SortBy(HttpRequest request, ListRequest current, string column)
    {
        var descending = string.Equals(current.Sort, column, StringComparison.OrdinalIgnoreCase) && !current.Descending;
        return With(request, (SortKey, column), (DescendingKey, descending ? "true" : null), (PageKey, null));
    }

    /// <summary>The aria-sort value of a column header.</summary>
    public static string AriaSort(ListRequest current, string column) =>
        !string.Equals(current.Sort, column, StringComparison.OrdinalIgnoreCase) ? "none" : current.Descending ? "descending" : "ascending";
}

/// <summary>What the pager partial needs: the page read and the address it came from.</summary>
public sealed record PagerView(int Page, int PageCount, int Total, int FirstRow, int LastRow)
{
    public static PagerView Of<T>(Paged<T> paged) => new(paged.Page, paged.PageCount, paged.Total, paged.FirstRow, paged.LastRow);

    /// <summary>The page numbers to offer: the first, the last and two either side of the current one.</summary>
    public IReadOnlyList<int> Numbers =>
        Enumerable.Range(1, PageCount).Where(n => n == 1 || n == PageCount || Math.Abs(n - Page) <= 2).ToList();
}
