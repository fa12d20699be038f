using System.Collections.Concurrent;

namespace BaZhouTalent.Typesetting.Fonts;

/// <summary>The pre-subset substitutes embedded in this assembly (made by Fonts/build-fonts.sh).</summary>
internal static class BundledFonts
{
    public const string NotoSerifBold = "NotoSerifSC-Bold";
    public const string NotoSerifRegular = "NotoSerifSC-Regular";
    public const string NotoSansRegular = "NotoSansSC-Regular";
    public const string WenKai = "LXGWWenKai-Regular";
    public const string FandolFang = "FandolFang-Regular";

    private static readonly ConcurrentDictionary<string, Lazy<TrueTypeFace>> Faces = new(StringComparer.Ordinal);

    /// <summary>The bundled substitute for a role.</summary>
    public static string SubstituteFor(FontRole role) => role switch
    {
        FontRole.XiaoBiaoSong => NotoSerifBold,
        FontRole.Hei => NotoSansRegular,
        FontRole.Kai => WenKai,
        FontRole.Fang => FandolFang,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>Loads a bundled face once per process; the bytes are shared by every document.</summary>
    public static TrueTypeFace Get(string name) =>
        Faces.GetOrAdd(name, n => new Lazy<TrueTypeFace>(() => Load(n))).Value;

    private static TrueTypeFace Load(string name)
    {
        var resource = $"BaZhouTalent.Typesetting.Fonts.{name}.ttf";
        using var stream = typeof(BundledFonts).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Bundled font resource '{resource}' is missing.");
        var data = new byte[stream.Length];
        stream.ReadExactly(data);
        return TrueTypeFace.Load("BZ-" + name, data);
    }
}
