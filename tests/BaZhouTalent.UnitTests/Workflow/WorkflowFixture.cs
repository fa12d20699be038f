using System.Security.Claims;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Application.Workflow;

namespace BaZhouTalent.UnitTests.Workflow;

/// <summary>Applications in any state and the people around them, without a database.</summary>
internal static class WorkflowFixture
{
    public const int ApplicantUnitId = 1;
    public const int OtherUnitId = 2;
    public const int CountyRegionId = 10;
    public const int OtherRegionId = 11;
    public const int CityRegionId = 12;

    public static readonly DateTimeOffset Now = new(2025, 11, 3, 2, 0, 0, TimeSpan.Zero);

    /// <summary>Every party the table knows, by a short name.</summary>
    public static readonly IReadOnlyDictionary<string, ClaimsPrincipal> People = new Dictionary<string, ClaimsPrincipal>
    {
        ["leader"] = Person("u-leader", Roles.Researcher, unitId: ApplicantUnitId),
        ["otherResearcher"] = Person("u-other-researcher", Roles.Researcher, unitId: ApplicantUnitId),
        ["unitReviewer"] = Person("u-unit", Roles.UnitReviewer, unitId: ApplicantUnitId),
        ["foreignUnitReviewer"] = Person("u-foreign-unit", Roles.UnitReviewer, unitId: OtherUnitId),
        ["county"] = Person("u-county", Roles.CountyFederation, regionId: CountyRegionId),
        ["foreignCounty"] = Person("u-foreign-county", Roles.CountyFederation, regionId: OtherRegionId),
        ["chiefExpert"] = Person("u-chief", Roles.Expert, unitId: OtherUnitId),
        ["expert"] = Person("u-expert", Roles.Expert, unitId: OtherUnitId),
        ["unassignedExpert"] = Person("u-unassigned", Roles.Expert, unitId: OtherUnitId),
        ["federation"] = Person("u-federation", Roles.MunicipalFederation),
    };

    public static ClaimsPrincipal Person(string id, string role, int? unitId = null, int? regionId = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, id), new(ClaimTypes.Name, id), new(ClaimTypes.Role, role) };
        if (unitId is { } u) claims.Add(new Claim(AppClaimTypes.UnitId, u.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (regionId is { } r) claims.Add(new Claim(AppClaimTypes.RegionId, r.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
    }

    /// <summary>The repository's root (where BaZhouTalent.sln is), for tests that read docs/ or src/.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BaZhouTalent.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("BaZhouTalent.sln not found above " + AppContext.BaseDirectory);
    }

    public static ReviewActor Actor(string id, string name = "某人", string unit = "某单位") => new(id, name, unit);

    /// <summary>A draft of a project whose unit sits in a county, or at city level.</summary>
    public static ClosureApplication NewApplication(bool cityLevel = false)
    {
        var region = cityLevel
            ? new Region { Id = CityRegionId, Name = "市本级", Kind = RegionKind.CityLevel }
            : new Region { Id = CountyRegionId, Name = "巴州区", Kind = RegionKind.County };
        var unit = new Unit { Id = ApplicantUnitId, Name = "中共巴中市巴州区委党校", RegionId = region.Id, Region = region };
        var project = new FundedProject
        {
            Id = 7,
            Code = "BZ25YB027",
            Title = "测试项目",
            UnitId = unit.Id,
            Unit = unit,
            LeaderUserId = "u-leader",
            OriginalLeader = new PersonDetails { Name = "杨卓", Unit = unit.Name },
            OriginalParticipants = [new Participant { SortOrder = 1, Name = "李亚军" }],
        };
        var application = ClosureApplication.StartFor(project, Now);
        application.Id = 3;
        project.Application = application;
        return application;
    }

    /// <summary>Drives a new application through the real intent methods up to <paramref name="state"/>.</summary>
    public static ClosureApplication In(WorkflowState state, bool cityLevel = false)
    {
        var a = NewApplication(cityLevel);
        var opinion = new OpinionInput(false, true, AppraisalGrade.Good, "同意。");
        if (state.Exemption)
            a.RequestExemption("成果获省部级二等奖及以上奖励", "四川省第二十次社会科学优秀成果二等奖", Now);
        if (state.Status == ApplicationStatus.Draft) return a;
        a.Submit(Actor("u-leader"), Now);
        if (state.Status == ApplicationStatus.UnitReview) return a;
        if (state.Status == ApplicationStatus.Returned) { a.Return(Actor("u-unit"), "请补充。", Now); return a; }
        a.ApproveByUnit(Actor("u-unit"), opinion, Now);
        if (state.Status == ApplicationStatus.CountyReview) return a;
        if (!cityLevel) a.ApproveByCounty(Actor("u-county"), opinion, Now);
        if (state.Status == ApplicationStatus.FederationIntake) return a;
        if (state.Exemption)
        {
            // The exemption path: the federation grants at intake and the application skips the experts.
            a.GrantExemption(Actor("u-federation"), AppraisalGrade.Good, "同意免于鉴定。", Now);
            return Decided(a, state);
        }
        a.AssignExperts(Actor("u-federation"),
            [new ExpertCandidate("u-chief", "张立新", OtherUnitId, "中共巴中市委党校", true),
             new ExpertCandidate("u-expert", "刘芳", OtherUnitId, "中共平昌县委党校", false)], Now);
        if (state.Status == ApplicationStatus.ExpertReview && !state.AllAppraised) return a;
        a.RecordAppraisal(Actor("u-chief"), opinion, Now);
        a.RecordAppraisal(Actor("u-expert"), opinion, Now);
        if (state.Status == ApplicationStatus.ExpertReview) return a;
        a.CompleteAppraisal(Actor("u-chief"), opinion, Now);
        return Decided(a, state);
    }

    /// <summary>From FederationReview to the state asked for: stay, conclude, reject or defer.</summary>
    private static ClosureApplication Decided(ClosureApplication a, WorkflowState state)
    {
        switch (state.Status)
        {
            case ApplicationStatus.FederationReview: break;
            case ApplicationStatus.Concluded: a.Conclude(Actor("u-federation"), "同意结项。", "巴社科结〔2025〕001号", Now); break;
            case ApplicationStatus.Deferred: a.Defer(Actor("u-federation"), "请补充调研数据。", DateOnly.FromDateTime(Now.Date).AddDays(30), Now); break;
            default: a.Reject(Actor("u-federation"), "不符合要求。", Now); break;
        }
        return a;
    }
}

/// <summary>A status, and for ExpertReview whether every expert has appraised (the chief may then combine);
/// with <see cref="Exemption"/> the researcher asked for 免于鉴定 (granted at intake on the way to later states).</summary>
public sealed record WorkflowState(ApplicationStatus Status, bool AllAppraised = false, bool Exemption = false)
{
    public override string ToString() =>
        AllAppraised ? $"{Status}(all appraised)" : Exemption ? $"{Status}(exemption)" : Status.ToString();
}
