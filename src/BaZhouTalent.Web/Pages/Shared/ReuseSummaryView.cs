using BaZhouTalent.Application.Reuse;

namespace BaZhouTalent.Web.Pages.Shared;

/// <summary>The 自建库查重 card of one application (<c>_ReuseSummary</c>), as its viewer may see it.</summary>
public sealed record ReuseSummaryView(string Code, GetReuseReport.Summary Summary);
