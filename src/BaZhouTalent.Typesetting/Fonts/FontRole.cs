namespace BaZhouTalent.Typesetting.Fonts;

/// <summary>The typographic roles 填表说明 三 names; each maps to a bundled substitute or a configured licensed file.</summary>
public enum FontRole
{
    /// <summary>方正小标宋简体 (titles); substitute Noto Serif CJK SC Bold.</summary>
    XiaoBiaoSong,
    /// <summary>方正黑体 (一级标题, labels); substitute Noto Sans CJK SC.</summary>
    Hei,
    /// <summary>方正楷体 (二级标题); substitute LXGW WenKai.</summary>
    Kai,
    /// <summary>方正仿宋 (body, 三级标题 in bold); substitute FandolFang, per-character fallback Noto Serif CJK SC.</summary>
    Fang,
}
