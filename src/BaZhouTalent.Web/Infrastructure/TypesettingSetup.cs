using BaZhouTalent.Typesetting;
using BaZhouTalent.Typesetting.Fonts;

namespace BaZhouTalent.Web.Infrastructure;

public static class TypesettingSetup
{
    /// <summary>A licensed font configured for a role must exist, or printing would fail much later.</summary>
    public static bool ConfiguredFontFilesExist(TypesettingOptions options) =>
        Enum.GetValues<FontRole>().Select(options.FontFileFor).All(path => path is null || File.Exists(path));
}
