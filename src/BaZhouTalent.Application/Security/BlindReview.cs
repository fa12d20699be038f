namespace BaZhouTalent.Application.Security;

/// <summary>Experts appraise without knowing who wrote the work: names, units and contacts are replaced by this text.</summary>
public static class BlindReview
{
    /// <summary>
    /// The one marker for a hidden value, on pages and in PDFs: short enough for the narrow cells of the form,
    /// and without brackets, so a value composed of hidden parts can never print as nested “（…（…））”.
    /// A composite value (a signature block, a person on one line) is hidden as a whole, once.
    /// </summary>
    public const string HiddenText = "盲审隐去";
}
