using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace BaZhouTalent.Typesetting.Fonts;

/// <summary>
/// The process-wide PDFsharp font resolver. PDFsharp allows one resolver, set before any font is used, so a
/// single instance serves every catalog: faces are registered under unique keys and asked for by key.
/// </summary>
internal sealed class EmbeddedFontResolver : IFontResolver
{
    private static readonly EmbeddedFontResolver Instance = new();
    private static readonly Lock InstallLock = new();
    private readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.OrdinalIgnoreCase);

    private EmbeddedFontResolver()
    {
    }

    public static void Register(TrueTypeFace face)
    {
        EnsureInstalled();
        Instance._faces.TryAdd(face.Key, face.Data);
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        // Bold is always simulated: the CJK substitutes come in one weight per role.
        _faces.ContainsKey(familyName) ? new FontResolverInfo(familyName, bold, italic) : null;

    public byte[]? GetFont(string faceName) => _faces.TryGetValue(faceName, out var data) ? data : null;

    private static void EnsureInstalled()
    {
        lock (InstallLock)
        {
            var current = GlobalFontSettings.FontResolver;
            if (ReferenceEquals(current, Instance)) return;
            if (current is not null)
                throw new InvalidOperationException(
                    "Another PDFsharp font resolver is installed; BaZhouTalent.Typesetting must own GlobalFontSettings.FontResolver.");
            GlobalFontSettings.FontResolver = Instance;
        }
    }
}
