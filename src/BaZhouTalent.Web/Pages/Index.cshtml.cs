using System.Globalization;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Projects;
using BaZhouTalent.Application.Queue;
using BaZhouTalent.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages;

/// <summary>待办事项: the home page, listing what waits for the signed-in user in any of their roles.</summary>
public sealed class IndexModel(GetWorkQueue.Handler handler, ListWaitingRequests.Handler requests, TimeProvider clock) : PageModel
{
    public const string GroupKey = "group";

    /// <summary>The one group being paged through (<see cref="GetWorkQueue.Group.Key"/>), or null for every group's first page.</summary>
    [BindProperty(SupportsGet = true, Name = GroupKey)] public string? Group { get; set; }

    [BindProperty(SupportsGet = true, Name = ListLinks.PageKey)] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<GetWorkQueue.Group> Groups { get; private set; } = [];

    /// <summary>Extension and termination requests waiting for the user's unit (单位审核) or for the federation (市社科联审批).</summary>
    public int UnitRequests { get; private set; }

    public int FederationRequests { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Groups = await handler.HandleAsync(new GetWorkQueue.Query(Group, PageNumber), cancellationToken);
        if (Group is not null) return;
        UnitRequests = await requests.CountAsync(RequestParty.Unit, cancellationToken);
        FederationRequests = await requests.CountAsync(RequestParty.Federation, cancellationToken);
    }

    /// <summary>The page where the signed-in user acts on the row.</summary>
    public string LinkFor(GetWorkQueue.Row row)
    {
        var code = row.ProjectCode;
        return row.Target switch
        {
            QueueTarget.MyProjects => Url.Page("/Projects/Index")!,
            QueueTarget.CheckAndSubmit => Url.Page("/Applications/Submit", new { code })!,
            QueueTarget.ReturnReason => Url.Page("/Applications/Details", pageHandler: null, values: new { code }, protocol: null, host: null, fragment: "return-reason")!,
            _ => Url.Page("/Review/Act", new { code })!,
        };
    }

    /// <summary>How long a row has waited, in the words a person would use.</summary>
    public string Waited(DateTimeOffset since)
    {
        var waited = clock.GetUtcNow() - since;
        if (waited.TotalDays >= 1) return string.Create(CultureInfo.InvariantCulture, $"{(int)waited.TotalDays} 天");
        if (waited.TotalHours >= 1) return string.Create(CultureInfo.InvariantCulture, $"{(int)waited.TotalHours} 小时");
        return "不到 1 小时";
    }
}
