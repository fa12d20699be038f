namespace BaZhouTalent.Web.Infrastructure;

/// <summary>Authorization policies applied to page folders.</summary>
public static class Policies
{
    public const string MunicipalFederation = nameof(MunicipalFederation);
}
