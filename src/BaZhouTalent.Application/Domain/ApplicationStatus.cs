namespace BaZhouTalent.Application.Domain;

/// <summary>Where a closure application stands in the review chain.</summary>
public enum ApplicationStatus
{
    Draft = 0,
    UnitReview = 1,
    CountyReview = 2,
    FederationIntake = 3,
    ExpertReview = 4,
    FederationReview = 5,
    Concluded = 6,
    Rejected = 7,
    Returned = 8,
    /// <summary>暂缓结项: the federation deferred the decision; the researcher revises by a due date and resubmits.</summary>
    Deferred = 9,
}

public static class ApplicationStatusNames
{
    /// <summary>The states in which the application is with the researcher: they may edit it and (re)submit.</summary>
    public static bool IsWithResearcher(this ApplicationStatus status) =>
        status is ApplicationStatus.Draft or ApplicationStatus.Returned or ApplicationStatus.Deferred;

    /// <summary>Submitted and not yet back with the researcher nor decided: a reviewer holds it.</summary>
    public static bool IsInReview(this ApplicationStatus status) =>
        status is ApplicationStatus.UnitReview or ApplicationStatus.CountyReview or ApplicationStatus.FederationIntake
            or ApplicationStatus.ExpertReview or ApplicationStatus.FederationReview;

    public static string ToChinese(this ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => "草稿",
        ApplicationStatus.UnitReview => "待单位审核",
        ApplicationStatus.CountyReview => "待县区社科联审核",
        ApplicationStatus.FederationIntake => "待市社科联受理",
        ApplicationStatus.ExpertReview => "专家鉴定中",
        ApplicationStatus.FederationReview => "待市社科联审核",
        ApplicationStatus.Concluded => "已结项",
        ApplicationStatus.Rejected => "不予结项",
        ApplicationStatus.Returned => "被退回",
        ApplicationStatus.Deferred => "暂缓结项",
        _ => status.ToString(),
    };
}
