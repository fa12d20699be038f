using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Security;

namespace BaZhouTalent.Web.Pages.Shared;

/// <param name="Page">The Razor page the link leads to.</param>
/// <param name="Role">The role that sees the link; null for everyone signed in.</param>
/// <param name="Section">Pages whose path starts with this keep the link highlighted.</param>
public sealed record NavItem(string Title, string Page, string? Role, string Section);

/// <summary>The navigation by role, kept in code so a test can check every link leads to a real page.</summary>
public static class Navigation
{
    public static readonly IReadOnlyList<NavItem> Items =
    [
        new("待办事项", "/Index", null, "/Index"),
        new("我的项目", "/Projects/Index", Roles.Researcher, "/Projects/"),
        new("单位审核", "/Review/Unit", Roles.UnitReviewer, "/Review/Unit"),
        new("申请事项", "/Requests/Unit", Roles.UnitReviewer, "/Requests/"),
        new("县区社科联审核", "/Review/County", Roles.CountyFederation, "/Review/County"),
        new("专家鉴定", "/Review/Expert", Roles.Expert, "/Review/Expert"),
        new("结项受理与审核", "/Review/Federation", Roles.MunicipalFederation, "/Review/Federation"),
        new("申请事项", "/Requests/Federation", Roles.MunicipalFederation, "/Requests/"),
        new("总览", "/Admin/Dashboard", Roles.MunicipalFederation, "/Admin/Dashboard"),
        new("结项管理", "/Programme/Index", Roles.MunicipalFederation, "/Programme/"),
        new("结项管理", "/Programme/Index", Roles.UnitReviewer, "/Programme/"),
        new("结项管理", "/Programme/Index", Roles.CountyFederation, "/Programme/"),
        new("项目登记", "/Admin/Projects", Roles.MunicipalFederation, "/Admin/Projects"),
        new("单位管理", "/Admin/Units", Roles.MunicipalFederation, "/Admin/Units"),
        new("用户管理", "/Admin/Users", Roles.MunicipalFederation, "/Admin/Users"),
        new("专家库", "/Admin/Experts", Roles.MunicipalFederation, "/Admin/Experts"),
        new("结项公示", "/Admin/Announcements", Roles.MunicipalFederation, "/Admin/Announcements"),
        new("归档", "/Admin/Archive", Roles.MunicipalFederation, "/Admin/Archive"),
        new("结项批次", "/Admin/Windows", Roles.MunicipalFederation, "/Admin/Windows"),
        new("审计日志", "/Admin/Audit", Roles.MunicipalFederation, "/Admin/Audit"),
        new("备份记录", "/Admin/Backups", Roles.MunicipalFederation, "/Admin/Backups"),
    ];

    public static IEnumerable<NavItem> For(ICurrentUser user) =>
        Items.Where(i => i.Role is null || user.IsInRole(i.Role)).DistinctBy(i => i.Page);

    public static bool IsActive(NavItem item, string? currentPage) =>
        currentPage is not null && (currentPage == item.Page || currentPage.StartsWith(item.Section, StringComparison.Ordinal));

    /// <summary>The signed-in user's roles in Chinese, in the order of <see cref="Roles.All"/>.</summary>
    public static string RoleNames(ICurrentUser user) =>
        string.Join("、", Roles.All.Where(user.IsInRole).Select(Roles.ToChinese));
}
