namespace BaZhouTalent.Application.Security;

/// <summary>Experts appraise without knowing who wrote the work: names, units and contacts are replaced by this text.</summary>
public static class BlindReview
{
    public const string HiddenText = "（盲审隐去）";
}
