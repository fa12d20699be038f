using System.IO.Compression;
using System.Text;

namespace BaZhouTalent.Application.Applications;

/// <summary>A type of file the portal accepts as an attachment, recognised by its content.</summary>
public sealed record AttachmentFileType(string Name, string ContentType, IReadOnlyList<string> Extensions)
{
    public static readonly AttachmentFileType Pdf = new("PDF 文件", "application/pdf", [".pdf"]);
    public static readonly AttachmentFileType Png = new("PNG 图片", "image/png", [".png"]);
    public static readonly AttachmentFileType Jpeg = new("JPEG 图片", "image/jpeg", [".jpg", ".jpeg"]);
    public static readonly AttachmentFileType Docx = new("Word（.docx）文档",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
}

/// <summary>
/// Judges an uploaded file by its bytes, never by its name or the browser's content type: it must be a PDF,
/// PNG, JPEG or .docx whose extension says the same, and nothing “virus-shaped” — the EICAR test string, a
/// program (MZ/ELF), a .docx with macros or embedded programs, a PDF with scripts, launch actions or embedded
/// files. The answer is the recognised type or the reason, in Chinese, for the researcher.
/// </summary>
public static class AttachmentInspector
{
    public sealed record Inspection(AttachmentFileType? Type, string? Refusal)
    {
        public static Inspection Refuse(string reason) => new(null, reason);
    }

    public const string AcceptedTypes = "PDF、PNG 或 JPEG 图片、Word（.docx）文档";

    private static readonly byte[] Eicar = Encoding.ASCII.GetBytes("EICAR-STANDARD-ANTIVIRUS-TEST-FILE");
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] PdfSignature = Encoding.ASCII.GetBytes("%PDF-");
    private static readonly byte[] ZipSignature = [(byte)'P', (byte)'K', 3, 4];
    private static readonly byte[] ElfSignature = [0x7F, (byte)'E', (byte)'L', (byte)'F'];
    /// <summary>PDF names that run something or carry a file: scripts, launch actions, embedded files.</summary>
    private static readonly string[] DangerousPdfNames = ["JS", "JavaScript", "Launch", "EmbeddedFile", "EmbeddedFiles"];

    internal const string VirusMessage = "文件中含有病毒特征（EICAR 反病毒测试码），已拒绝。";
    private const string ProgramMessage = "文件是可执行程序，不能作为附件上传。";

    public static Inspection Inspect(ReadOnlySpan<byte> content, string fileName, AttachmentOptions limits)
    {
        if (content.IndexOf(Eicar) >= 0) return Inspection.Refuse(VirusMessage);
        if (IsProgram(content)) return Inspection.Refuse(ProgramMessage);

        var type = content.StartsWith(PdfSignature) ? AttachmentFileType.Pdf
            : content.StartsWith(PngSignature) ? AttachmentFileType.Png
            : content.Length >= 3 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF ? AttachmentFileType.Jpeg
            : content.StartsWith(ZipSignature) ? AttachmentFileType.Docx
            : null;
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var accepted = new[] { AttachmentFileType.Pdf, AttachmentFileType.Png, AttachmentFileType.Jpeg, AttachmentFileType.Docx }
            .Any(t => t.Extensions.Contains(extension));
        if (!accepted)
            return Inspection.Refuse(extension.Length == 0
                ? $"文件没有扩展名。只接受 {AcceptedTypes}，请确认文件类型后重新选择。"
                : $"不接受扩展名为“{extension}”的文件。只接受 {AcceptedTypes}。");
        if (type is null)
            return Inspection.Refuse($"只接受 {AcceptedTypes}；该文件的内容不是其中任何一种。");
        if (!type.Extensions.Contains(extension))
        {
            var actual = type == AttachmentFileType.Docx ? "压缩包（ZIP）或 Office 文档" : type.Name;
            return Inspection.Refuse($"文件扩展名为“{extension}”，但内容是{actual}，两者不符。请核对文件后重新选择。");
        }

        var bytes = content.ToArray();
        var problem = type == AttachmentFileType.Docx ? Files.DocxInspector.Inspect(bytes, limits)
            : HoldsZip(bytes) ? $"该{type.Name}中还夹带了压缩包（ZIP）数据，可能被当作其他类型的文件打开，已拒绝。请重新生成或另存后上传。"
            : type == AttachmentFileType.Pdf ? InspectPdf(bytes, limits)
            : null;
        return problem is null ? new Inspection(type, null) : Inspection.Refuse(problem);
    }

    /// <summary>
    /// A PDF or picture that is also a ZIP archive: ZIP readers (unzip, Java, Office) look for the archive's end record in
    /// the last 64 KB and find its entries from there, whatever comes before, so such a file opens as an archive — a
    /// .jar, a .docx — as well. An end record there that declares entries and whose comment reaches the file's end is refused.
    /// </summary>
    private static bool HoldsZip(ReadOnlySpan<byte> content)
    {
        var tail = content[Math.Max(0, content.Length - (65535 + 22))..];
        for (var at = tail.LastIndexOf("PK\u0005\u0006"u8); at >= 0; at = tail[..at].LastIndexOf("PK\u0005\u0006"u8))
        {
            if (at + 22 > tail.Length) continue;
            var entries = tail[at + 10] | (tail[at + 11] << 8);
            var commentLength = tail[at + 20] | (tail[at + 21] << 8);
            if (entries > 0 && at + 22 + commentLength == tail.Length) return true;
        }
        return false;
    }

    internal static bool IsProgram(ReadOnlySpan<byte> content) =>
        (content.Length >= 2 && content[0] == 'M' && content[1] == 'Z') || content.StartsWith(ElfSignature);

    /// <summary>
    /// Names in the file's own bytes (#xx escapes decoded), a first net that also sees objects no cross-reference
    /// table names; then the real parse of <see cref="PdfInspector"/>, every object and every stream decoded.
    /// </summary>
    internal static string? InspectPdf(byte[] content, AttachmentOptions limits) =>
        DangerousPdfName(content) is { } name ? Files.PdfInspector.DangerousNameMessage(name) : Files.PdfInspector.Inspect(content, limits);

    /// <summary>The first dangerous name in PDF syntax, with #xx escapes decoded (/J#53 is /JS).</summary>
    private static string? DangerousPdfName(ReadOnlySpan<byte> content)
    {
        for (var i = content.IndexOf((byte)'/'); i >= 0 && i < content.Length; )
        {
            var name = new StringBuilder();
            var j = i + 1;
            while (j < content.Length && IsNameChar(content[j]) && name.Length < 64)
            {
                if (content[j] == '#' && j + 2 < content.Length && IsHex(content[j + 1]) && IsHex(content[j + 2]))
                {
                    name.Append((char)Convert.ToByte(Encoding.ASCII.GetString(content.Slice(j + 1, 2)), 16));
                    j += 3;
                }
                else name.Append((char)content[j++]);
            }
            var text = name.ToString();
            if (DangerousPdfNames.Contains(text, StringComparer.Ordinal)) return text;
            var next = content[j..].IndexOf((byte)'/');
            if (next < 0) break;
            i = j + next;
        }
        return null;
    }

    private static bool IsNameChar(byte b) => b > 32 && b < 127 && "/()<>[]{}%".IndexOf((char)b) < 0;

    private static bool IsHex(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';
}
