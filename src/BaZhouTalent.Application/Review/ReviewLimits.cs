namespace BaZhouTalent.Application.Review;

/// <summary>Lengths the review forms accept (the opinion column holds 4000).</summary>
public static class ReviewLimits
{
    public const int Opinion = 2000;
    public const int PersonName = 50;
}
