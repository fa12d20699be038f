namespace BaZhouTalent.Web.Infrastructure;

/// <summary>Where the portal is reached from outside: printed under every 核验码 so a reader knows where to check it.</summary>
public sealed class PortalOptions
{
    public const string SectionName = "Portal";

    /// <summary>The public base address, e.g. https://skl.bazhong.gov.cn; empty uses the address of the request that printed.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The /verify address printed under a code: the configured base, or the request's own.</summary>
    public string VerifyAddress(HttpRequest request)
    {
        var root = string.IsNullOrWhiteSpace(PublicBaseUrl)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : PublicBaseUrl.Trim();
        return root.TrimEnd('/') + "/verify";
    }
}
