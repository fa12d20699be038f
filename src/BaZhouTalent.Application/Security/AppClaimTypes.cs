namespace BaZhouTalent.Application.Security;

/// <summary>Claims in the sign-in cookie that the authorization rules read.</summary>
public static class AppClaimTypes
{
    public const string UnitId = "unit_id";
    public const string RegionId = "region_id";
}
