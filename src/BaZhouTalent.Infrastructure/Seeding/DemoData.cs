using BaZhouTalent.Application.Security;

namespace BaZhouTalent.Infrastructure.Seeding;

/// <summary>The Development-only units and accounts that let a reader walk the whole closure.</summary>
internal static class DemoData
{
    public const string PartySchoolBazhou = "中共巴中市巴州区委党校";
    public const string OrganisationDepartmentBazhou = "中共巴中市巴州区委组织部";
    public const string PartySchoolCity = "中共巴中市委党校";
    public const string PartySchoolPingchang = "中共平昌县委党校";

    public static readonly IReadOnlyList<(string Unit, string Region)> Units =
    [
        (PartySchoolBazhou, "巴州区"),
        (OrganisationDepartmentBazhou, "巴州区"),
        (PartySchoolCity, ReferenceData.CityLevel),
        (PartySchoolPingchang, "平昌县"),
    ];

    /// <param name="RealName">姓名, printed on the signature lines.</param>
    /// <param name="Post">职务 of staff accounts, printed before the name; empty for researchers and experts.</param>
    public sealed record Account(string UserName, string DisplayName, string Role, string? Unit = null, string? Region = null, string RealName = "", string Post = "");

    public static readonly IReadOnlyList<Account> Accounts =
    [
        new("admin", "市社科联管理员", Roles.MunicipalFederation, RealName: "王建华", Post: "科研规划科科长"),
        new("yangzhuo", "杨卓", Roles.Researcher, PartySchoolBazhou, RealName: "杨卓"),
        new("unit.bzdx", "巴州区委党校审核人", Roles.UnitReviewer, PartySchoolBazhou, RealName: "李明", Post: "教研室主任"),
        new("skl.bazhou", "巴州区社科联", Roles.CountyFederation, Region: "巴州区", RealName: "赵静", Post: "副主席"),
        new("expert.1", "张立新", Roles.Expert, PartySchoolCity, RealName: "张立新"),
        new("expert.2", "刘芳", Roles.Expert, PartySchoolPingchang, RealName: "刘芳"),
        new("expert.3", "陈志强", Roles.Expert, PartySchoolCity, RealName: "陈志强"),
    ];

    /// <summary>The demo account that leads the reference project.</summary>
    public const string ReferenceLeader = "yangzhuo";
}
