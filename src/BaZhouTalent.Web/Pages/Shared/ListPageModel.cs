using BaZhouTalent.Application.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Shared;

/// <summary>A page showing one paged list: search text, sort and page bound from the query string (<see cref="ListLinks"/>).</summary>
public abstract class ListPageModel : PageModel
{
    [BindProperty(SupportsGet = true, Name = ListLinks.SearchKey)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true, Name = ListLinks.SortKey)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = ListLinks.DescendingKey)] public bool Descending { get; set; }
    [BindProperty(SupportsGet = true, Name = ListLinks.PageKey)] public int PageNumber { get; set; } = 1;

    public ListRequest Listing => new(PageNumber, ListRequest.DefaultPageSize, Sort, Descending, Search);
}
