using System.Diagnostics;
using System.Security.Claims;
using BaZhouTalent.Application.Applications;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Experts;
using BaZhouTalent.Application.Projects;
using BaZhouTalent.Application.Register;
using BaZhouTalent.Application.Review;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Infrastructure.Data;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static BaZhouTalent.Infrastructure.Seeding.DemoProgramme;

namespace BaZhouTalent.Infrastructure.Seeding;

/// <summary>
/// Writes <see cref="DemoProgramme"/> into a new Development database the way the portal would have: every project is
/// registered, filled, submitted, reviewed, appraised, decided, extended or terminated by the accounts whose work that is,
/// through the application layer's own handlers (validated as the pages validate), so signatures, the change record,
/// notices and the audits are the portal's own. The steps of all projects run in date order on <see cref="DemoClock"/>,
/// which spreads them over 2024–2026 and makes every run write the same content.
/// </summary>
internal sealed class DemoProgrammeSeeder(IServiceProvider scope, AppDbContext database, ILogger log)
{
    private readonly AppDbContext db = database;
    /// <summary>The last day of the programme: every step happens on or before it.</summary>
    public static readonly DateOnly LastDay = new(2026, 11, 27);

    /// <summary>The day every account has read its notices up to.</summary>
    private static readonly DateOnly ReadUpTo = new(2026, 11, 1);

    private const string Admin = "admin";
    private readonly DemoClock clock = new();
    private readonly Dictionary<string, ClaimsPrincipal> principals = [];
    private readonly Dictionary<string, AppUser> accounts = [];

    /// <summary>A step of one project: when, by whom, what.</summary>
    private sealed record Step(DateTimeOffset At, int Project, int Order, string Actor, string What, Func<DemoStepServices, Task<bool>> Act);

    /// <summary>
    /// The marker: the programme is added only while the database holds no project besides the reference one, so a second
    /// start (or a database in use) adds nothing. The start-up transaction makes the programme all or nothing.
    /// </summary>
    public static async Task<bool> IsWantedAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await db.FundedProjects.CountAsync(cancellationToken) <= 1;

    /// <summary>Runs the programme; its units and accounts are in place (the initializer adds them as it adds <see cref="DemoData"/>'s).</summary>
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var steps = new List<Step> { new(At(new DateOnly(2024, 3, 1), 0), -1, 0, Admin, "专家库", FillPoolAsync) };
        for (var i = 0; i < Projects.Count; i++)
            steps.AddRange(new Script(this, Projects[i], i).Steps());
        // Everyone has read their notices up to November: what is unread is the last weeks' news, as on a portal in use.
        steps.AddRange(DemoData.Accounts.Concat(DemoProgramme.Accounts).Select(a => a.UserName).Distinct().Select(userName =>
            new Step(At(ReadUpTo, 8 * 60), -1, 0, userName, "阅读站内通知",
                async services => await services.Get<Application.Notices.MessageCentre.Handler>().MarkAllReadAsync() >= 0)));
        foreach (var step in steps.OrderBy(s => s.At).ThenBy(s => s.Project).ThenBy(s => s.Order))
            await RunAsync(step, cancellationToken);
        log.LogInformation("Seeded the demo programme: {Projects} projects in {Steps} steps in {Elapsed} ms",
            Projects.Count, steps.Count, watch.ElapsedMilliseconds);
    }

    private async Task RunAsync(Step step, CancellationToken cancellationToken)
    {
        clock.Now = step.At;
        var http = scope.GetRequiredService<IHttpContextAccessor>();
        http.HttpContext = new DefaultHttpContext { User = await PrincipalAsync(step.Actor), RequestAborted = cancellationToken };
        try
        {
            db.ChangeTracker.Clear();
            if (!await step.Act(new DemoStepServices(scope, clock)))
                throw new InvalidOperationException($"Demo programme: {step.What} by {step.Actor} at {step.At:u} did not go through");
        }
        finally
        {
            http.HttpContext = null;
        }
    }

    private async Task<ClaimsPrincipal> PrincipalAsync(string userName)
    {
        if (principals.TryGetValue(userName, out var principal)) return principal;
        var user = await AccountAsync(userName);
        return principals[userName] = await scope.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
    }

    private async Task<AppUser> AccountAsync(string userName)
    {
        if (accounts.TryGetValue(userName, out var user)) return user;
        return accounts[userName] = await db.Users.AsNoTracking().Include(u => u.Unit).ThenInclude(u => u!.Region)
            .SingleAsync(u => u.UserName == userName);
    }

    private async Task<bool> FillPoolAsync(DemoStepServices services)
    {
        var save = services.Get<SaveExpert.Handler>();
        foreach (var expert in Pool)
        {
            var command = new SaveExpert.Command
            {
                UserId = (await AccountAsync(expert.UserName)).Id,
                DisplayName = expert.Name,
                WorkUnit = expert.WorkUnit,
                ProfessionalTitle = expert.Title,
                Fields = expert.Fields,
                Phone = Phone(expert.UserName),
            };
            await ValidAsync(services, command);
            if ((await save.HandleAsync(command)).Errors.Count > 0) return false;
        }
        return true;
    }

    private static async Task ValidAsync<T>(DemoStepServices services, T command)
    {
        if (services.GetService(typeof(IValidator<T>)) is IValidator<T> validator)
            await validator.ValidateAndThrowAsync(command);
    }

    private static string Phone(string seed) => $"139{(uint)Fnv(seed) % 100_000_000:D8}";

    /// <summary>A stable hash (string.GetHashCode changes from run to run).</summary>
    private static int Fnv(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return (int)(hash & 0x7fffffff);
    }

    private static DateTimeOffset At(DateOnly day, int minuteOfDay) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).AddMinutes(minuteOfDay).ToUniversalTime();

    /// <summary>One project's steps from registration to its <see cref="Fate"/>, each a few days after the one before.</summary>
    private sealed class Script(DemoProgrammeSeeder seeder, Project project, int index)
    {
        private readonly List<Step> steps = [];
        private readonly Researcher leader = Researchers.SingleOrDefault(r => r.UserName == project.Leader)
            ?? new Researcher(DemoData.ReferenceLeader, "杨卓", DemoData.PartySchoolBazhou, "男", 1984, "讲师");
        private readonly int year = ProjectCode.Parse(project.Code)!.Year;
        private DateOnly day;

        private string UnitReviewer => DemoProgramme.Accounts.Concat(DemoData.Accounts)
            .First(a => a.Role == Roles.UnitReviewer && a.Unit == leader.Unit).UserName;

        private string? CountyFederation => DemoProgramme.Units.Concat(DemoData.Units).Single(u => u.Unit == leader.Unit).Region is var region
            && region != ReferenceData.CityLevel
                ? DemoProgramme.Accounts.Concat(DemoData.Accounts).First(a => a.Role == Roles.CountyFederation && a.Region == region).UserName
                : null;

        private string Category => ProjectCode.Parse(project.Code)!.CategoryCode;

        /// <summary>The 2026 专项 and 委托 projects run for half a year.</summary>
        private bool Short => year == 2026 && (Category is "ZX" or "WT");

        /// <summary>Still with a reviewer at the programme's end: started late, so what waits has waited weeks, not months.</summary>
        private bool InReview => project.Fate is Fate.UnitReview or Fate.CountyReview or Fate.FederationIntake or Fate.ExpertReview
            or Fate.FederationReview or Fate.ExemptionRequested or Fate.ReturnedByUnit or Fate.ReturnedByFederation or Fate.Deferred;

        private DateOnly PlannedCompletion => Short ? new DateOnly(year, 9, 30)
            : Category == "ZD" ? new DateOnly(year + 1, 12, 31) : new DateOnly(year + 1, 6, 30);

        public IReadOnlyList<Step> Steps()
        {
            day = new DateOnly(year, 3, 20).AddDays(index % 20);
            Add(Admin, "登记项目", Register);
            // The researchers write in the spring after the planned completion; the programme's year is written in a
            // band of its own so that the applications still in review are the last months' work.
            day = year switch
            {
                2024 => new DateOnly(2025, 3, 1).AddDays(index * 4),
                2025 when InReview => new DateOnly(2026, 8, 25).AddDays(index - 20),
                2025 => new DateOnly(2026, 5, 20).AddDays((index - 20) * 3),
                _ when Short => new DateOnly(2026, 7, 20).AddDays((index - 48) * 4),
                _ => new DateOnly(2026, 10, 8).AddDays((index - 48) * 2),
            };
            switch (project.Fate)
            {
                case Fate.NotStarted: break;
                case Fate.EmptyDraft: Start(); break;
                case Fate.HalfDraft: Start(); Add(project.Leader, "填写变更情况", FillChangeTable); break;
                case Fate.UnitReview: Submitted(); break;
                case Fate.CountyReview: Submitted(); UnitApproves(); break;
                case Fate.FederationIntake: ToIntake(); break;
                case Fate.ExpertReview: ToIntake(); Assign(); Appraise(chiefOnly: true); break;
                case Fate.FederationReview: ToIntake(); Assign(); Appraise(); break;
                case Fate.ReturnedByUnit: Submitted(); Add(UnitReviewer, "单位退回", s => ReturnAsync(s, "成果摘要过于简略，请补充主要观点和对策建议后重新提交。")); break;
                case Fate.ReturnedByFederation: ToIntake(); Add(Admin, "市社科联退回", s => ReturnAsync(s, "未上传查重报告，最终成果中部分引文未注明出处，请补充完善后重新提交。")); break;
                case Fate.Deferred: ToIntake(); Assign(); Appraise(); Defer(); break;
                case Fate.ExemptionRequested: Submitted(exemption: true); UnitApproves(); CountyApproves(); break;
                case Fate.Extended: Extend(); Start(); Add(project.Leader, "填写变更情况", FillChangeTable); break;
                case Fate.ExtensionRequested: day = PlannedCompletion.AddDays(-45); Add(project.Leader, "申请延期", AskExtensionAsync); break;
                case Fate.TerminatedOverdue: day = PlannedCompletion.AddDays(100 + index); Add(Admin, "撤项", TerminateAsync); break;
                case Fate.TerminatedOnRequest: Start(); Add(project.Leader, "填写变更情况", FillChangeTable); day = PlannedCompletion.AddDays(20);
                    Add(UnitReviewer, "单位申请撤项", RequestTerminationAsync); Add(Admin, "批准撤项", s => DecideRequestAsync(s, ProjectRequestTrigger.Approve, "同意撤项。")); break;
                case Fate.Rejected: ToIntake(); Assign(); Appraise(AppraisalGrade.Pass, agrees: false); Add(Admin, "不予结项", s => DecideAsync(s, approve: false)); break;
                case Fate.Concluded: ToIntake(); Assign(); Appraise(); Conclude(); break;
                case Fate.ConcludedExempt: Submitted(exemption: true); UnitApproves(); CountyApproves();
                    Add(Admin, "同意免于鉴定", s => DecideExemptionAsync(s, grant: true)); Conclude(); break;
                case Fate.ConcludedExemptionRefused: Submitted(exemption: true); UnitApproves(); CountyApproves();
                    Add(Admin, "不同意免于鉴定", s => DecideExemptionAsync(s, grant: false)); Assign(); Appraise(); Conclude(); break;
                case Fate.ConcludedAfterExtension: Extend(); day = PlannedCompletion.AddMonths(5); ToIntake(); Assign(); Appraise(); Conclude(); break;
                case Fate.ConcludedAfterReturn:
                    Submitted(); UnitApproves();
                    Add(CountyFederation ?? Admin, "退回修改", s => ReturnAsync(s, "对策建议部分针对性不强，请结合本县实际补充完善。"));
                    Add(project.Leader, "修改最终成果", s => FillReportAsync(s, revised: true));
                    Add(project.Leader, "重新提交", SubmitAsync); UnitApproves(); CountyApproves(); Assign(); Appraise(); Conclude(); break;
                case Fate.ConcludedAfterDeferral:
                    ToIntake(); Assign(); Appraise(); Defer();
                    Add(project.Leader, "按暂缓意见修改", s => FillReportAsync(s, revised: true));
                    Add(project.Leader, "重新提交", SubmitAsync); UnitApproves(); CountyApproves(); Assign(); Appraise(); Conclude(); break;
            }
            if (steps[^1].At > At(LastDay, 24 * 60))
                throw new InvalidOperationException($"Demo programme: {project.Code} runs past {LastDay}");
            return steps;
        }

        /// <summary>Adds a step some days after the last one, at a time of the working day that differs from project to project.</summary>
        private void Add(string actor, string what, Func<DemoStepServices, Task<bool>> act)
        {
            day = steps.Count == 0 ? day : day.AddDays(2 + (index + steps.Count) % 6);
            var minute = 9 * 60 + (index * 37 + steps.Count * 53) % (8 * 60);
            steps.Add(new Step(At(day, minute), index, steps.Count, actor, $"{project.Code} {what}", act));
        }

        private void Start() => Add(project.Leader, "开始填写结项申请", StartAsync);

        private void Submitted(bool exemption = false)
        {
            Start();
            Add(project.Leader, "填写变更情况", FillChangeTable);
            Add(project.Leader, "填写封面与声明", FillCoverAsync);
            Add(project.Leader, "填写最终成果", s => FillReportAsync(s, revised: false));
            if (exemption)
                Add(project.Leader, "申请免于鉴定", AskExemptionAsync);
            Add(project.Leader, "提交结项申请", SubmitAsync);
        }

        private void UnitApproves() => Add(UnitReviewer, "单位审核", s => ActAsync<ApproveByUnit.Command, ApproveByUnit.Handler>(s,
            stamp => new ApproveByUnit.Command(project.Code, stamp, false, true, "经审核，该成果无政治导向问题，内容符合预期研究目标，同意报送。"),
            (h, c, u) => h.HandleAsync(c, u)));

        private void CountyApproves()
        {
            if (CountyFederation is { } county)
                Add(county, "县区社科联审核", s => ActAsync<ApproveByCounty.Command, ApproveByCounty.Handler>(s,
                    stamp => new ApproveByCounty.Command(project.Code, stamp, false, true, "同意报送市社科联。", Reviewer(county)),
                    (h, c, u) => h.HandleAsync(c, u)));
        }

        private void ToIntake()
        {
            Submitted();
            UnitApproves();
            CountyApproves();
        }

        private void Assign() => Add(Admin, "分配鉴定专家", AssignAsync);

        private void Appraise(AppraisalGrade? grade = null, bool agrees = true, bool chiefOnly = false)
        {
            var panel = Panel();
            foreach (var expert in chiefOnly ? panel.Take(1) : panel)
                Add(expert, "专家鉴定", s => AppraiseAsync<RecordAppraisal.Command, RecordAppraisal.Handler>(s, grade, agrees,
                    (code, stamp, g, text) => new RecordAppraisal.Command(code, stamp, false, agrees, g, text), (h, c, u) => h.HandleAsync(c, u)));
            if (!chiefOnly)
                Add(panel[0], "综合鉴定", s => AppraiseAsync<CompleteAppraisal.Command, CompleteAppraisal.Handler>(s, grade, agrees,
                    (code, stamp, g, text) => new CompleteAppraisal.Command(code, stamp, false, agrees, g, text), (h, c, u) => h.HandleAsync(c, u)));
        }

        private void Defer() => Add(Admin, "暂缓结项", s => ActAsync<DeferClosure.Command, DeferClosure.Handler>(s,
            stamp => new DeferClosure.Command(project.Code, stamp, "专家指出调研数据需更新至最近年度，请补充数据并修改第三部分后重新提交。", 60),
            (h, c, u) => h.HandleAsync(c, u)));

        private void Conclude() => Add(Admin, "同意结项", s => DecideAsync(s, approve: true));

        private void Extend()
        {
            day = PlannedCompletion.AddDays(-40 - index % 10);
            Add(project.Leader, "申请延期", AskExtensionAsync);
            Add(UnitReviewer, "单位同意延期", s => DecideRequestAsync(s, ProjectRequestTrigger.UnitAgree, "情况属实，同意延期。"));
            Add(Admin, "批准延期", s => DecideRequestAsync(s, ProjectRequestTrigger.Approve, "同意延期。"));
        }

        /// <summary>Three experts of the pool not at the leader's unit, taken in turn; the first is the chief.</summary>
        private List<string> Panel()
        {
            var eligible = Pool.Where(e => e.WorkUnit != leader.Unit).Select(e => e.UserName).ToList();
            return Enumerable.Range(0, 3).Select(k => eligible[(index + k * 2) % eligible.Count]).Distinct().ToList();
        }

        private static string Reviewer(string userName) =>
            DemoProgramme.Accounts.Concat(DemoData.Accounts).Single(a => a.UserName == userName).RealName;

        private async Task<Guid> StampAsync() =>
            await seeder.db.ClosureApplications.Where(a => a.Project.Code == project.Code).Select(a => a.ConcurrencyStamp).SingleAsync();

        private static ClaimsPrincipal User(DemoStepServices s) => s.Get<IHttpContextAccessor>().HttpContext!.User;

        private async Task<bool> ActAsync<TCommand, THandler>(DemoStepServices s, Func<Guid, TCommand> command,
            Func<THandler, TCommand, ClaimsPrincipal, Task<ReviewOutcome>> handle) where THandler : notnull
        {
            var c = command(await StampAsync());
            await ValidAsync(s, c);
            var outcome = await handle(s.Get<THandler>(), c, User(s));
            return outcome.Kind == ReviewOutcomeKind.Done || Fail(outcome.Message);
        }

        private bool Fail(string? message) => throw new InvalidOperationException($"Demo programme: {project.Code}: {message}");

        private async Task<bool> Register(DemoStepServices s)
        {
            var category = await seeder.db.ProjectCategories.SingleAsync(c => c.Code == Category);
            var unit = await seeder.db.Units.SingleAsync(u => u.Name == leader.Unit);
            var command = new RegisterProject.Command
            {
                Code = project.Code,
                CategoryId = category.Id,
                Title = project.Title,
                UnitId = unit.Id,
                PlannedOutputForm = category.Code is "ZD" ? "研究报告 1 篇（3 万字以上）" : "研究报告 1 篇",
                PlannedCompletion = PlannedCompletion,
                Leader = Leader(),
                Participants = Participants(),
                LeaderUserName = project.Leader,
                FundingYuan = category.Code switch { "ZD" => 30_000, "QN" => 5_000, "WT" => 20_000, _ => 10_000 },
            };
            await ValidAsync(s, command);
            return await s.Get<RegisterProject.Handler>().HandleAsync(command) is not null;
        }

        private PersonInput Leader() => new()
        {
            Name = leader.Name,
            Gender = leader.Gender,
            Ethnicity = "汉族",
            BirthYear = leader.BirthYear,
            BirthMonth = 1 + Fnv(leader.UserName) % 12,
            Unit = leader.Unit,
            ProfessionalTitle = leader.Title,
            Address = "四川省巴中市巴州区江北大道" + (100 + Fnv(leader.UserName) % 800) + "号",
            Phone = Phone(leader.UserName),
        };

        private List<ParticipantInput> Participants() =>
        [
            .. Researchers.Where(r => r.Unit == leader.Unit && r.UserName != leader.UserName).Take(1)
                .Select(r => new ParticipantInput { Name = r.Name, Unit = r.Unit, Title = r.Title, Phone = Phone(r.UserName) }),
            new() { Name = Colleagues[index % Colleagues.Length], Unit = leader.Unit, Title = "讲师", Phone = Phone(project.Code) },
        ];

        private static readonly string[] Colleagues = ["苟小林", "杜娟", "张海", "李秀英", "王磊", "冉春梅", "岳勇", "蒲婷"];

        private async Task<bool> StartAsync(DemoStepServices s) =>
            await s.Get<StartApplication.Handler>().HandleAsync(new StartApplication.Command(project.Code)) == StartApplication.Outcome.Started;

        private async Task<bool> FillChangeTable(DemoStepServices s)
        {
            var command = new SaveChangeTable.Command
            {
                ProjectCode = project.Code,
                ConcurrencyStamp = await StampAsync(),
                ResultTitle = project.Title,
                CurrentOutputForm = "研究报告 1 篇",
                ActualCompletion = day.AddDays(-10),
                Leader = Leader(),
                Participants = Participants(),
            };
            await ValidAsync(s, command);
            return await s.Get<SaveChangeTable.Handler>().HandleAsync(command) == SaveOutcome.Saved;
        }

        private async Task<bool> FillCoverAsync(DemoStepServices s)
        {
            var command = new SaveCover.Command
            {
                ProjectCode = project.Code, ConcurrencyStamp = await StampAsync(), FillDate = day,
                Sensitive = false, Classified = false, DeclarationConfirmed = true,
            };
            await ValidAsync(s, command);
            return await s.Get<SaveCover.Handler>().HandleAsync(command) == SaveOutcome.Saved;
        }

        private async Task<bool> FillReportAsync(DemoStepServices s, bool revised)
        {
            var command = new SaveReport.Command { ProjectCode = project.Code, ConcurrencyStamp = await StampAsync(), ReportText = Report(revised) };
            await ValidAsync(s, command);
            return await s.Get<SaveReport.Handler>().HandleAsync(command) == SaveOutcome.Saved;
        }

        /// <summary>
        /// A report of the house outline that names neither the researcher nor the unit (experts read it). Its sentences are
        /// short clauses of the project's theme, rotated and joined with the project's own subject, places and figures, so no
        /// two reports share a run the 自建库查重 would count (its fingerprints see matches of some 40 characters and more).
        /// </summary>
        private string Report(bool revised)
        {
            var theme = Themes[index % Themes.Length];
            var subject = project.Title.Replace("研究", "", StringComparison.Ordinal);
            var place = Places[index % Places.Length];
            // The 自建库查重 compares the Chinese characters alone and joins nearby matches: each report takes some of its
            // theme's clauses in an order of its own, joined by its own subject, so reports on one theme share little.
            string[] glue = ["；就{0}而言，", "；在{0}方面，", "；{0}中，", "；对{0}来说，"];
            var random = new Random(Fnv(project.Code));
            string Clauses(string[] clauses, int count) => string.Concat(clauses.OrderBy(_ => random.Next()).Take(count)
                .Select((c, k) => (k == 0 ? "" : string.Format(System.Globalization.CultureInfo.InvariantCulture, glue[random.Next(glue.Length)], subject)) + c));
            return string.Join("\n", new[]
            {
                project.Title,
                $"摘要：本课题聚焦{subject}，{year}年至{year + 1}年在{place}调研，认为{theme.Problems[index % theme.Problems.Length]}，据此就{theme.Name}提出对策。",
                $"关键词：{theme.Name}；{subject}；{place.Split('、')[0]}",
                "一、研究背景与意义",
                $"{place}{Clauses(theme.Background, 2)}。",
                "二、现状与问题",
                $"{place}问卷{280 + index * 6}份、访谈{40 + index * 3}人次表明，{Clauses(theme.Problems, 3)}。",
                "三、对策建议",
                $"围绕{subject}，{Clauses(theme.Measures, 3)}。",
                revised ? $"四、补充调研（修改稿）\n按评审意见补充了{year + 1}年的{2 + index % 3}个案例和{place}的统计数据，细化了对策。" : "",
                "参考文献",
                Themes[random.Next(Themes.Length)].Reference,
            }.Where(line => line.Length > 0));
        }

        private sealed record Theme(string Name, string[] Background, string[] Problems, string[] Measures, string Reference);

        private static readonly Theme[] Themes =
        [
            new("红色文化传承", ["红色资源富集", "红色基因需要传承", "遗址分布点多面广"], ["保护资金不足", "展陈方式单一", "讲解队伍不够专业", "青少年参与偏少"],
                ["建立红色资源名录", "推进数字化展示", "培育专业讲解员", "把红色教育融入思政课"], "[2] 中共巴中市委党史研究室.川陕革命根据地历史[M].成都：四川人民出版社，2019."),
            new("乡村振兴", ["农村人口比重较高", "脱贫成果需要巩固", "山区产业基础薄弱"], ["集体经济收入单一", "经营主体带动有限", "青壮年劳动力外流", "人居环境仍有短板"],
                ["壮大新型集体经济", "培育家庭农场和合作社", "完善联农带农机制", "吸引人才返乡创业"], "[2] 黄祖辉.乡村振兴战略的实施路径研究[J].中国农村经济，2018（4）."),
            new("文旅融合", ["山水资源独特", "古镇古村众多", "巴文化底蕴深厚"], ["文旅产品同质化", "景区联动不足", "过夜游客比例偏低", "智慧旅游建设滞后"],
                ["打造跨县精品线路", "开发巴文化文创", "完善交通住宿配套", "借助短视频营销"], "[2] 厉新建.文旅融合发展的理论与实践[J].旅游学刊，2019（11）."),
            new("基层治理", ["人口流动加快", "群众诉求日益多元", "治理任务繁重"], ["社区工作者负担重", "议事协商作用不足", "数字化手段应用少", "志愿力量较分散"],
                ["健全自治法治德治体系", "推广积分制清单制", "为基层减负赋能", "建设治理数据平台"], "[2] 郁建兴.社会治理共同体及其建设路径[J].公共管理学报，2019（3）."),
            new("产业发展", ["工业化加快推进", "特色资源丰富", "县域经济体量偏小"], ["产业链条较短", "龙头企业数量少", "精深加工能力弱", "品牌影响力有限"],
                ["延伸特色产业链", "引进培育龙头企业", "加强公用品牌建设", "完善园区要素保障"], "[2] 刘志彪.产业链现代化的产业经济学分析[J].经济学家，2019（12）."),
            new("教育发展", ["教育事业进步明显", "城乡差距依然存在", "产教融合刚刚起步"], ["农村师资结构性短缺", "职教与产业结合不紧", "家校协同机制不全", "优质资源总量不足"],
                ["推进城乡教育共同体", "深化校企合作", "加强教师队伍建设", "完善家校社协同育人"], "[2] 顾明远.中国教育现代化的理论与实践[M].北京：人民教育出版社，2018."),
            new("生态保护", ["地处长江上游", "森林覆盖率较高", "生态产品丰富"], ["调查监测体系不全", "交易机制尚未建立", "生态补偿标准偏低", "绿色产业规模小"],
                ["开展生态产品普查", "探索价值核算", "健全生态补偿", "发展林下经济"], "[2] 王金南.生态产品第四产业理论与发展框架研究[J].中国环境管理，2021（4）."),
            new("民生保障", ["老龄化程度较高", "民生需求趋于多样", "公共服务短板仍在"], ["养老设施分布不均", "护理人员短缺", "城乡保障水平有差距", "服务信息化程度低"],
                ["完善三级养老服务网络", "加强专业人才培养", "推进公共服务均等化", "建设民生服务平台"], "[2] 郑功成.中国社会保障改革与发展战略[M].北京：人民出版社，2011."),
        ];

        private static readonly string[] Places = ["巴州区、恩阳区", "通江县、南江县", "平昌县", "巴州区、平昌县", "南江县、通江县"];

        private async Task<bool> AskExemptionAsync(DemoStepServices s)
        {
            var ground = s.Get<IOptions<ClosureOptions>>().Value.Grounds[index % 2];
            var command = new RequestExemption.Command(project.Code, await StampAsync(), true, ground, "成果已在省级刊物发表并获市领导肯定性批示，相关证明材料见附件。");
            await ValidAsync(s, command);
            if (await s.Get<RequestExemption.Handler>().HandleAsync(command) != SaveOutcome.Saved) return false;
            var evidence = EvidencePicture();
            await using var content = new MemoryStream(evidence);
            var uploaded = await s.Get<UploadAttachment.Handler>().HandleAsync(new UploadAttachment.Command(
                project.Code, AttachmentKind.ExemptionEvidence, false, "免于鉴定证明材料.png", content, evidence.Length));
            return uploaded.Outcome == UploadAttachment.Outcome.Uploaded || Fail(uploaded.Refusal);
        }

        /// <summary>A picture standing in for the scanned evidence: a QR code of the project's code.</summary>
        private byte[] EvidencePicture()
        {
            using var generator = new QRCoder.QRCodeGenerator();
            using var data = generator.CreateQrCode($"{project.Code} 免于鉴定证明材料（演示）", QRCoder.QRCodeGenerator.ECCLevel.M);
            return new QRCoder.PngByteQRCode(data).GetGraphic(6);
        }

        private async Task<bool> SubmitAsync(DemoStepServices s)
        {
            var result = await s.Get<SubmitApplication.Handler>().HandleAsync(new SubmitApplication.Command(project.Code, await StampAsync()), User(s));
            return result.Outcome == SubmitApplication.Outcome.Submitted
                || Fail(result.Message + string.Join("；", result.Problems.Select(p => p.Message)));
        }

        private Task<bool> ReturnAsync(DemoStepServices s, string reason) => ActAsync<ReturnApplication.Command, ReturnApplication.Handler>(s,
            stamp => new ReturnApplication.Command(project.Code, stamp, reason), (h, c, u) => h.HandleAsync(c, u));

        private async Task<bool> AssignAsync(DemoStepServices s)
        {
            var ids = new List<string>();
            foreach (var expert in Panel())
                ids.Add((await seeder.AccountAsync(expert)).Id);
            return await ActAsync<AssignExperts.Command, AssignExperts.Handler>(s,
                stamp => new AssignExperts.Command(project.Code, stamp, ids, ids[0]), (h, c, u) => h.HandleAsync(c, u));
        }

        private Task<bool> AppraiseAsync<TCommand, THandler>(DemoStepServices s, AppraisalGrade? grade, bool agrees,
            Func<string, Guid, AppraisalGrade, string, TCommand> command, Func<THandler, TCommand, ClaimsPrincipal, Task<ReviewOutcome>> handle)
            where THandler : notnull
        {
            var g = grade ?? project.Grade;
            var text = !agrees ? "成果对策建议缺乏调研数据支撑，主要结论论证不充分，未达到预期研究目标，建议不予结项。"
                : g switch
                {
                    AppraisalGrade.Excellent => "成果选题紧扣地方发展需要，调研扎实，资料翔实，论证充分，对策建议具有较强的针对性和可操作性，具有较高的决策参考价值。同意结项，建议鉴定等级为优秀。",
                    AppraisalGrade.Pass => "成果基本完成了预期研究任务，但理论分析深度不够，部分对策建议较为宽泛。同意结项，建议鉴定等级为合格。",
                    _ => "成果结构合理，观点明确，调研数据较为充分，对策建议具有一定的参考价值。同意结项，建议鉴定等级为良好。",
                };
            return ActAsync(s, stamp => command(project.Code, stamp, g, text), handle);
        }

        private Task<bool> DecideAsync(DemoStepServices s, bool approve) => ActAsync<DecideClosure.Command, DecideClosure.Handler>(s,
            stamp => new DecideClosure.Command(project.Code, stamp, approve,
                approve ? "同意结项。" : "经专家鉴定，成果未达到预期研究目标，不予结项。"),
            (h, c, u) => h.HandleAsync(c, u));

        private Task<bool> DecideExemptionAsync(DemoStepServices s, bool grant) => ActAsync<DecideExemption.Command, DecideExemption.Handler>(s,
            stamp => new DecideExemption.Command(project.Code, stamp, grant, grant ? project.Grade : null,
                grant ? "证明材料齐全，符合免于鉴定条件，同意免于鉴定。" : "所附证明材料不足以证明成果已达到免于鉴定的要求，请按程序进行专家鉴定。"),
            (h, c, u) => h.HandleAsync(c, u));

        private async Task<bool> AskExtensionAsync(DemoStepServices s)
        {
            var command = new RequestExtension.Command
            {
                NewCompletion = PlannedCompletion.AddMonths(6),
                Reason = "部分调研点位因防汛工作推迟，调研数据尚未收集完毕，申请延期六个月。",
            };
            await ValidAsync(s, command);
            var result = await s.Get<RequestExtension.Handler>().HandleAsync(project.Code, command);
            return result.Outcome == RequestExtension.Outcome.Requested || Fail(result.Message);
        }

        private async Task<bool> DecideRequestAsync(DemoStepServices s, ProjectRequestTrigger trigger, string opinion)
        {
            var request = await seeder.db.ProjectRequests.Where(r => r.Project.Code == project.Code)
                .OrderByDescending(r => r.Id).Select(r => new { r.Id, r.ConcurrencyStamp }).FirstAsync();
            var result = await s.Get<DecideRequest.Handler>().HandleAsync(
                new DecideRequest.Command(request.Id, ProjectRequestActions.Of(trigger), request.ConcurrencyStamp, opinion));
            return result.Outcome == DecideRequest.Outcome.Done || Fail(result.Message);
        }

        private async Task<bool> TerminateAsync(DemoStepServices s)
        {
            var command = new TerminateProject.Command
            {
                Ground = s.Get<IOptions<ClosureLifecycleOptions>>().Value.Termination.Grounds[0],
                Reason = $"计划完成时间（{RequestExtension.Format(PlannedCompletion)}）已过，经催告仍未提交结项申请，予以撤项。",
            };
            await ValidAsync(s, command);
            var result = await s.Get<TerminateProject.Handler>().HandleAsync(project.Code, command);
            return result.Outcome == TerminateProject.Outcome.Terminated || Fail(result.Message);
        }

        private async Task<bool> RequestTerminationAsync(DemoStepServices s)
        {
            var command = new RequestTermination.Command { Reason = "项目负责人工作调动，课题组无法继续开展研究，申请撤项。" };
            await ValidAsync(s, command);
            var result = await s.Get<RequestTermination.Handler>().HandleAsync(project.Code, command);
            return result.Outcome == RequestTermination.Outcome.Requested || Fail(result.Message);
        }
    }
}
