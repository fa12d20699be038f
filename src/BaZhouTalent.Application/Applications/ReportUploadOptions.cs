using System.ComponentModel.DataAnnotations;

namespace BaZhouTalent.Application.Applications;

/// <summary>Limits on an uploaded final report (section “ReportUpload” of appsettings.json).</summary>
public sealed class ReportUploadOptions
{
    public const string Section = "ReportUpload";

    /// <summary>The largest .docx accepted, in bytes (default 20 MB).</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxFileBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>The most the parts of one .docx may expand to; a zip bomb expands to far more.</summary>
    [Range(1024, 4L * 1024 * 1024 * 1024)]
    public long MaxUncompressedBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>The most entries a .docx may hold; real ones hold a few dozen.</summary>
    [Range(10, 100_000)]
    public int MaxEntries { get; set; } = 2_000;

    /// <summary>The largest expansion of one entry; XML compresses about tenfold, bombs a thousandfold.</summary>
    [Range(10, 100_000)]
    public int MaxCompressionRatio { get; set; } = 200;
}
