using System.IO.Compression;
using System.Text;
using System.Xml;
using BaZhouTalent.Typesetting.Reports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Application.Applications;

/// <summary>
/// Reads an uploaded Word (.docx) final report into ReportMarkup text: paragraphs, bold runs, and heading
/// levels from Word's heading styles or the Chinese numbering. The file is judged by its content, never its
/// name, and checked against size and zip-bomb limits before any part of it is parsed.
/// </summary>
public static class ImportReportDocument
{
    public sealed record Command(Stream Content, long Length);

    /// <summary>The text read, or why not; <see cref="Document"/> is the file's content as uploaded, kept for 归档.</summary>
    public sealed record Result(string? ReportText, string? Error, byte[]? Document = null)
    {
        public bool Succeeded => ReportText is not null;
        public static Result Fail(string error) => new(null, error);
    }

    private const string WordMainContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string NotWordMessage = "所选文件不是 Word（.docx）文档。请在 Word 或 WPS 中将成果另存为“.docx”格式后重新导入，或直接粘贴成果全文。";
    private const string CorruptMessage = "无法读取该 Word 文档，文件可能已损坏。请在 Word 或 WPS 中打开并重新另存为“.docx”后再导入，或直接粘贴成果全文。";
    private const string BombMessage = "该文件解压后的内容异常庞大，系统已拒绝读取。请在 Word 或 WPS 中重新另存为“.docx”后再导入，或直接粘贴成果全文。";
    private const string EmptyMessage = "该 Word 文档中没有读到任何文字，请核对文件，或直接粘贴成果全文。";

    public sealed class Handler(IOptions<ReportUploadOptions> options)
    {
        public Result Handle(Command command)
        {
            var limits = options.Value;
            if (command.Length > limits.MaxFileBytes)
                return Result.Fail($"文件超过 {limits.MaxFileBytes / (1024 * 1024)} MB 的大小上限。请压缩文档中的图片或删除附件后重新导入，或直接粘贴成果全文。");
            if (command.Length == 0)
                return Result.Fail("所选文件是空的，请重新选择。");

            // Read at most one byte past the limit, whatever the declared length said.
            using var buffer = new MemoryStream();
            var copied = CopyAtMost(command.Content, buffer, limits.MaxFileBytes + 1);
            if (copied > limits.MaxFileBytes)
                return Result.Fail($"文件超过 {limits.MaxFileBytes / (1024 * 1024)} MB 的大小上限。");
            buffer.Position = 0;

            var check = Inspect(buffer, limits);
            if (check is not null) return Result.Fail(check);
            // The file is kept for 归档 as uploaded, so it meets the attachments' rules as well: no macros, programs or viruses.
            var content = buffer.ToArray();
            var attachmentLimits = new AttachmentOptions { MaxEntries = limits.MaxEntries, MaxUncompressedBytes = limits.MaxUncompressedBytes };
            if (AttachmentInspector.Inspect(content, "成果.docx", attachmentLimits).Refusal is { } unsafeContent)
                return Result.Fail(unsafeContent.Replace("重新上传", "重新导入", StringComparison.Ordinal));
            buffer.Position = 0;

            try
            {
                var text = Read(buffer, limits);
                return text.Length == 0 ? Result.Fail(EmptyMessage) : new Result(text, null, content);
            }
            catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException
                or InvalidOperationException or IOException or ArgumentException or FormatException)
            {
                // OpenXml also throws InvalidDataException past MaxCharactersInPart: a part that expands beyond reason.
                return Result.Fail(CorruptMessage);
            }
        }
    }

    /// <summary>Signature, package shape and expansion limits; null when the file may be parsed.</summary>
    internal static string? Inspect(Stream content, ReportUploadOptions limits)
    {
        Span<byte> signature = stackalloc byte[4];
        if (content.ReadAtLeast(signature, 4, throwOnEndOfStream: false) < 4
            || signature[0] != 'P' || signature[1] != 'K' || signature[2] != 3 || signature[3] != 4)
            return NotWordMessage;
        content.Position = 0;

        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > limits.MaxEntries) return BombMessage;
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > limits.MaxUncompressedBytes) return BombMessage;
                if (entry.Length > 1024 * 1024 && entry.Length > (long)limits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
                    return BombMessage;
            }
            var types = zip.GetEntry("[Content_Types].xml");
            if (types is null) return NotWordMessage;
            if (types.Length > 1024 * 1024) return BombMessage;
            using var reader = new StreamReader(types.Open(), Encoding.UTF8);
            var xml = reader.ReadToEnd();
            return xml.Contains(WordMainContentType, StringComparison.OrdinalIgnoreCase) ? null : NotWordMessage;
        }
        catch (InvalidDataException)
        {
            return CorruptMessage;
        }
    }

    internal static string Read(Stream content, ReportUploadOptions limits)
    {
        var settings = new OpenSettings
        {
            // The declared sizes above can lie; this bounds what the XML reader will actually expand.
            MaxCharactersInPart = limits.MaxUncompressedBytes,
            AutoSave = false,
        };
        using var document = WordprocessingDocument.Open(content, false, settings);
        var main = document.MainDocumentPart ?? throw new InvalidDataException("No main document part.");
        var body = main.Document?.Body ?? throw new InvalidDataException("No document body.");
        var styles = StyleLevels(main);

        var paragraphs = new List<IReadOnlyList<TextRun>>();
        var counters = new int[4];
        foreach (var paragraph in body.Descendants<Paragraph>())
        {
            var runs = RunsOf(paragraph);
            var plain = string.Concat(runs.Select(r => r.Text)).Trim();
            if (plain.Length == 0) continue;
            runs = Trim(runs);

            // The title leads the report whatever its style; 摘要 and 关键词 keep their own roles.
            var level = paragraphs.Count == 0 ? 0 : HeadingLevel(paragraph, styles);
            var ownRole = ReportMarkup.RoleOf(plain, isFirst: false);
            if (level is >= 1 and <= 3 && ownRole is not (ParagraphRole.Abstract or ParagraphRole.Keywords))
            {
                // Word numbers styled headings itself, so the “一、” a reader sees is often not in the text;
                // the typesetter reads levels from the numbering, so write it in when it is missing.
                counters[level]++;
                for (var deeper = level + 1; deeper < counters.Length; deeper++) counters[deeper] = 0;
                if (ownRole == ParagraphRole.Body)
                    runs = [new TextRun(Numbering(level, counters[level])), .. runs];
            }
            paragraphs.Add(runs);
        }
        return ReportMarkup.Format(paragraphs);
    }

    private static IReadOnlyList<TextRun> RunsOf(Paragraph paragraph)
    {
        var runs = new List<TextRun>();
        foreach (var run in paragraph.Descendants<Run>())
        {
            var bold = IsOn(run.RunProperties?.Bold) || IsOn(run.RunProperties?.BoldComplexScript);
            var text = new StringBuilder();
            foreach (var child in run.ChildElements)
            {
                switch (child)
                {
                    case Text t: text.Append(t.Text); break;
                    case TabChar: text.Append(' '); break;
                    case NoBreakHyphen: text.Append('-'); break;
                }
            }
            // “**” is the bold mark of the stored form; a literal one in Word would turn into formatting.
            var value = text.ToString().Replace("**", "＊＊").Replace('\n', ' ').Replace('\r', ' ');
            if (value.Length == 0) continue;
            if (runs.Count > 0 && runs[^1].Bold == bold)
                runs[^1] = runs[^1] with { Text = runs[^1].Text + value };
            else
                runs.Add(new TextRun(value, bold));
        }
        return runs;
    }

    private static IReadOnlyList<TextRun> Trim(IReadOnlyList<TextRun> runs)
    {
        var list = runs.ToList();
        while (list.Count > 0 && list[0].Text.Trim().Length == 0) list.RemoveAt(0);
        while (list.Count > 0 && list[^1].Text.Trim().Length == 0) list.RemoveAt(list.Count - 1);
        if (list.Count == 0) return list;
        list[0] = list[0] with { Text = list[0].Text.TrimStart() };
        list[^1] = list[^1] with { Text = list[^1].Text.TrimEnd() };
        // Bold spaces alone are not worth a mark.
        return list.Select(r => r.Bold && r.Text.Trim().Length == 0 ? r with { Bold = false } : r).ToList();
    }

    private static bool IsOn(OnOffType? value) => value is not null && (value.Val is null || value.Val.Value);

    /// <summary>Heading level per paragraph style id: from the style's outline level or its built-in name.</summary>
    private static Dictionary<string, int> StyleLevels(MainDocumentPart main)
    {
        var levels = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var styles = main.StyleDefinitionsPart?.Styles?.Elements<Style>() ?? [];
        foreach (var style in styles)
        {
            if (style.StyleId?.Value is not { } id) continue;
            var outline = style.StyleParagraphProperties?.OutlineLevel?.Val?.Value;
            var name = style.StyleName?.Val?.Value ?? "";
            if (outline is { } o && o < 9) levels[id] = o + 1;
            else if (LevelFromName(name) is { } byName) levels[id] = byName;
        }
        return levels;
    }

    private static int? LevelFromName(string name)
    {
        foreach (var prefix in new[] { "heading ", "标题 ", "标题" })
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && int.TryParse(name.AsSpan(prefix.Length), out var level) && level is >= 1 and <= 9)
                return level;
        }
        return null;
    }

    private static int HeadingLevel(Paragraph paragraph, Dictionary<string, int> styles)
    {
        var properties = paragraph.ParagraphProperties;
        if (properties?.OutlineLevel?.Val?.Value is { } own && own < 9) return own + 1;
        var styleId = properties?.ParagraphStyleId?.Val?.Value;
        if (styleId is null) return 0;
        if (styles.TryGetValue(styleId, out var level)) return level;
        return LevelFromName(styleId.Replace("Heading", "heading ", StringComparison.Ordinal)) ?? 0;
    }

    internal static string Numbering(int level, int number) => level switch
    {
        1 => ChineseNumber(number) + "、",
        2 => "（" + ChineseNumber(number) + "）",
        _ => number + ".",
    };

    internal static string ChineseNumber(int n)
    {
        const string digits = "零一二三四五六七八九";
        if (n <= 0) return "零";
        if (n < 10) return digits[n].ToString();
        if (n < 20) return "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString());
        if (n < 100) return digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString());
        return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static long CopyAtMost(Stream source, Stream target, long max)
    {
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while (total <= max && (read = source.Read(chunk, 0, (int)Math.Min(chunk.Length, max + 1 - total))) > 0)
        {
            target.Write(chunk, 0, read);
            total += read;
        }
        return total;
    }
}
