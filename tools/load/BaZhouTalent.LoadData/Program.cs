using System.Globalization;
using System.Text;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Application.Workflow;
using BaZhouTalent.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

// Fills a portal database that the portal itself has created and seeded with demo data (run the portal once on the
// file first) with a programme of many years: units with their reviewers, researchers, funded projects and closure
// applications spread over every status. Used by tools/load/run.sh; never by the portal or the tests.
//
//   dotnet run -c Release --project tools/load/BaZhouTalent.LoadData -- --database PATH [--projects 20000]

var options = LoadOptions.Parse(args);
var contextOptions = new DbContextOptionsBuilder<SqliteAppDbContext>()
    .UseSqlite($"Data Source={options.Database}", DatabaseSetup.SqliteOptions)
    .Options;

await using var db = new SqliteAppDbContext(contextOptions);
var generator = new ProgrammeGenerator(db, options.Projects);
await generator.RunAsync();

internal sealed record LoadOptions(string Database, int Projects)
{
    public static LoadOptions Parse(string[] args)
    {
        string? database = null;
        var projects = 20_000;
        for (var i = 0; i < args.Length - 1; i += 2)
        {
            switch (args[i])
            {
                case "--database": database = args[i + 1]; break;
                case "--projects": projects = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"Unknown option {args[i]}");
            }
        }
        if (database is null || !File.Exists(database))
            throw new ArgumentException("--database must name an existing portal database (start the portal on it once).");
        return new LoadOptions(database, projects);
    }
}

/// <summary>Writes the programme in batches with the change tracker cleared between them, so memory stays flat.</summary>
internal sealed class ProgrammeGenerator(SqliteAppDbContext db, int projectCount)
{
    private const int BatchSize = 1_000;
    private const int FirstYear = 2019;
    private const int LastYear = 2026;
    private const int UnitsPerRegion = 30;

    private static readonly string[] UnitKinds = ["中学", "小学", "医院", "党校分校", "教育局", "文化馆", "档案馆", "农业农村局", "乡镇人民政府", "职业技术学校"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];
    private static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "晓燕", "志强"];
    private static readonly string[] Topics = ["乡村振兴", "红色文化传承", "川陕革命老区", "巴文化保护", "基层治理", "数字经济", "生态文明建设", "文旅融合", "职业教育", "民营经济"];

    private readonly Random random = new(20261129);
    private readonly DateTimeOffset now = new(2026, 11, 29, 2, 0, 0, TimeSpan.Zero);

    public async Task RunAsync()
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var template = await db.Users.SingleAsync(u => u.UserName == "yangzhuo");
        var admin = await db.Users.SingleAsync(u => u.UserName == "admin");
        var experts = await db.Users.Where(u => u.UserName!.StartsWith("expert.")).OrderBy(u => u.UserName).ToListAsync();
        var categories = await db.ProjectCategories.OrderBy(c => c.SortOrder).ToListAsync();
        var roleIds = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id);

        var units = await AddUnitsAsync(template, roleIds[Roles.UnitReviewer]);
        Console.WriteLine($"{units.Count} units with reviewers");

        var report = ReportText();
        var serials = new Dictionary<(int Year, string Category), int>();
        var taken = (await db.FundedProjects.Select(p => p.Code).ToListAsync()).ToHashSet();
        for (var start = 0; start < projectCount; start += BatchSize)
        {
            for (var i = start; i < Math.Min(projectCount, start + BatchSize); i++)
            {
                var year = FirstYear + i % (LastYear - FirstYear + 1);
                var category = categories[i % categories.Count];
                var key = (year, category.Code);
                string code;
                do
                {
                    serials[key] = serials.GetValueOrDefault(key) + 1;
                    code = $"BZ{year % 100:00}{category.Code}{serials[key]:000}";
                }
                while (taken.Contains(code)); // the demo's own projects keep their codes
                AddProject(i, code, year, category, units[i % units.Count], template, roleIds[Roles.Researcher], admin, experts, report);
            }
            // Children were added to navigation collections with automatic detection off: detect once per batch.
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            Console.WriteLine($"{Math.Min(projectCount, start + BatchSize)} projects");
        }
    }

    private async Task<List<Unit>> AddUnitsAsync(AppUser template, string reviewerRoleId)
    {
        var regions = await db.Regions.OrderBy(r => r.SortOrder).ToListAsync();
        var units = new List<Unit>();
        foreach (var region in regions)
        {
            for (var n = 1; n <= UnitsPerRegion; n++)
            {
                var unit = new Unit { Name = $"{region.Name}第{n}{UnitKinds[n % UnitKinds.Length]}", RegionId = region.Id };
                db.Units.Add(unit);
                units.Add(unit);
            }
        }
        await db.SaveChangesAsync();
        foreach (var unit in units)
            AddUser($"load.unit.{unit.Id}", $"{unit.Name}审核人", template, reviewerRoleId, unit.Id);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return units;
    }

    private AppUser AddUser(string userName, string displayName, AppUser template, string roleId, int? unitId)
    {
        // Every generated account signs in with the demo password: the template's hash is copied, not recomputed.
        var user = new AppUser
        {
            UserName = userName,
            NormalizedUserName = userName.ToUpperInvariant(),
            DisplayName = displayName,
            PasswordHash = template.PasswordHash,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true,
            UnitId = unitId,
        };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
        return user;
    }

    private void AddProject(int index, string code, int year, ProjectCategory category, Unit unit, AppUser template,
        string researcherRoleId, AppUser admin, List<AppUser> experts, string report)
    {
        var leaderName = PersonName(index);
        var leader = AddUser($"load.r{index:00000}", leaderName, template, researcherRoleId, unit.Id);
        var project = new FundedProject
        {
            Code = code,
            Title = $"{Topics[index % Topics.Length]}背景下巴中市{UnitKinds[index % UnitKinds.Length]}发展路径研究（{index}）",
            Year = year,
            CategoryId = category.Id,
            UnitId = unit.Id,
            PlannedOutputForm = "研究报告 1 篇",
            PlannedCompletion = new DateOnly(Math.Min(year + 1, LastYear), 6 + index % 6, 30),
            OriginalLeader = new PersonDetails
            {
                Name = leaderName, Gender = index % 2 == 0 ? "男" : "女", Ethnicity = "汉族",
                BirthYear = 1965 + index % 30, BirthMonth = 1 + index % 12, Unit = unit.Name,
                AdministrativePost = "科长", ProfessionalTitle = "副教授", Address = "巴中市巴州区江北大道", Phone = $"139{index:00000000}",
            },
            OriginalParticipants = Enumerable.Range(0, 3).Select(p => new Participant
            {
                SortOrder = p + 1, Name = PersonName(index * 7 + p + 1), Unit = unit.Name, Title = "讲师", Phone = $"138{index:0000000}{p}",
            }).ToList(),
            LeaderUserId = leader.Id,
        };
        db.FundedProjects.Add(project);

        var status = StatusFor(year, index);
        if (status is null) return; // registered, closure not started (some of these are overdue)
        var started = new DateTimeOffset(year + 1, 3, 1, 0, 0, 0, TimeSpan.Zero).AddDays(index % 200);
        if (started > now) started = now.AddDays(-1 - index % 60);
        var application = ClosureApplication.StartFor(project, started);
        application.ReportText = report;
        application.ActualCompletion = DateOnly.FromDateTime(started.UtcDateTime);
        application.DeclarationConfirmed = true;
        application.Sensitive = false;
        application.Classified = false;
        db.ClosureApplications.Add(application);
        SetState(application, status.Value, started, admin, experts, year, index);
    }

    /// <summary>Older years are mostly decided; the current years are spread over the whole chain.</summary>
    private ApplicationStatus? StatusFor(int year, int index)
    {
        var roll = random.Next(100);
        if (year <= 2023)
            return roll < 80 ? ApplicationStatus.Concluded : roll < 88 ? ApplicationStatus.Rejected : roll < 95 ? null : ApplicationStatus.Draft;
        var open = new ApplicationStatus?[]
        {
            null, ApplicationStatus.Draft, ApplicationStatus.UnitReview, ApplicationStatus.CountyReview, ApplicationStatus.FederationIntake,
            ApplicationStatus.ExpertReview, ApplicationStatus.FederationReview, ApplicationStatus.Returned, ApplicationStatus.Concluded, ApplicationStatus.Rejected,
        };
        return open[(roll + index) % open.Length];
    }

    private void SetState(ClosureApplication application, ApplicationStatus status, DateTimeOffset started,
        AppUser admin, List<AppUser> experts, int year, int index)
    {
        var entry = db.Entry(application);
        entry.Property(a => a.Status).CurrentValue = status;
        if (status == ApplicationStatus.Draft) return;

        var submitted = started.AddDays(5);
        entry.Property(a => a.SubmittedAt).CurrentValue = submitted;
        // Waiting where it is since a day to two months ago (about a quarter of the open ones overdue).
        entry.Property(a => a.StatusSince).CurrentValue = status == ApplicationStatus.UnitReview ? submitted : now.AddDays(-1 - index % 60);
        application.Revisions.Add(new ApplicationRevision
        {
            Round = 1, SubmittedAt = submitted, SubmittedByUserId = application.Project.LeaderUserId!,
            Content = "{}", Fingerprint = ApplicationSnapshot.FingerprintOf(index.ToString(CultureInfo.InvariantCulture)),
        });
        application.History.Add(new AuditEntry
        {
            Round = 1, Action = nameof(ReviewTrigger.Submit), FromStatus = ApplicationStatus.Draft, ToStatus = ApplicationStatus.UnitReview,
            ActorUserId = application.Project.LeaderUserId!, ActorName = application.Project.OriginalLeader.Name, At = submitted,
        });
        if (status is ApplicationStatus.ExpertReview or ApplicationStatus.FederationReview or ApplicationStatus.Concluded or ApplicationStatus.Rejected)
        {
            for (var e = 0; e < experts.Count; e++)
            {
                application.ExpertAssignments.Add(new ExpertAssignment
                {
                    Round = 1, ExpertUserId = experts[e].Id, IsChief = e == 0, AssignedAt = submitted.AddDays(20), AssignedByUserId = admin.Id,
                });
            }
        }
        if (status is ApplicationStatus.FederationReview or ApplicationStatus.Concluded or ApplicationStatus.Rejected)
        {
            application.Opinions.Add(new ReviewOpinion
            {
                Round = 1, Stage = ReviewStage.ChiefExpert, HasProblem = false, Agrees = status != ApplicationStatus.Rejected,
                Grade = (AppraisalGrade)(index % 3), OpinionText = "同意结项。", SignerUserId = experts[0].Id, SignerName = experts[0].DisplayName,
                SignedAt = submitted.AddDays(40), VerificationCode = $"{index:00000000}CX",
            });
        }
        if (status is ApplicationStatus.Concluded or ApplicationStatus.Rejected)
        {
            // The federation's final opinion: what the certificate and /verify rest on (codes of VerificationCodes' length and alphabet).
            application.Opinions.Add(new ReviewOpinion
            {
                Round = 1, Stage = ReviewStage.Federation, HasProblem = false, Agrees = status == ApplicationStatus.Concluded,
                OpinionText = status == ApplicationStatus.Concluded ? "同意结项。" : "不予结项。", SignerUserId = admin.Id,
                SignerName = admin.DisplayName, SignedAt = submitted.AddDays(50), VerificationCode = $"{index:00000000}FX",
            });
        }
        if (status == ApplicationStatus.Concluded)
        {
            entry.Property(a => a.CertificateNumber).CurrentValue = $"巴社科结〔{year + 1}〕{index:00000}号";
            application.Project.MarkConcluded(); // the project's lifecycle mirrors its concluded closure, as the workflow does
        }
    }

    private static string PersonName(int index) =>
        Surnames[index % Surnames.Length] + GivenNames[index / Surnames.Length % GivenNames.Length];

    /// <summary>About 12,000 characters: headings and body paragraphs like a real final report.</summary>
    private static string ReportText()
    {
        var text = new StringBuilder();
        text.AppendLine("摘要：本文围绕巴中市基层实践，分析现状、问题与对策。");
        text.AppendLine("关键词：巴中；基层治理；对策");
        string[] numerals = ["一", "二", "三", "四", "五", "六"];
        foreach (var numeral in numerals)
        {
            text.AppendLine($"{numeral}、研究的主要内容");
            for (var p = 0; p < 8; p++)
                text.AppendLine(string.Concat(Enumerable.Repeat("近年来，巴中市坚持以人民为中心的发展思想，统筹推进各项工作，取得了明显成效，但仍存在一些短板。", 5)));
        }
        return text.ToString();
    }
}
