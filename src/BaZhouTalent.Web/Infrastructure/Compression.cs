using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace BaZhouTalent.Web.Infrastructure;

/// <summary>
/// Pages, styles and scripts go out compressed (Brotli, else gzip): list pages of Chinese text shrink several times
/// over, which matters on county intranet links. PDFs and spreadsheets are compressed formats already and are left alone.
/// </summary>
public static class Compression
{
    public static IServiceCollection AddPortalCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            // Every page is served over HTTPS in production; the secrets on a page (the antiforgery token) are
            // per-request, so compressing under TLS does not open a BREACH-style guess of a stable secret.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ["text/html", "text/css", "text/javascript", "application/javascript", "application/json", "image/svg+xml"];
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }
}
