using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;

namespace BaZhouTalent.Infrastructure.Seeding;

/// <summary>
/// The Development-only programme of <see cref="SeedingOptions.DemoProgramme"/>: three 立项 years (2024–2026) of projects at
/// units in four counties and the city, with their reviewers, researchers and an expert pool, each project headed for one
/// state (<see cref="Fate"/>). <see cref="DemoProgrammeSeeder"/> drives every project there through the portal's own use cases.
/// Everything here is fixed, so every new database gets the same programme.
/// </summary>
internal static class DemoProgramme
{
    /// <summary>Where a demo project ends up.</summary>
    public enum Fate
    {
        /// <summary>Registered; no closure application started yet.</summary>
        NotStarted,
        /// <summary>草稿 started and left empty.</summary>
        EmptyDraft,
        /// <summary>草稿 with the change table filled, the cover and the report still missing.</summary>
        HalfDraft,
        UnitReview,
        CountyReview,
        FederationIntake,
        /// <summary>专家鉴定中, the chief expert's own appraisal already in.</summary>
        ExpertReview,
        /// <summary>终审: every appraisal in, waiting for the federation's decision.</summary>
        FederationReview,
        /// <summary>退回修改 by the unit, with its opinion.</summary>
        ReturnedByUnit,
        /// <summary>退回修改 by the federation at intake, with its opinion.</summary>
        ReturnedByFederation,
        Deferred,
        /// <summary>免于鉴定 requested with evidence, waiting at intake for the federation's answer.</summary>
        ExemptionRequested,
        /// <summary>延期 approved; the draft is being written against the new date.</summary>
        Extended,
        /// <summary>延期 asked, waiting for the unit.</summary>
        ExtensionRequested,
        /// <summary>撤项: terminated by the federation for being overdue, no application.</summary>
        TerminatedOverdue,
        /// <summary>撤项 at the unit's request (the request chain), a draft left behind.</summary>
        TerminatedOnRequest,
        Rejected,
        Concluded,
        /// <summary>免于鉴定 granted with a grade, then concluded.</summary>
        ConcludedExempt,
        /// <summary>免于鉴定 refused, appraised by experts, concluded.</summary>
        ConcludedExemptionRefused,
        /// <summary>延期 approved, then concluded.</summary>
        ConcludedAfterExtension,
        /// <summary>Returned by the county once, revised, resubmitted and concluded.</summary>
        ConcludedAfterReturn,
        /// <summary>暂缓结项, revised, resubmitted and concluded.</summary>
        ConcludedAfterDeferral,
    }

    /// <param name="Leader">The leading researcher's user name (see <see cref="Researchers"/>).</param>
    public sealed record Project(string Code, string Title, string Leader, Fate Fate, AppraisalGrade Grade = AppraisalGrade.Good);

    public const string PartySchoolEnyang = "中共巴中市恩阳区委党校";
    public const string PartySchoolTongjiang = "中共通江县委党校";
    public const string PartySchoolNanjiang = "中共南江县委党校";
    public const string Polytechnic = "巴中职业技术学院";
    public const string SovietAreaCentre = "巴中市川陕苏区历史研究中心";

    public static readonly IReadOnlyList<(string Unit, string Region)> Units =
    [
        (PartySchoolEnyang, "恩阳区"),
        (PartySchoolTongjiang, "通江县"),
        (PartySchoolNanjiang, "南江县"),
        (Polytechnic, ReferenceData.CityLevel),
        (SovietAreaCentre, ReferenceData.CityLevel),
    ];

    public sealed record Researcher(string UserName, string Name, string Unit, string Gender, int BirthYear, string Title);

    /// <summary>The leaders; yangzhuo (<see cref="DemoData"/>'s) leads a few demo projects besides the reference one.</summary>
    public static readonly IReadOnlyList<Researcher> Researchers =
    [
        new("wanghong", "王红", DemoData.PartySchoolBazhou, "女", 1982, "副教授"),
        new("lijun", "李军", DemoData.OrganisationDepartmentBazhou, "男", 1979, "经济师"),
        new("zhouli", "周丽", DemoData.PartySchoolCity, "女", 1985, "副教授"),
        new("chengang", "陈刚", DemoData.PartySchoolCity, "男", 1976, "教授"),
        new("liuyang", "刘洋", DemoData.PartySchoolPingchang, "男", 1988, "讲师"),
        new("zhaomin", "赵敏", DemoData.PartySchoolPingchang, "女", 1983, "副教授"),
        new("sunwei", "孙伟", PartySchoolEnyang, "男", 1980, "讲师"),
        new("hujing", "胡静", PartySchoolTongjiang, "女", 1987, "讲师"),
        new("guoqiang", "郭强", PartySchoolNanjiang, "男", 1978, "副教授"),
        new("maxiaoyan", "马晓燕", Polytechnic, "女", 1986, "副教授"),
        new("hejun", "何军", Polytechnic, "男", 1981, "讲师"),
        new("tangli", "唐丽", SovietAreaCentre, "女", 1984, "副研究员"),
        new("xufeng", "徐峰", SovietAreaCentre, "男", 1977, "研究员"),
    ];

    public sealed record Expert(string UserName, string Name, string WorkUnit, string Title, string Fields);

    /// <summary>The pool: expert.1–3 are <see cref="DemoData"/>'s accounts, given their entries here; the others are new.</summary>
    public static readonly IReadOnlyList<Expert> Pool =
    [
        new("expert.1", "张立新", DemoData.PartySchoolCity, "教授", "党史党建；红色文化"),
        new("expert.2", "刘芳", DemoData.PartySchoolPingchang, "副教授", "乡村振兴；农村经济"),
        new("expert.3", "陈志强", DemoData.PartySchoolCity, "教授", "社会治理；公共管理"),
        new("expert.4", "黄文", "四川大学", "教授", "区域经济；乡村振兴；产业发展"),
        new("expert.5", "罗敏", "西华师范大学", "教授", "历史学；川陕苏区史；红色文化"),
        new("expert.6", "邓建国", Polytechnic, "教授", "职业教育；教育管理"),
        new("expert.7", "吴倩", PartySchoolTongjiang, "副教授", "文化旅游；非物质文化遗产"),
        new("expert.8", "蒋涛", "四川省社会科学院", "研究员", "社会治理；基层党建；公共管理"),
        new("expert.9", "邱红梅", SovietAreaCentre, "研究员", "地方志；巴文化；文化旅游"),
    ];

    private static IEnumerable<Expert> Experts => Pool.Where(e => DemoData.Accounts.All(a => a.UserName != e.UserName));

    /// <summary>Every unit's reviewer (unit.bzdx is <see cref="DemoData"/>'s), the counties' federations (skl.bazhou
    /// likewise), the researchers and the experts; all with the demo password.</summary>
    // After Researchers and Pool: static fields are initialised in the order they are written.
    public static readonly IReadOnlyList<DemoData.Account> Accounts =
    [
        new("unit.bzzzb", "巴州区委组织部审核人", Roles.UnitReviewer, DemoData.OrganisationDepartmentBazhou, RealName: "何志勇", Post: "办公室主任"),
        new("unit.swdx", "市委党校审核人", Roles.UnitReviewer, DemoData.PartySchoolCity, RealName: "罗晓梅", Post: "科研处处长"),
        new("unit.pcdx", "平昌县委党校审核人", Roles.UnitReviewer, DemoData.PartySchoolPingchang, RealName: "苟建平", Post: "教务科科长"),
        new("unit.eydx", "恩阳区委党校审核人", Roles.UnitReviewer, PartySchoolEnyang, RealName: "冯德明", Post: "副校长"),
        new("unit.tjdx", "通江县委党校审核人", Roles.UnitReviewer, PartySchoolTongjiang, RealName: "岳小兰", Post: "教研室主任"),
        new("unit.njdx", "南江县委党校审核人", Roles.UnitReviewer, PartySchoolNanjiang, RealName: "向东", Post: "教研室主任"),
        new("unit.bzzy", "巴中职业技术学院审核人", Roles.UnitReviewer, Polytechnic, RealName: "蒲立华", Post: "科研处处长"),
        new("unit.sqzx", "川陕苏区历史研究中心审核人", Roles.UnitReviewer, SovietAreaCentre, RealName: "张永康", Post: "主任"),
        new("skl.enyang", "恩阳区社科联", Roles.CountyFederation, Region: "恩阳区", RealName: "李红英", Post: "秘书长"),
        new("skl.tongjiang", "通江县社科联", Roles.CountyFederation, Region: "通江县", RealName: "王成", Post: "副主席"),
        new("skl.nanjiang", "南江县社科联", Roles.CountyFederation, Region: "南江县", RealName: "杜明辉", Post: "秘书长"),
        new("skl.pingchang", "平昌县社科联", Roles.CountyFederation, Region: "平昌县", RealName: "熊静", Post: "副主席"),
        .. Researchers.Select(r => new DemoData.Account(r.UserName, r.Name, Roles.Researcher, r.Unit, RealName: r.Name)),
        .. Experts.Select(e => new DemoData.Account(e.UserName, e.Name, Roles.Expert, RealName: e.Name)),
    ];

    private const string Y = "yangzhuo";

    /// <summary>
    /// The programme, by 立项 year; codes in the house format, none of them the reference project's BZ25YB027. The 2026
    /// 专项 and 委托 projects are short (due 2026-09-30), so the current year has applications in review too.
    /// </summary>
    public static readonly IReadOnlyList<Project> Projects =
    [
        new("BZ24ZD001", "川陕革命根据地红色文化资源保护利用研究", "xufeng", Fate.Concluded, AppraisalGrade.Excellent),
        new("BZ24ZD002", "巴中市乡村振兴与新型城镇化协同发展研究", "chengang", Fate.ConcludedAfterExtension, AppraisalGrade.Good),
        new("BZ24YB001", "巴中市基层党组织建设质量提升路径研究", "wanghong", Fate.Concluded),
        new("BZ24YB002", "光雾山—诺水河景区文旅融合发展研究", "hujing", Fate.Concluded, AppraisalGrade.Excellent),
        new("BZ24YB003", "巴中市农村集体经济发展模式研究", "liuyang", Fate.Concluded, AppraisalGrade.Pass),
        new("BZ24YB004", "巴文化的当代传承与创新转化研究", "tangli", Fate.ConcludedExempt, AppraisalGrade.Excellent),
        new("BZ24YB005", "秦巴山区易地扶贫搬迁后续扶持研究", "zhaomin", Fate.ConcludedAfterReturn),
        new("BZ24YB006", "巴中市职业教育服务地方产业研究", "maxiaoyan", Fate.Concluded),
        new("BZ24YB007", "恩阳古镇历史文化街区保护研究", "sunwei", Fate.ConcludedAfterDeferral, AppraisalGrade.Pass),
        new("BZ24YB008", "巴中市基层社会治理数字化转型研究", "lijun", Fate.ConcludedExemptionRefused),
        new("BZ24YB009", "红军石刻标语的史料价值研究", "xufeng", Fate.ConcludedExempt, AppraisalGrade.Good),
        new("BZ24YB010", "巴中市农产品区域公用品牌建设研究", "guoqiang", Fate.Rejected),
        new("BZ24YB011", "新时代党校教学改革实践研究", Y, Fate.Concluded, AppraisalGrade.Good),
        new("BZ24YB012", "巴中市人口老龄化与养老服务体系研究", "zhouli", Fate.TerminatedOverdue),
        new("BZ24QN001", "巴中市大学生返乡创业调查研究", "hejun", Fate.Concluded, AppraisalGrade.Pass),
        new("BZ24QN002", "通江银耳产业链延伸研究", "hujing", Fate.ConcludedAfterExtension),
        new("BZ24QN003", "平昌县乡村旅游发展路径研究", "liuyang", Fate.TerminatedOnRequest),
        new("BZ24QN004", "巴中方言文化资源调查研究", "sunwei", Fate.Concluded),
        new("BZ24ZX001", "巴中市营商环境优化对策研究", "lijun", Fate.Concluded, AppraisalGrade.Excellent),
        new("BZ24ZX002", "川陕苏区精神融入思政教育研究", "zhouli", Fate.Concluded),

        new("BZ25ZD001", "巴中融入成渝地区双城经济圈路径研究", "chengang", Fate.ExpertReview),
        new("BZ25ZD002", "川陕苏区红色文化数字化传播研究", "tangli", Fate.FederationReview),
        new("BZ25ZD003", "南江县林下经济发展研究", "guoqiang", Fate.ExtensionRequested),
        new("BZ25YB001", "巴中市耕地保护与粮食安全研究", "wanghong", Fate.UnitReview),
        new("BZ25YB002", "平昌县茶产业高质量发展研究", "zhaomin", Fate.CountyReview),
        new("BZ25YB003", "南江县黄羊产业发展研究", "guoqiang", Fate.CountyReview),
        new("BZ25YB004", "巴中市城乡居民收入差距研究", "lijun", Fate.FederationIntake),
        new("BZ25YB005", "恩阳区农文旅融合发展研究", "sunwei", Fate.CountyReview),
        new("BZ25YB006", "巴中市高校毕业生就业质量研究", "hejun", Fate.UnitReview),
        new("BZ25YB007", "川陕苏区治理经验研究", "xufeng", Fate.FederationIntake),
        new("BZ25YB008", "巴中市社区养老服务供给研究", "zhouli", Fate.ExpertReview),
        new("BZ25YB009", "通江县红色旅游线路优化研究", "hujing", Fate.ReturnedByUnit),
        new("BZ25YB010", "巴中市生态产品价值实现机制研究", "chengang", Fate.FederationReview),
        new("BZ25YB011", "巴州区城市更新与老旧小区改造研究", "wanghong", Fate.ReturnedByFederation),
        new("BZ25YB012", "巴中市非物质文化遗产活态传承研究", "maxiaoyan", Fate.Deferred),
        new("BZ25YB013", "巴中市中小学劳动教育实践研究", "hejun", Fate.Deferred),
        new("BZ25YB014", "川陕苏区文献整理与研究", "tangli", Fate.ExemptionRequested),
        new("BZ25YB015", "平昌县农村人居环境整治研究", "liuyang", Fate.Extended),
                new("BZ25YB016", "巴中市乡村医生队伍建设研究", "zhaomin", Fate.Concluded, AppraisalGrade.Good),
        new("BZ25YB017", "巴中市民营经济发展环境研究", "lijun", Fate.Concluded, AppraisalGrade.Excellent),
        new("BZ25YB018", "巴中市城市品牌形象传播研究", "maxiaoyan", Fate.TerminatedOverdue),
        new("BZ25QN001", "巴中市青年人才引育留用研究", "zhouli", Fate.UnitReview),
        new("BZ25QN002", "恩阳区乡村治理积分制实践研究", "sunwei", Fate.FederationIntake),
        new("BZ25QN003", "巴中市短视频助农现象研究", "hejun", Fate.ExpertReview),
        new("BZ25QN004", "巴中市志愿服务体系建设研究", "wanghong", Fate.EmptyDraft),
        new("BZ25QN005", "通江县传统村落保护研究", "hujing", Fate.HalfDraft),
        new("BZ25WT001", "巴中市“十五五”社会科学发展思路研究", "xufeng", Fate.HalfDraft),
        new("BZ25WT002", "巴中市社科普及基地建设研究", "chengang", Fate.EmptyDraft),

        new("BZ26ZD001", "巴中市县域经济高质量发展研究", "chengang", Fate.NotStarted),
        new("BZ26YB001", "巴中市数字乡村建设研究", "wanghong", Fate.NotStarted),
        new("BZ26YB002", "平昌县白衣古镇文化研究", "liuyang", Fate.HalfDraft),
        new("BZ26YB003", "南江县光雾山旅游品牌研究", "guoqiang", Fate.NotStarted),
        new("BZ26YB004", "巴中市红色文化进校园研究", "maxiaoyan", Fate.EmptyDraft),
        new("BZ26YB005", "恩阳区特色农业产业研究", "sunwei", Fate.NotStarted),
        new("BZ26YB006", "党员教育培训质效提升研究", Y, Fate.NotStarted),
        new("BZ26YB007", "巴中市家风家教文化研究", "zhaomin", Fate.HalfDraft),
        new("BZ26QN001", "巴中市新就业形态劳动者权益研究", "hejun", Fate.NotStarted),
        new("BZ26QN002", "通江县红军烈士陵园红色教育研究", "hujing", Fate.EmptyDraft),
        new("BZ26QN003", "巴中市基层干部减负研究", "lijun", Fate.HalfDraft),
        new("BZ26ZX001", "川陕苏区红色地名研究", "tangli", Fate.UnitReview),
        new("BZ26ZX002", "巴中市网络意识形态工作研究", "zhouli", Fate.FederationIntake),
        new("BZ26ZX003", "巴中市红色文化遗址保护利用现状调查", "hujing", Fate.FederationReview),
        new("BZ26WT001", "巴中市社会科学界联合会发展史研究", "xufeng", Fate.ExpertReview),
        new("BZ26WT002", "巴中市哲学社会科学发展现状调查", "chengang", Fate.Concluded, AppraisalGrade.Excellent),
    ];
}
