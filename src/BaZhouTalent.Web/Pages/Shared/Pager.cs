using BaZhouTalent.Application.Common;
using Microsoft.AspNetCore.WebUtilities;

namespace BaZhouTalent.Web.Pages.Shared;

/// <summary>
/// What _Pager draws under a paged list: where we are, and links that keep the rest of the query string
/// (search, year…) so a paged view can be bookmarked.
/// </summary>
public sealed record Pager(int Page, int PageCount, int Total, int Size, string Path, IReadOnlyDictionary<string, string> Query)
{
    // Not "page": Razor Pages reserve that route value for the page's own path.
    public const string PageKey = "p";

    public static Pager For<T>(Paged<T> paged, HttpRequest request) => new(
        paged.Page, paged.PageCount, paged.Total, paged.Size, request.Path,
        request.Query.Where(q => q.Key != PageKey && q.Key != "handler").ToDictionary(q => q.Key, q => q.Value.ToString()));

    public string Link(int page)
    {
        var query = new Dictionary<string, string?>(Query.Select(q => KeyValuePair.Create(q.Key, (string?)q.Value)));
        if (page > 1) query[PageKey] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString(Path, query);
    }
}
