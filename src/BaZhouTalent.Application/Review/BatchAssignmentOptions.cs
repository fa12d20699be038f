using System.ComponentModel.DataAnnotations;

namespace BaZhouTalent.Application.Review;

/// <summary>一键分配 (<c>Closure:BatchAssignment</c>): how many experts the batch proposes per application and how many open
/// assignments (专家鉴定中, not yet appraised) an expert may hold when a batch proposes or confirms them.</summary>
public sealed class BatchAssignmentOptions
{
    public const string Section = "Closure:BatchAssignment";

    /// <summary>Experts proposed per application, the chief among them (the demo's panels have three).</summary>
    [Range(1, 9)]
    public int ExpertsPerApplication { get; set; } = 3;

    /// <summary>The most open assignments an expert may hold after a batch: proposals stop there, and a confirmation
    /// that would pass it is refused for that application.</summary>
    [Range(1, 100)]
    public int MaxOpenPerExpert { get; set; } = 5;
}
