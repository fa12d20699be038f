using BaZhouTalent.Typesetting.Fonts;

namespace BaZhouTalent.Typesetting;

/// <summary>
/// Installation settings for printing. Each property may point a font role at a licensed TrueType file
/// (for example the 方正 fonts an office owns); a role left empty uses the bundled open-licence substitute,
/// which also stays behind the licensed file as a per-character fallback.
/// </summary>
public sealed class TypesettingOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Typesetting";

    /// <summary>Path of a TrueType file for 小标宋 (titles), or null for the bundled substitute.</summary>
    public string? XiaoBiaoSongFontFile { get; set; }

    /// <summary>Path of a TrueType file for 黑体, or null for the bundled substitute.</summary>
    public string? HeiFontFile { get; set; }

    /// <summary>Path of a TrueType file for 楷体, or null for the bundled substitute.</summary>
    public string? KaiFontFile { get; set; }

    /// <summary>Path of a TrueType file for 仿宋, or null for the bundled substitute.</summary>
    public string? FangFontFile { get; set; }

    /// <summary>The configured file for a role, or null when the bundled substitute is used.</summary>
    public string? FontFileFor(FontRole role) => role switch
    {
        FontRole.XiaoBiaoSong => XiaoBiaoSongFontFile,
        FontRole.Hei => HeiFontFile,
        FontRole.Kai => KaiFontFile,
        FontRole.Fang => FangFontFile,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>
    /// Checks every configured file: it exists and is a single TrueType-outline font (PDFsharp cannot read
    /// .ttc collections and embeds CFF fonts whole). Returns one message per problem; empty when usable.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        foreach (var role in Enum.GetValues<FontRole>())
        {
            var file = FontFileFor(role);
            if (string.IsNullOrWhiteSpace(file)) continue;
            if (!File.Exists(file))
            {
                problems.Add($"{role}: font file '{file}' does not exist.");
                continue;
            }
            try
            {
                TrueTypeFace.Load(role.ToString(), File.ReadAllBytes(file));
            }
            catch (Exception e) when (e is InvalidDataException or IndexOutOfRangeException or ArgumentOutOfRangeException or KeyNotFoundException)
            {
                problems.Add($"{role}: font file '{file}' is not usable: {e.Message}");
            }
        }
        return problems;
    }
}
