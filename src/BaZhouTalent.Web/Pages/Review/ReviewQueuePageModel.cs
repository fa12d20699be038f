using BaZhouTalent.Application.Queue;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Review;

/// <summary>
/// The four review list pages differ only in role and wording; each subclass carries its own
/// [Authorize(Roles = …)] so the role check sits beside the page it protects.
/// </summary>
public abstract class ReviewQueuePageModel(ListReviewQueue.Handler handler) : PageModel
{
    public abstract string Role { get; }
    public abstract string Heading { get; }
    public abstract string Lead { get; }
    public abstract string EmptyMessage { get; }

    public IReadOnlyList<ListReviewQueue.Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await handler.HandleAsync(new ListReviewQueue.Query(Role), cancellationToken);
}
