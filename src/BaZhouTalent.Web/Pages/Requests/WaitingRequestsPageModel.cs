using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Projects;
using BaZhouTalent.Web.Pages.Shared;

namespace BaZhouTalent.Web.Pages.Requests;

/// <summary>The unit's and the federation's lists of requests waiting for them differ only in party and wording;
/// each subclass carries its own [Authorize(Roles = …)].</summary>
public abstract class WaitingRequestsPageModel(ListWaitingRequests.Handler handler) : ListPageModel
{
    public abstract RequestParty Party { get; }
    public abstract string Heading { get; }
    public abstract string Lead { get; }

    public Paged<ListWaitingRequests.Row> Rows { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await handler.HandleAsync(Party, Listing, cancellationToken);
}
