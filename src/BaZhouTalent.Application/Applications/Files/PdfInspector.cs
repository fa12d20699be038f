using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Parser.Parts;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;

namespace BaZhouTalent.Application.Applications.Files;

/// <summary>
/// A PDF judged by a real parse (PdfPig): every object the cross-reference table names, those inside object streams
/// too, walked for names that run something or carry a file (/JS, /JavaScript, /Launch, /EmbeddedFile(s), /EF,
/// /RichMedia) whatever their escaping; every stream decoded through its whole filter chain (Flate, ASCIIHex, ASCII85,
/// LZW, RunLength; image codecs are left encoded) and read through once for the EICAR string and program signatures,
/// and the XFA form's packets for scripts. Decompression streams through a budget: nothing is held whole but what
/// PdfPig itself needs (object and cross-reference streams, bounded the same way).
/// </summary>
internal static partial class PdfInspector
{
    /// <summary>Names that run something or carry a file, as keys or values.</summary>
    private static readonly HashSet<string> Dangerous = ["JS", "JavaScript", "Launch", "EmbeddedFile", "EmbeddedFiles", "EF", "RichMedia"];

    /// <summary>Image codecs: their data is pixels, scanned as stored, never decoded.</summary>
    private static readonly HashSet<string> ImageCodecs = ["DCTDecode", "DCT", "JPXDecode", "JBIG2Decode", "CCITTFaxDecode", "CCF"];

    /// <summary>The most one stream's data may be held in memory while a filter that cannot stream decodes it.</summary>
    private const long HeldStreamLimit = 64L * 1024 * 1024;

    public const string UnreadableMessage = "PDF 文件结构损坏、已加密或使用了无法识别的编码，系统无法检查其内容。请用“打印为 PDF”或“另存为 PDF”重新生成（不设密码）后上传。";
    public const string BombMessage = "PDF 文件中的压缩数据解压后异常庞大，系统已拒绝。请重新生成 PDF 后上传。";
    public const string XfaScriptMessage = "PDF 文件中含有 XFA 表单脚本，存在安全风险。请用“打印为 PDF”重新生成后上传。";
    public const string ProgramMessage = "PDF 文件中嵌有可执行程序，存在安全风险，已拒绝。";

    /// <summary>The refusal of a PDF carrying <paramref name="name"/>, in the user's words (the PDF name itself is jargon).</summary>
    public static string DangerousNameMessage(string name) =>
        $"PDF 文件中含有{PlainName(name)}，存在安全风险。请用“打印为 PDF”或“另存为 PDF”重新生成后上传。";

    private static string PlainName(string name) => name switch
    {
        "JS" or "JavaScript" => "可自动运行的脚本",
        "Launch" => "可启动其他程序的动作",
        "RichMedia" => "嵌入的多媒体内容",
        _ => "嵌入的其他文件",
    };

    public static string? Inspect(byte[] content, AttachmentOptions limits)
    {
        var budget = new DecodeBudget(limits.MaxUncompressedBytes);
        try
        {
            using var document = PdfDocument.Open(content, new ParsingOptions
            {
                UseLenientParsing = true,
                SkipMissingFonts = true,
                FilterProvider = new BoundedFilterProvider(budget),
            });
            var structure = document.Structure;
            var scanner = structure.TokenScanner;
            var objects = new List<ObjectToken>();
            var xfa = new HashSet<IndirectReference>();
            foreach (var reference in structure.CrossReferenceTable.ObjectOffsets.Keys)
            {
                var found = structure.GetObject(reference);
                if (found is null) continue;
                if (DangerousNameIn(found.Data, xfa) is { } name) return DangerousNameMessage(name);
                objects.Add(found);
            }
            foreach (var found in objects)
            {
                if (found.Data is not StreamToken stream) continue;
                if (ScanStream(stream, scanner, budget, isXfa: xfa.Contains(found.Number)) is { } problem) return problem;
            }
            return null;
        }
        catch (DecodedTooLargeException)
        {
            return BombMessage;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever PdfPig cannot read, nothing here has checked: refused rather than passed on unread.
            return UnreadableMessage;
        }
    }

    /// <summary>The first dangerous name among a token's keys and values (not following references); collects what /XFA points to.</summary>
    private static string? DangerousNameIn(IToken token, HashSet<IndirectReference> xfa)
    {
        switch (token)
        {
            case NameToken name when Dangerous.Contains(name.Data):
                return name.Data;
            case StreamToken stream:
                return DangerousNameIn(stream.StreamDictionary, xfa);
            case DictionaryToken dictionary:
                foreach (var (key, value) in dictionary.Data)
                {
                    if (Dangerous.Contains(key)) return key;
                    if (key == "XFA") CollectReferences(value, xfa);
                    if (DangerousNameIn(value, xfa) is { } inner) return inner;
                }
                return null;
            case ArrayToken array:
                foreach (var item in array.Data)
                    if (DangerousNameIn(item, xfa) is { } inner) return inner;
                return null;
            default:
                return null;
        }
    }

    private static void CollectReferences(IToken token, HashSet<IndirectReference> into)
    {
        if (token is IndirectReferenceToken reference) into.Add(reference.Data);
        else if (token is ArrayToken array)
            foreach (var item in array.Data) CollectReferences(item, into);
    }

    private static readonly byte[] Eicar = Encoding.ASCII.GetBytes("EICAR-STANDARD-ANTIVIRUS-TEST-FILE");

    /// <summary>Reads the stream decoded, once, through the budget: EICAR, a program's signature, an XFA script.</summary>
    private static string? ScanStream(StreamToken stream, IPdfTokenScanner scanner, DecodeBudget budget, bool isXfa)
    {
        var patterns = isXfa ? new[] { Eicar, "script"u8.ToArray(), "SCRIPT"u8.ToArray(), "Script"u8.ToArray() } : [Eicar];
        using var scan = new ScanningStream(Decoded(stream, scanner, budget), budget, patterns);
        try
        {
            scan.Drain();
        }
        catch (InvalidDataException)
        {
            // A damaged deflate stream: readers show what decoded before the damage, and that was scanned.
        }
        if (scan.Found.Contains(0)) return AttachmentInspector.VirusMessage;
        if (AttachmentInspector.IsProgram(scan.Head)) return ProgramMessage;
        if (isXfa && scan.Found.Count > 0) return XfaScriptMessage;
        return null;
    }

    /// <summary>The stream's data through its filters, as a stream; image codecs end the chain (their input is scanned).</summary>
    private static Stream Decoded(StreamToken stream, IPdfTokenScanner scanner, DecodeBudget budget)
    {
        Stream data = new MemoryStream(stream.Data.ToArray(), writable: false);
        var filters = FilterNames(stream.StreamDictionary, scanner);
        for (var i = 0; i < filters.Count; i++)
        {
            var name = filters[i];
            if (ImageCodecs.Contains(name)) break;
            data = name switch
            {
                "FlateDecode" or "Fl" => new ZLibStream(data, CompressionMode.Decompress),
                "ASCIIHexDecode" or "AHx" => Held(new AsciiHexDecodeFilter(), data, stream.StreamDictionary, i, budget, maxExpansion: 1),
                "ASCII85Decode" or "A85" => Held(new Ascii85Filter(), data, stream.StreamDictionary, i, budget, maxExpansion: 1),
                "RunLengthDecode" or "RL" => Held(new RunLengthFilter(), data, stream.StreamDictionary, i, budget, maxExpansion: 64),
                "LZWDecode" or "LZW" => Held(new LzwFilter(), data, stream.StreamDictionary, i, budget, maxExpansion: 1300),
                "Crypt" => data,
                _ => throw new InvalidDataException($"Unknown PDF filter {name}."),
            };
        }
        return data;
    }

    /// <summary>
    /// A filter that decodes whole buffers (PdfPig's): its input is read through the budget and held, and refused when
    /// even its worst expansion could pass what one stream may hold.
    /// </summary>
    private static MemoryStream Held(IFilter filter, Stream input, DictionaryToken dictionary, int index, DecodeBudget budget, int maxExpansion)
    {
        using var held = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            budget.Spend(read);
            held.Write(buffer, 0, read);
            if (held.Length * maxExpansion > HeldStreamLimit) throw new DecodedTooLargeException();
        }
        input.Dispose();
        var decoded = filter.Decode(held.ToArray(), dictionary, DefaultFilterProvider.Instance, index);
        return new MemoryStream(decoded.ToArray(), writable: false);
    }

    private static List<string> FilterNames(DictionaryToken dictionary, IPdfTokenScanner scanner)
    {
        if (!dictionary.TryGet(NameToken.Filter, out var token) && !dictionary.TryGet(NameToken.F, out token)) return [];
        if (token is IndirectReferenceToken && DirectObjectFinder.TryGet<IToken>(token, scanner, out var resolved)) token = resolved!;
        return token switch
        {
            NameToken name => [name.Data],
            ArrayToken array => array.Data.Select(item =>
                (item is IndirectReferenceToken && DirectObjectFinder.TryGet<NameToken>(item, scanner, out var named) ? named : item as NameToken)?.Data
                ?? throw new InvalidDataException("A filter that is not a name.")).ToList(),
            _ => throw new InvalidDataException("A /Filter that is neither a name nor an array."),
        };
    }

    /// <summary>
    /// The filters PdfPig decodes object and cross-reference streams with: the expanding ones measure their output
    /// through the budget first, so a bomb in an object stream is refused before PdfPig inflates it whole.
    /// </summary>
    private sealed class BoundedFilterProvider(DecodeBudget budget) : BaseFilterProvider(Filters(budget))
    {
        private static Dictionary<string, IFilter> Filters(DecodeBudget budget)
        {
            var flate = new Measured(new FlateFilter(), budget);
            return new Dictionary<string, IFilter>
            {
                ["FlateDecode"] = flate, ["Fl"] = flate,
                ["ASCIIHexDecode"] = new AsciiHexDecodeFilter(), ["AHx"] = new AsciiHexDecodeFilter(),
                ["ASCII85Decode"] = new Ascii85Filter(), ["A85"] = new Ascii85Filter(),
                ["RunLengthDecode"] = new Capped(new RunLengthFilter(), 64), ["RL"] = new Capped(new RunLengthFilter(), 64),
                ["LZWDecode"] = new Capped(new LzwFilter(), 1300), ["LZW"] = new Capped(new LzwFilter(), 1300),
                ["DCTDecode"] = new DctDecodeFilter(), ["DCT"] = new DctDecodeFilter(),
                ["JPXDecode"] = new JpxDecodeFilter(), ["JBIG2Decode"] = new Jbig2DecodeFilter(),
                ["CCITTFaxDecode"] = new CcittFaxDecodeFilter(), ["CCF"] = new CcittFaxDecodeFilter(),
            };
        }

        /// <summary>Inflates once through the budget, counting; decodes for real only when it fits.</summary>
        private sealed class Measured(IFilter inner, DecodeBudget budget) : IFilter
        {
            public bool IsSupported => inner.IsSupported;

            public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
            {
                using (var measure = new ScanningStream(new ZLibStream(new MemoryStream(input.ToArray(), writable: false), CompressionMode.Decompress), budget))
                {
                    try { measure.Drain(); }
                    catch (InvalidDataException) { /* PdfPig's own decoder decides what a damaged stream yields */ }
                }
                return inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            }
        }

        private sealed class Capped(IFilter inner, int maxExpansion) : IFilter
        {
            public bool IsSupported => inner.IsSupported;

            public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex) =>
                (long)input.Length * maxExpansion > HeldStreamLimit
                    ? throw new DecodedTooLargeException()
                    : inner.Decode(input, streamDictionary, filterProvider, filterIndex);
        }
    }
}
