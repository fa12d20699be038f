using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Workflow;
using static BaZhouTalent.UnitTests.Workflow.WorkflowFixture;

namespace BaZhouTalent.UnitTests.Workflow;

public class ReviewRulesTests
{
    private static ReviewOpinion Appraisal(bool problem, bool agrees, AppraisalGrade grade) =>
        new() { SignerUserId = "x", SignerName = "x", Stage = ReviewStage.Expert, HasProblem = problem, Agrees = agrees, Grade = grade };

    [Fact]
    public void Suggestion_is_the_median_grade_when_no_problem_and_most_agree()
    {
        var suggestion = AppraisalRule.Suggest([
            Appraisal(false, true, AppraisalGrade.Excellent),
            Appraisal(false, true, AppraisalGrade.Good),
            Appraisal(false, false, AppraisalGrade.Pass)]);
        Assert.Equal(new OpinionInput(false, true, AppraisalGrade.Good, ""), suggestion);
    }

    [Fact]
    public void Any_ideology_problem_means_not_agreed()
    {
        var suggestion = AppraisalRule.Suggest([
            Appraisal(false, true, AppraisalGrade.Excellent),
            Appraisal(true, true, AppraisalGrade.Excellent),
            Appraisal(false, true, AppraisalGrade.Excellent)]);
        Assert.Equal(true, suggestion.HasProblem);
        Assert.Equal(false, suggestion.Agrees);
        Assert.Null(suggestion.Grade);
    }

    [Fact]
    public void A_majority_against_means_not_agreed()
    {
        var suggestion = AppraisalRule.Suggest([
            Appraisal(false, false, AppraisalGrade.Pass),
            Appraisal(false, false, AppraisalGrade.Pass),
            Appraisal(false, true, AppraisalGrade.Good)]);
        Assert.Equal(false, suggestion.Agrees);
    }

    [Fact]
    public void With_an_even_count_the_lower_middle_grade_is_suggested()
    {
        var suggestion = AppraisalRule.Suggest([Appraisal(false, true, AppraisalGrade.Excellent), Appraisal(false, true, AppraisalGrade.Good)]);
        Assert.Equal(AppraisalGrade.Good, suggestion.Grade);
    }

    [Theory]
    [InlineData(new string[0], "巴社科结〔2025〕001号")]
    [InlineData(new[] { "巴社科结〔2025〕001号", "巴社科结〔2025〕027号" }, "巴社科结〔2025〕028号")]
    public void Certificate_numbers_are_sequential_within_the_year(string[] issued, string next) =>
        Assert.Equal(next, CertificateNumbers.Next(2025, issued));

    [Fact]
    public void The_certificate_year_is_the_year_in_china() =>
        Assert.Equal(2026, CertificateNumbers.YearOf(new DateTimeOffset(2025, 12, 31, 17, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void An_expert_from_the_applicants_unit_is_refused_with_the_reason()
    {
        var application = In(new WorkflowState(ApplicationStatus.FederationIntake));
        var error = Assert.Throws<ReviewRuleException>(() => application.AssignExperts(Actor("u-federation"),
            [new ExpertCandidate("u-x", "王某", ApplicantUnitId, "中共巴中市巴州区委党校", true)], Now));
        Assert.Contains("利益冲突", error.Message);
        Assert.Contains("同属", error.Message);
        Assert.Equal(ApplicationStatus.FederationIntake, application.Status);
    }

    [Fact]
    public void A_participant_cannot_be_an_expert()
    {
        var application = In(new WorkflowState(ApplicationStatus.FederationIntake));
        var reason = ConflictOfInterest.ReasonFor(application, new ExpertCandidate("u-x", "李亚军", OtherUnitId, "别的单位", true));
        Assert.Equal("李亚军是本项目参与人员，存在利益冲突，不能担任本项目鉴定专家。", reason);
    }

    [Fact]
    public void Exactly_one_chief_expert_is_required()
    {
        var application = In(new WorkflowState(ApplicationStatus.FederationIntake));
        var error = Assert.Throws<ReviewRuleException>(() => application.AssignExperts(Actor("u-federation"),
            [new ExpertCandidate("u-a", "甲", OtherUnitId, "别的单位", false)], Now));
        Assert.Equal("请在所选专家中指定一位主审专家。", error.Message);
    }

    [Fact]
    public void Verification_codes_are_ten_unambiguous_characters()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => VerificationCodes.New()).ToList();
        Assert.All(codes, c => Assert.Matches("^[0-9A-HJKMNP-TV-Z]{10}$", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal("AB11C00", VerificationCodes.Normalize("ab-1l c0o"));
    }

    [Fact]
    public void The_fingerprint_changes_when_the_content_changes()
    {
        var application = NewApplication();
        var before = ApplicationSnapshot.Fingerprint(application);
        Assert.Equal(before, ApplicationSnapshot.Fingerprint(application));
        application.ResultTitle += "（修订）";
        Assert.NotEqual(before, ApplicationSnapshot.Fingerprint(application));
        Assert.Matches("^[0-9a-f]{64}$", before);
    }
}
