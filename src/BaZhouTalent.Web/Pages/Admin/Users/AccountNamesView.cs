namespace BaZhouTalent.Web.Pages.Admin.Users;

/// <summary>What the shared 姓名 / 职务 / 显示名称 fields show.</summary>
public sealed record AccountNamesView(string? DisplayName, string? RealName, string? Post);
