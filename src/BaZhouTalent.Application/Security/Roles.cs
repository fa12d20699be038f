namespace BaZhouTalent.Application.Security;

/// <summary>The portal's roles; the names are stored in Identity, the Chinese names are shown.</summary>
public static class Roles
{
    public const string Researcher = "Researcher";
    public const string UnitReviewer = "UnitReviewer";
    public const string CountyFederation = "CountyFederation";
    public const string Expert = "Expert";
    public const string MunicipalFederation = "MunicipalFederation";

    public static readonly IReadOnlyList<string> All =
        [Researcher, UnitReviewer, CountyFederation, Expert, MunicipalFederation];

    public static string ToChinese(string role) => role switch
    {
        Researcher => "项目负责人",
        UnitReviewer => "单位审核人",
        CountyFederation => "县区社科联",
        Expert => "鉴定专家",
        MunicipalFederation => "市社科联",
        _ => role,
    };
}
