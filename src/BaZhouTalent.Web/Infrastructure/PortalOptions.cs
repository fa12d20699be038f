namespace BaZhouTalent.Web.Infrastructure;

/// <summary>
/// Where the portal is reached from outside: printed under every 核验码 and encoded in each certificate's QR code.
/// Taken from configuration only, never from a request (whose Host header a client chooses), and required at start.
/// </summary>
public sealed class PortalOptions
{
    public const string SectionName = "Portal";

    /// <summary>The public base address, e.g. https://skl.bazhong.gov.cn (Development: http://localhost:5080).</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The base address without a trailing slash.</summary>
    public string BaseUrl => (PublicBaseUrl ?? "").Trim().TrimEnd('/');

    /// <summary>The /verify address printed under a code.</summary>
    public string VerifyAddress => BaseUrl + "/verify";

    public bool IsValid =>
        Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
