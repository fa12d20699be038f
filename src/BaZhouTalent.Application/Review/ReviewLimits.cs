using FluentValidation;

namespace BaZhouTalent.Application.Review;

/// <summary>Lengths the review forms accept (the opinion column holds 4000).</summary>
public static class ReviewLimits
{
    /// <summary>What the printed form is laid out for (<see cref="Typesetting.PrintLimits.Opinion"/>); the page's counter shows the same figure.</summary>
    public const int Opinion = Typesetting.PrintLimits.Opinion;
    public const int PersonName = 50;

    /// <summary>
    /// The length of an opinion as the counter on the page shows it: a line break counts once, though the browser
    /// sends it as CR LF.
    /// </summary>
    public static int OpinionLength(string? text) => text?.Replace("\r\n", "\n", StringComparison.Ordinal).Length ?? 0;

    /// <summary>At most <see cref="Opinion"/> characters, counted as <see cref="OpinionLength"/> counts them.</summary>
    public static IRuleBuilderOptions<T, string?> WithinOpinionLimit<T>(this IRuleBuilder<T, string?> rule, string label) =>
        rule.Must(text => OpinionLength(text) <= Opinion).WithMessage($"{label}不能超过 {Opinion} 字。");
}
