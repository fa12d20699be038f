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

        private DateOnly PlannedCompletion => project.Code.Contains("ZD", StringComparison.Ordinal)
            ? new DateOnly(year + 1, 12, 31) : new DateOnly(year + 1, 6, 30);

        public IReadOnlyList<Step> Steps()
        {
            day = new DateOnly(year, 3, 20).AddDays(index % 20);
            Add(Admin, "登记项目", Register);
            // The researchers write in the spring after the planned completion; the programme's year is written in a
            // band of its own so that the applications still in review are the last months' work.
            day = year switch
            {
                2024 => new DateOnly(2025, 3, 1).AddDays(index * 4),
                2025 => new DateOnly(2026, 5, 20).AddDays((index - 20) * 3),
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
                case Fate.ExtensionRequested: day = new DateOnly(2026, 6, 8); Add(project.Leader, "申请延期", AskExtensionAsync); break;
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
            var category = await seeder.db.ProjectCategories.SingleAsync(c => c.Code == ProjectCode.Parse(project.Code)!.CategoryCode);
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

        /// <summary>A report of the house outline that names neither the researcher nor the unit (experts read it).</summary>
        private string Report(bool revised)
        {
            var theme = Themes[index % Themes.Length];
            return string.Join("\n",
                project.Title,
                $"摘要：本研究围绕{project.Title.Replace("研究", "", StringComparison.Ordinal)}这一问题，综合运用文献研究、实地调研和比较分析等方法，" +
                $"梳理巴中市在{theme}方面的现状与成效，分析存在的主要问题及其成因，提出具有针对性和可操作性的对策建议。",
                "关键词：巴中；" + theme + "；对策建议",
                "一、研究背景与意义",
                $"近年来，巴中市深入贯彻新发展理念，{theme}工作取得了明显成效，但也面临基础薄弱、人才不足、资金投入有限等现实困难。" +
                "开展本项研究，对于推动地方经济社会高质量发展具有重要的理论意义和实践价值。",
                "二、现状与问题",
                $"课题组先后赴{Places[index % Places.Length]}等地开展实地调研，发放问卷{300 + index * 7}份，回收有效问卷{280 + index * 6}份，" +
                "召开座谈会多次。调研发现，当前工作中仍存在统筹协调机制不够健全、政策落实不够到位、群众参与度不高等问题。",
                "三、对策建议",
                "一是健全统筹协调机制，明确各部门职责分工；二是加大政策支持和资金投入力度；三是加强人才队伍建设；" +
                "四是创新宣传引导方式，提高群众参与的积极性和主动性。",
                revised ? $"四、补充调研（修改稿）\n根据评审意见，课题组补充了{year + 1}年度的统计数据和典型案例，对第三部分的对策建议作了进一步细化。" : "",
                "参考文献",
                "[1] 巴中市统计局.巴中统计年鉴[M].北京：中国统计出版社，2024.",
                "[2] 中共巴中市委党史研究室.川陕革命根据地历史[M].成都：四川人民出版社，2019.").Replace("\n\n", "\n", StringComparison.Ordinal);
        }

        private static readonly string[] Themes = ["红色文化传承", "乡村振兴", "文旅融合", "基层治理", "产业发展", "教育发展", "生态保护", "民生保障"];

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
