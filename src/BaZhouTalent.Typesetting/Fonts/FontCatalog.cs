using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace BaZhouTalent.Typesetting.Fonts;

/// <summary>
/// For each role, the chain of faces a character is looked up in: the configured licensed file (if any),
/// the bundled substitute, then the wide-coverage fallbacks. 仿宋 falls back to LXGW WenKai before Noto Serif:
/// FandolFang lacks 1,467 of the 8,105 standard characters, and measured on rendered glyphs WenKai keeps 仿宋's
/// even strokes (vertical to horizontal 6.5 : 6.0 % of the em against FandolFang's 4.0 : 4.0) where Noto Serif
/// shows 宋体 contrast (6.5 : 3.0) — see the README. A character no face in the chain covers is a <see cref="MissingCharacter"/>.
/// </summary>
internal sealed class FontCatalog
{
    private static readonly ConcurrentDictionary<string, FontCatalog> Cache = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, TrueTypeFace> FileFaces = new(StringComparer.Ordinal);

    private readonly Dictionary<FontRole, TrueTypeFace[]> _chains;

    private FontCatalog(TypesettingOptions options)
    {
        _chains = Enum.GetValues<FontRole>().ToDictionary(role => role, role => BuildChain(role, options.FontFileFor(role)));
        foreach (var face in _chains.Values.SelectMany(c => c))
            EmbeddedFontResolver.Register(face);
    }

    /// <summary>The catalog for a set of options; catalogs are shared between documents with equal settings.</summary>
    public static FontCatalog For(TypesettingOptions? options)
    {
        options ??= new TypesettingOptions();
        var key = string.Join("|", Enum.GetValues<FontRole>().Select(r => options.FontFileFor(r) ?? ""));
        return Cache.GetOrAdd(key, _ => new FontCatalog(options));
    }

    /// <summary>The first face of the role's chain that has the character, or null when none has it.</summary>
    public TrueTypeFace? FaceFor(FontRole role, int codePoint)
    {
        foreach (var face in _chains[role])
            if (face.Covers(codePoint)) return face;
        return null;
    }

    /// <summary>The role's primary face, used for metrics of spaces and inline objects.</summary>
    public TrueTypeFace Primary(FontRole role) => _chains[role][0];

    private static TrueTypeFace[] BuildChain(FontRole role, string? file)
    {
        var chain = new List<TrueTypeFace>();
        if (!string.IsNullOrWhiteSpace(file)) chain.Add(LoadFile(file));
        chain.Add(BundledFonts.Get(BundledFonts.SubstituteFor(role)));
        if (role == FontRole.Fang) chain.Add(BundledFonts.Get(BundledFonts.WenKai));
        var fallback = role == FontRole.XiaoBiaoSong ? BundledFonts.NotoSerifBold : BundledFonts.NotoSerifRegular;
        if (chain[^1].Key != "BZ-" + fallback) chain.Add(BundledFonts.Get(fallback));
        return [.. chain];
    }

    private static TrueTypeFace LoadFile(string path)
    {
        var full = Path.GetFullPath(path);
        return FileFaces.GetOrAdd(full, p =>
        {
            // The key must differ per file: PDFsharp caches typefaces by name for the life of the process.
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(p)))[..12];
            return TrueTypeFace.Load("BZ-File-" + hash, File.ReadAllBytes(p));
        });
    }
}
