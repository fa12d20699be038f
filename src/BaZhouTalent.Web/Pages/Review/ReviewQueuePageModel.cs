using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Queue;
using BaZhouTalent.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace BaZhouTalent.Web.Pages.Review;

/// <summary>
/// The four review list pages differ only in role and wording; each subclass carries its own
/// [Authorize(Roles = …)] so the role check sits beside the page it protects. Searched, sorted and paged on the server.
/// </summary>
public abstract class ReviewQueuePageModel(ListReviewQueue.Handler handler) : ListPageModel
{
    public const string StatusKey = "status";

    public abstract string Role { get; }
    public abstract string Heading { get; }
    public abstract string Lead { get; }
    public abstract string EmptyMessage { get; }

    /// <summary>The statuses this role's list can be narrowed to (more than one only for the city federation).</summary>
    public virtual IReadOnlyList<ApplicationStatus> Statuses => [];

    /// <summary>The status filter by its name (e.g. FederationIntake); an unknown name lists every status.</summary>
    [BindProperty(SupportsGet = true, Name = StatusKey)] public string? StatusName { get; set; }

    public ApplicationStatus? Status =>
        Enum.TryParse<ApplicationStatus>(StatusName, ignoreCase: true, out var status) && Enum.IsDefined(status) ? status : null;

    public Paged<ListReviewQueue.Row> Rows { get; private set; } = new([], 1, ListRequest.DefaultPageSize, 0);

    public IReadOnlyDictionary<ApplicationStatus, int> CountsByStatus { get; private set; } = new Dictionary<ApplicationStatus, int>();

    public bool Filtered => Listing.Term is not null || Status is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new ListReviewQueue.Query(Role, Listing, Status), cancellationToken);
        Rows = result.Rows;
        CountsByStatus = result.CountsByStatus;
    }
}
