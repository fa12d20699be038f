using BaZhouTalent.Application.Domain;

namespace BaZhouTalent.Application.Workflow;

/// <summary>
/// The combined appraisal suggested to the chief expert: any ideology problem or a majority against
/// means not agreed; otherwise the median grade. The chief may still record something else.
/// </summary>
public static class AppraisalRule
{
    public static OpinionInput Suggest(IReadOnlyCollection<ReviewOpinion> expertOpinions)
    {
        if (expertOpinions.Count == 0)
            return new OpinionInput(null, null, null, "");

        var anyProblem = expertOpinions.Any(o => o.HasProblem == true);
        var against = expertOpinions.Count(o => o.Agrees != true);
        var agreed = !anyProblem && against * 2 <= expertOpinions.Count;
        var grades = expertOpinions.Where(o => o.Grade is not null).Select(o => o.Grade!.Value).OrderBy(g => g).ToList();
        // With an even count the lower of the two middle grades is taken: the cautious reading.
        AppraisalGrade? median = grades.Count == 0 ? null : grades[grades.Count / 2];
        return new OpinionInput(anyProblem, agreed, agreed ? median : null, "");
    }
}
