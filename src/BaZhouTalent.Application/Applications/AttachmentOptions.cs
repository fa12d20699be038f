using System.ComponentModel.DataAnnotations;

namespace BaZhouTalent.Application.Applications;

/// <summary>Limits on supporting files (section “Attachments” of appsettings.json; the folder is <c>Attachments:Root</c>).</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    /// <summary>The largest file accepted, in bytes (default 20 MB; Kestrel refuses bodies over about 28 MB before any page).</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxFileBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>The most all files of one application may add up to (default 100 MB).</summary>
    [Range(1024, 64L * 1024 * 1024 * 1024)]
    public long MaxTotalBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>The most files one application may hold (default 20).</summary>
    [Range(1, 1000)]
    public int MaxCount { get; set; } = 20;

    /// <summary>The most the parts of one .docx may expand to when it is inspected.</summary>
    [Range(1024, 4L * 1024 * 1024 * 1024)]
    public long MaxUncompressedBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>The most entries a .docx may hold.</summary>
    [Range(10, 100_000)]
    public int MaxEntries { get; set; } = 2_000;

    /// <summary>The per-file limit as people read it (“20”, “2.5”), in MB.</summary>
    public string MaxFileMegabytes => Megabytes(MaxFileBytes);

    public string MaxTotalMegabytes => Megabytes(MaxTotalBytes);

    public static string Megabytes(long bytes) =>
        (bytes / (1024.0 * 1024)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
