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
    /// <summary>The OLE stream of the Packager, which wraps any file (a program too) inside a Word document.</summary>
    private static readonly byte[] Ole10Native = Encoding.Unicode.GetBytes("Ole10Native");
    private static readonly string[] ProgramExtensions = [".exe", ".dll", ".scr", ".com", ".bat", ".cmd", ".js", ".jse", ".vbs", ".vbe", ".ps1", ".msi", ".hta", ".lnk", ".jar"];
    /// <summary>PDF names that run something or carry a file: scripts, launch actions, embedded files.</summary>
    private static readonly string[] DangerousPdfNames = ["JS", "JavaScript", "Launch", "EmbeddedFile", "EmbeddedFiles"];

    private const string VirusMessage = "文件中含有病毒特征（EICAR 反病毒测试码），已拒绝。";
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

        var problem = type == AttachmentFileType.Pdf ? InspectPdf(content)
            : type == AttachmentFileType.Docx ? InspectDocx(content.ToArray(), limits)
            : null;
        return problem is null ? new Inspection(type, null) : Inspection.Refuse(problem);
    }

    private static bool IsProgram(ReadOnlySpan<byte> content) =>
        (content.Length >= 2 && content[0] == 'M' && content[1] == 'Z') || content.StartsWith(ElfSignature);

    /// <summary>Scripts, launch actions and embedded files, in the file's own bytes and inside its compressed streams.</summary>
    internal static string? InspectPdf(ReadOnlySpan<byte> content)
    {
        if (DangerousPdfName(content) is { } name) return PdfMessage(name);
        // Dictionaries can hide in compressed object streams: look inside every stream that inflates.
        var offset = 0;
        while (NextStream(content, ref offset) is var (start, end) && start >= 0)
        {
            while (end > start && content[end - 1] is (byte)'\r' or (byte)'\n') end--;
            var inflated = Inflate(content[start..end], 64L * 1024 * 1024);
            if (inflated is null) continue;
            if (inflated.AsSpan().IndexOf(Eicar) >= 0) return VirusMessage;
            if (DangerousPdfName(inflated) is { } hidden) return PdfMessage(hidden);
        }
        return null;
    }

    private static string PdfMessage(string name) =>
        $"PDF 文件中含有脚本、启动程序或嵌入文件（/{name}），存在安全风险。请用“打印为 PDF”或“另存为 PDF”重新生成后上传。";

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

    private static readonly byte[] StreamKeyword = Encoding.ASCII.GetBytes("stream");
    private static readonly byte[] EndStreamKeyword = Encoding.ASCII.GetBytes("endstream");

    /// <summary>The next stream's data range after <paramref name="offset"/>, or (-1, -1).</summary>
    private static (int Start, int End) NextStream(ReadOnlySpan<byte> content, ref int offset)
    {
        while (offset < content.Length)
        {
            var found = content[offset..].IndexOf(StreamKeyword);
            if (found < 0) break;
            var keyword = offset + found;
            offset = keyword + StreamKeyword.Length;
            // “endstream” contains “stream”: only a keyword not preceded by “end” opens one.
            if (keyword >= 3 && content.Slice(keyword - 3, 3).SequenceEqual("end"u8)) continue;
            var start = offset;
            if (start < content.Length && content[start] == '\r') start++;
            if (start < content.Length && content[start] == '\n') start++;
            var end = content[start..].IndexOf(EndStreamKeyword);
            if (end < 0) break;
            offset = start + end + EndStreamKeyword.Length;
            return (start, start + end);
        }
        return (-1, -1);
    }

    /// <summary>The zlib (FlateDecode) content of a stream, at most <paramref name="max"/> bytes; null when it is not zlib.</summary>
    private static byte[]? Inflate(ReadOnlySpan<byte> data, long max)
    {
        if (data.Length < 2 || (data[0] & 0x0F) != 8 || ((data[0] << 8) | data[1]) % 31 != 0) return null;
        try
        {
            using var input = new MemoryStream(data.ToArray());
            using var zlib = new ZLibStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = zlib.Read(buffer)) > 0)
            {
                output.Write(buffer, 0, read);
                if (output.Length > max) break;
            }
            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>A Word document and nothing more: the main part present, no macros, no embedded programs or packages.</summary>
    internal static string? InspectDocx(byte[] content, AttachmentOptions limits)
    {
        const string notWord = "文件扩展名为“.docx”，但内容不是 Word 文档。请在 Word 或 WPS 中另存为“.docx”后重新上传。";
        const string macros = "Word 文档中含有宏（VBA 代码），存在安全风险。请在 Word 或 WPS 中另存为不含宏的“.docx”后重新上传。";
        const string embedded = "Word 文档中嵌入了程序或程序包对象，存在安全风险。请删除文档中的嵌入对象后重新上传。";
        const string bomb = "该 Word 文档解压后的内容异常庞大，系统已拒绝。请重新另存为“.docx”后上传。";
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            if (zip.Entries.Count > limits.MaxEntries) return bomb;
            // The declared sizes can lie; the budget below bounds what is actually read.
            var budget = limits.MaxUncompressedBytes;
            if (zip.GetEntry("word/document.xml") is null || zip.GetEntry("[Content_Types].xml") is null) return notWord;
            foreach (var entry in zip.Entries)
            {
                var name = entry.FullName.ToLowerInvariant();
                if (name.EndsWith("vbaproject.bin", StringComparison.Ordinal) || name.EndsWith("vbadata.xml", StringComparison.Ordinal))
                    return macros;
                if (ProgramExtensions.Any(e => name.EndsWith(e, StringComparison.Ordinal))) return embedded;
                var bytes = Read(entry, ref budget);
                if (bytes is null) return bomb;
                if (bytes.AsSpan().IndexOf(Eicar) >= 0) return VirusMessage;
                if (IsProgram(bytes) || bytes.AsSpan().IndexOf(Ole10Native) >= 0) return embedded;
                if (name == "[content_types].xml" && Encoding.UTF8.GetString(bytes).Contains("macroEnabled", StringComparison.OrdinalIgnoreCase))
                    return macros;
            }
            return null;
        }
        catch (InvalidDataException)
        {
            return notWord;
        }
    }

    /// <summary>The entry's bytes, or null once all entries together pass the budget.</summary>
    private static byte[]? Read(ZipArchiveEntry entry, ref long budget)
    {
        using var stream = entry.Open();
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            budget -= read;
            if (budget < 0) return null;
            output.Write(buffer, 0, read);
        }
        return output.ToArray();
    }
}
