using BaZhouTalent.Application.Reuse;

namespace BaZhouTalent.Web.Pages.Shared;

/// <summary>
/// The 自建库查重 card of one application (<c>_ReuseSummary</c>), as its viewer may see it; <paramref name="Details"/> false
/// on the side-by-side page itself, which lists the sources and passages below the card.
/// </summary>
public sealed record ReuseSummaryView(string Code, GetReuseReport.Summary Summary, bool Details = true);
