using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace BaZhouTalent.Application.Applications.Files;

/// <summary>
/// A .docx judged by a real parse of its package, every part read once through a streaming budget (a part inflating
/// to gigabytes costs the budget's time, not memory): the content types and every relationship (macros, ActiveX,
/// external targets — a remote attachedTemplate, linked objects and images, imported chunks), the fields of every
/// Word part (DDE, DDEAUTO; INCLUDETEXT, INCLUDEPICTURE, LINK, IMPORT of remote files), embedded packages inspected
/// the same way (a macro-enabled .xlsm inside is refused however it is named), OLE objects and programs, and the EICAR
/// string in any part. Only hyperlinks may point outside the file.
/// </summary>
internal static partial class DocxInspector
{
    public const string NotWordMessage = "文件扩展名为“.docx”，但内容不是 Word 文档。请在 Word 或 WPS 中另存为“.docx”后重新上传。";
    public const string MacrosMessage = "Word 文档中含有宏（VBA 代码）或启用宏的嵌入文档，存在安全风险。请在 Word 或 WPS 中另存为不含宏的“.docx”后重新上传。";
    public const string EmbeddedMessage = "Word 文档中嵌入了程序、程序包或控件对象，存在安全风险。请删除文档中的嵌入对象后重新上传。";
    public const string BombMessage = "该 Word 文档解压后的内容异常庞大，系统已拒绝。请重新另存为“.docx”后上传。";
    public const string RemoteTemplateMessage = "Word 文档引用了外部（网络上的）模板，打开时会连接该地址，存在安全风险。请在 Word 中取消模板链接（另存为新文档）后重新上传。";
    public const string ExternalTargetMessage = "Word 文档中含有指向外部文件或网址的链接对象、图片或导入内容（超链接除外），打开时会自动连接，存在安全风险。请将其改为嵌入内容后重新上传。";
    public const string DdeMessage = "Word 文档中含有 DDE 域代码（可在打开时运行其他程序），存在安全风险。请删除该域后重新上传。";
    public const string RemoteFieldMessage = "Word 文档中含有引用网络文件的域代码（INCLUDETEXT、INCLUDEPICTURE、LINK 等），存在安全风险。请删除该域后重新上传。";
    public const string PolyglotMessage = "该文件同时可被当作 PDF 打开（文件中夹带了 PDF 数据），已拒绝。请在 Word 或 WPS 中重新另存为“.docx”后上传。";

    private static readonly byte[] Eicar = Encoding.ASCII.GetBytes("EICAR-STANDARD-ANTIVIRUS-TEST-FILE");
    /// <summary>The OLE stream of the Packager, which wraps any file (a program too) inside a Word document.</summary>
    private static readonly byte[] Ole10Native = Encoding.Unicode.GetBytes("Ole10Native");
    private static readonly string[] ProgramExtensions = [".exe", ".dll", ".scr", ".com", ".bat", ".cmd", ".js", ".jse", ".vbs", ".vbe", ".ps1", ".msi", ".hta", ".lnk", ".jar"];
    private static readonly string[] MacroEnabledExtensions = [".docm", ".dotm", ".xlsm", ".xltm", ".xlsb", ".xlam", ".pptm", ".potm", ".ppsm", ".ppam", ".sldm"];
    private static readonly string[] PackageExtensions = [".docx", ".dotx", ".xlsx", ".xltx", ".pptx", ".potx", ".ppsx", ".sldx"];
    /// <summary>Fields that read or run something outside the document.</summary>
    private static readonly string[] RemoteFields = ["INCLUDETEXT", "INCLUDEPICTURE", "LINK", "IMPORT"];
    private const int MaxNesting = 3;

    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    public static string? Inspect(byte[] content, AttachmentOptions limits)
    {
        // Readers take a file for a PDF when %PDF- stands in its first kilobyte: such a file is two files at once.
        if (content.AsSpan(0, Math.Min(content.Length, 1024)).IndexOf("%PDF-"u8) >= 0) return PolyglotMessage;
        var budget = new DecodeBudget(limits.MaxUncompressedBytes);
        try
        {
            return InspectPackage(new MemoryStream(content, writable: false), limits, budget, nesting: 0);
        }
        catch (DecodedTooLargeException)
        {
            return BombMessage;
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or NotSupportedException)
        {
            return NotWordMessage;
        }
    }

    private static string? InspectPackage(Stream package, AttachmentOptions limits, DecodeBudget budget, int nesting)
    {
        using var zip = new ZipArchive(package, ZipArchiveMode.Read);
        if (zip.Entries.Count > limits.MaxEntries) return BombMessage;
        if (nesting == 0 && (zip.GetEntry("word/document.xml") is null || zip.GetEntry("[Content_Types].xml") is null)) return NotWordMessage;
        foreach (var entry in zip.Entries)
        {
            var name = entry.FullName.ToLowerInvariant();
            if (name.EndsWith("vbaproject.bin", StringComparison.Ordinal) || name.EndsWith("vbadata.xml", StringComparison.Ordinal)
                || MacroEnabledExtensions.Any(e => name.EndsWith(e, StringComparison.Ordinal)))
                return MacrosMessage;
            if (ProgramExtensions.Any(e => name.EndsWith(e, StringComparison.Ordinal)) || name.Contains("/activex/", StringComparison.Ordinal))
                return EmbeddedMessage;
            if (PackageExtensions.Any(e => name.EndsWith(e, StringComparison.Ordinal)))
            {
                // An embedded Office document is a package of its own: inspected the same way, from a bounded copy.
                if (nesting >= MaxNesting) return EmbeddedMessage;
                using var copy = new MemoryStream();
                using (var part = new ScanningStream(entry.Open(), budget, Eicar)) part.CopyTo(copy);
                copy.Position = 0;
                if (InspectPackage(copy, limits, budget, nesting + 1) is { } nested) return nested;
                continue;
            }

            using var scan = new ScanningStream(entry.Open(), budget, Eicar, Ole10Native);
            var problem = name.EndsWith(".rels", StringComparison.Ordinal) ? InspectRelationships(scan)
                : name == "[content_types].xml" ? InspectContentTypes(scan)
                : name.EndsWith(".xml", StringComparison.Ordinal) && (name.StartsWith("word/", StringComparison.Ordinal) || nesting > 0) ? InspectFields(scan)
                : null;
            scan.Drain();
            if (scan.Found.Contains(0)) return AttachmentInspector.VirusMessage;
            if (problem is not null) return problem;
            if (scan.Found.Contains(1) || AttachmentInspector.IsProgram(scan.Head)) return EmbeddedMessage;
        }
        return null;
    }

    private static XmlReader Xml(Stream part) => XmlReader.Create(part, new XmlReaderSettings
    {
        // No DTD: no entity expansion (billion laughs), no external entities.
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        // Whitespace between elements is skipped, never gathered into strings (a bomb of spaces is one huge node).
        IgnoreWhitespace = true,
        CloseInput = false,
    });

    private static string? InspectContentTypes(Stream part)
    {
        using var xml = Xml(part);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.GetAttribute("ContentType") is not { } type) continue;
            if (type.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) || type.Contains("vbaProject", StringComparison.OrdinalIgnoreCase))
                return MacrosMessage;
            if (type.Contains("activeX", StringComparison.OrdinalIgnoreCase)) return EmbeddedMessage;
        }
        return null;
    }

    /// <summary>Relationships: only hyperlinks leave the file, a template only to a local path; no macros, no imported chunks.</summary>
    private static string? InspectRelationships(Stream part)
    {
        using var xml = Xml(part);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "Relationship") continue;
            var type = xml.GetAttribute("Type") ?? "";
            var target = xml.GetAttribute("Target") ?? "";
            var external = string.Equals(xml.GetAttribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase);
            var kind = type[(type.LastIndexOf('/') + 1)..].ToLowerInvariant();
            if (kind is "vbaproject" or "wordvbadata") return MacrosMessage;
            if (kind is "afchunk") return ExternalTargetMessage; // imported HTML/RTF/MHT can carry fields and scripts of its own
            if (kind == "attachedtemplate") { if (external && IsRemote(target)) return RemoteTemplateMessage; continue; }
            if (external && kind != "hyperlink") return ExternalTargetMessage;
        }
        return null;
    }

    /// <summary>A target another machine would be asked for: a URL, a UNC share (\\host\share), file://host/….</summary>
    private static bool IsRemote(string target)
    {
        var t = target.Trim().Replace('\\', '/');
        if (t.StartsWith("//", StringComparison.Ordinal)) return true;
        if (!Uri.TryCreate(t, UriKind.Absolute, out var uri)) return false;
        return uri.Scheme != Uri.UriSchemeFile || !string.IsNullOrEmpty(uri.Host);
    }

    /// <summary>Every field's instruction (w:fldSimple/@w:instr, and w:instrText runs between a field's begin and separate/end).</summary>
    private static string? InspectFields(Stream part)
    {
        using var xml = Xml(part);
        var instructions = new Stack<StringBuilder>();
        // Reading an element's text leaves the reader on the node after it, which the loop must not skip.
        var onNext = false;
        while (onNext || xml.Read())
        {
            onNext = false;
            if (xml.NodeType != XmlNodeType.Element || xml.NamespaceURI != WordNamespace) continue;
            switch (xml.LocalName)
            {
                case "fldSimple":
                    if (FieldProblem(xml.GetAttribute("instr", WordNamespace)) is { } simple) return simple;
                    break;
                case "fldChar":
                    var kind = xml.GetAttribute("fldCharType", WordNamespace);
                    if (kind == "begin") instructions.Push(new StringBuilder());
                    else if (kind is "separate" or "end" && instructions.Count > 0 && FieldProblem(instructions.Pop().ToString()) is { } complex)
                        return complex;
                    else if (kind == "separate") instructions.Push(new StringBuilder()); // results follow; its end pops this
                    break;
                case "instrText" or "delInstrText":
                    var text = xml.ReadElementContentAsString();
                    onNext = true;
                    if (instructions.Count > 0) instructions.Peek().Append(text);
                    else if (FieldProblem(text) is { } loose) return loose;
                    break;
            }
        }
        while (instructions.Count > 0)
            if (FieldProblem(instructions.Pop().ToString()) is { } unclosed) return unclosed;
        return null;
    }

    private static string? FieldProblem(string? instruction)
    {
        var match = FieldName().Match(instruction ?? "");
        if (!match.Success) return null;
        var name = match.Groups[1].Value.ToUpperInvariant();
        if (name is "DDE" or "DDEAUTO") return DdeMessage;
        if (RemoteFields.Contains(name) && RemoteReference().IsMatch(instruction!)) return RemoteFieldMessage;
        return null;
    }

    [GeneratedRegex(@"^[\s""']*([A-Za-z]+)")]
    private static partial Regex FieldName();

    [GeneratedRegex(@"(?i)(https?|ftp|file|smb|webdav)\s*:|\\\\\\\\|//")]
    private static partial Regex RemoteReference();
}
