using BaZhouTalent.Application.Accounts;

namespace BaZhouTalent.Web.Pages.Admin.Users;

/// <summary>What the shared 所在单位 and 县区 choices show: every unit (grouped by region), the counties, and the chosen ones.</summary>
public sealed record AccountScopeView(CreateAccount.Choices Choices, int? UnitId, int? RegionId);
