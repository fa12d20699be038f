using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Projects;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Application.Workflow;
using BaZhouTalent.Infrastructure.Data;
using BaZhouTalent.Infrastructure.Files;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace BaZhouTalent.LoadData;

/// <summary>
/// Writes the programme in batches with the change tracker cleared between them, so memory stays flat. Deterministic
/// (a fixed seed and a fixed "now"), so two databases of one size hold the same rows, and a database a tenth the size
/// holds the same kinds of rows in the same proportions.
/// </summary>
/// <remarks>
/// What the measured accounts see: every fifth project belongs to the demo unit 中共巴中市巴州区委党校 (unit.bzdx, and
/// skl.bazhou's county), the demo expert expert.1 appraises every third application that reaches the experts, and
/// admin receives every notice the federation would; so their lists are full pages at 2,000 projects as at 20,000.
/// </remarks>
internal sealed class ProgrammeGenerator(AppDbContext db, string? attachmentRoot, int projectCount, string? codesFile)
{
    private const int BatchSize = 1_000;
    public const int FirstYear = 2023;
    public const int LastYear = 2026;
    private const int UnitsPerRegion = 30;
    private const int PoolExperts = 60;
    private const string DemoUnitName = "中共巴中市巴州区委党校";

    private static readonly string[] UnitKinds = ["中学", "小学", "医院", "党校分校", "教育局", "文化馆", "档案馆", "农业农村局", "乡镇人民政府", "职业技术学校"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];
    private static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "晓燕", "志强"];
    private static readonly string[] Topics = ["乡村振兴", "红色文化传承", "川陕革命老区", "巴文化保护", "基层治理", "数字经济", "生态文明建设", "文旅融合", "职业教育", "民营经济"];
    private static readonly string[] Fields = ["党史党建", "经济学", "社会学", "法学", "教育学", "历史学", "文学", "管理学", "民族学", "新闻传播"];

    /// <summary>The one rare leader's name the load run searches for (a name no generated person has).</summary>
    public const string RareName = "欧阳卓";

    private readonly Random random = new(20261129);
    private readonly DateTimeOffset now = new(2026, 11, 29, 2, 0, 0, TimeSpan.Zero);
    private readonly LocalFileStore? folder = attachmentRoot is null ? null : new LocalFileStore(attachmentRoot, NullLogger<LocalFileStore>.Instance);
    private readonly byte[] attachmentPdf = AttachmentPdf();
    private string attachmentSha256 = "";

    private AppUser admin = null!;
    private List<AppUser> demoExperts = null!;
    private List<AppUser> poolExperts = null!;
    private List<(Unit Unit, string ReviewerId)> units = null!;
    private (Unit Unit, string ReviewerId) demoUnit;
    private string countyReviewerId = "";
    private int notices, attachments, securityEvents, requests;

    public async Task RunAsync()
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        attachmentSha256 = Convert.ToHexStringLower(SHA256.HashData(attachmentPdf));
        var template = await db.Users.SingleAsync(u => u.UserName == "yangzhuo");
        admin = await db.Users.SingleAsync(u => u.UserName == "admin");
        demoExperts = await db.Users.Where(u => u.UserName!.StartsWith("expert.")).OrderBy(u => u.UserName).ToListAsync();
        countyReviewerId = await db.Users.Where(u => u.UserName == "skl.bazhou").Select(u => u.Id).SingleAsync();
        var categories = await db.ProjectCategories.OrderBy(c => c.SortOrder).ToListAsync();
        var roleIds = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id);

        units = await AddUnitsAsync(template, roleIds[Roles.UnitReviewer]);
        var demo = await db.Units.SingleAsync(u => u.Name == DemoUnitName);
        demoUnit = (demo, await db.Users.Where(u => u.UserName == "unit.bzdx").Select(u => u.Id).SingleAsync());
        poolExperts = await AddExpertsAsync(template, roleIds[Roles.Expert]);
        Console.WriteLine($"{units.Count} units with reviewers, {poolExperts.Count} experts in the pool");

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
                var unit = i % 5 == 0 ? demoUnit : units[i % units.Count];
                await AddProjectAsync(i, code, year, category, unit, template, roleIds[Roles.Researcher], report);
            }
            // Children were added to navigation collections with automatic detection off: detect once per batch.
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            Console.WriteLine($"{Math.Min(projectCount, start + BatchSize)} projects, {notices} notices, {attachments} attachments, "
                + $"{requests} requests, {securityEvents} security records");
        }
        if (codesFile is not null) await WriteCodesAsync(codesFile);
    }

    /// <summary>Records the load run opens by address: one waiting for each measured reviewer, a concluded one, the rare name.</summary>
    private async Task WriteCodesAsync(string path)
    {
        var applications = db.ClosureApplications.AsNoTracking().OrderBy(a => a.Project.Code);
        var expertId = demoExperts[0].Id;
        var concluded = await applications.Where(a => a.Status == ApplicationStatus.Concluded && a.Project.Year == FirstYear)
            .Select(a => new { a.Project.Code, a.CertificateNumber }).FirstAsync();
        var lines = new Dictionary<string, string>
        {
            ["intake"] = await applications.Where(a => a.Status == ApplicationStatus.FederationIntake).Select(a => a.Project.Code).FirstAsync(),
            ["unit_review"] = await applications.Where(a => a.Status == ApplicationStatus.UnitReview && a.Project.UnitId == demoUnit.Unit.Id)
                .Select(a => a.Project.Code).FirstAsync(),
            ["expert_review"] = await applications.Where(a => a.Status == ApplicationStatus.ExpertReview
                    && a.ExpertAssignments.Any(e => e.ExpertUserId == expertId && e.Round == a.Round)
                    && !a.Opinions.Any(o => o.SignerUserId == expertId && o.Round == a.Round))
                .Select(a => a.Project.Code).FirstAsync(),
            ["concluded"] = concluded.Code,
            ["certificate"] = concluded.CertificateNumber!,
            ["rare_name"] = RareName,
        };
        await File.WriteAllLinesAsync(path, lines.Select(l => $"{l.Key}={l.Value}"));
    }

    private async Task<List<(Unit, string)>> AddUnitsAsync(AppUser template, string reviewerRoleId)
    {
        var regions = await db.Regions.OrderBy(r => r.SortOrder).ToListAsync();
        var added = new List<Unit>();
        foreach (var region in regions)
        {
            for (var n = 1; n <= UnitsPerRegion; n++)
            {
                var unit = new Unit { Name = $"{region.Name}第{n}{UnitKinds[n % UnitKinds.Length]}", RegionId = region.Id };
                db.Units.Add(unit);
                added.Add(unit);
            }
        }
        await db.SaveChangesAsync();
        var result = added.Select(unit => (unit, AddUser($"load.unit.{unit.Id}", $"{unit.Name}审核人", template, reviewerRoleId, unit.Id).Id)).ToList();
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return result;
    }

    private async Task<List<AppUser>> AddExpertsAsync(AppUser template, string expertRoleId)
    {
        var experts = new List<AppUser>();
        for (var n = 1; n <= PoolExperts; n++)
        {
            var expert = AddUser($"load.e{n:00}", $"专家{PersonName(n * 31)}", template, expertRoleId, null);
            expert.RealName = PersonName(n * 31);
            db.ExpertProfiles.Add(new ExpertProfile
            {
                UserId = expert.Id, WorkUnit = $"四川省第{n}高等学校", ProfessionalTitle = n % 3 == 0 ? "研究员" : "教授",
                Fields = $"{Fields[n % Fields.Length]}；{Fields[(n + 3) % Fields.Length]}", Phone = $"137{n:00000000}",
                Email = $"e{n}@example.cn", UpdatedAt = now,
            });
            experts.Add(expert);
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return experts;
    }

    private AppUser AddUser(string userName, string displayName, AppUser template, string roleId, int? unitId)
    {
        // Every generated account signs in with the demo password: the template's hash is copied, not recomputed.
        var user = new AppUser
        {
            UserName = userName,
            NormalizedUserName = userName.ToUpperInvariant(),
            DisplayName = displayName,
            RealName = displayName,
            PasswordHash = template.PasswordHash,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true,
            UnitId = unitId,
            PasswordChangedAt = now,
        };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
        return user;
    }

    private async Task AddProjectAsync(int index, string code, int year, ProjectCategory category, (Unit Unit, string ReviewerId) unit,
        AppUser template, string researcherRoleId, string report)
    {
        // One project in the register has a leader no one else shares the name of: the rare-name search.
        var leaderName = index == projectCount / 2 ? RareName : PersonName(index);
        var leader = AddUser($"load.r{index:00000}", leaderName, template, researcherRoleId, unit.Unit.Id);
        var project = new FundedProject
        {
            Code = code,
            Title = $"{Topics[index % Topics.Length]}背景下巴中市{UnitKinds[index % UnitKinds.Length]}发展路径研究（{index}）",
            Year = year,
            CategoryId = category.Id,
            UnitId = unit.Unit.Id,
            PlannedOutputForm = "研究报告 1 篇",
            PlannedCompletion = new DateOnly(Math.Min(year + 1, LastYear), 6 + index % 6, 30),
            OriginalLeader = new PersonDetails
            {
                Name = leaderName, Gender = index % 2 == 0 ? "男" : "女", Ethnicity = "汉族",
                BirthYear = 1965 + index % 30, BirthMonth = 1 + index % 12, Unit = unit.Unit.Name,
                AdministrativePost = "科长", ProfessionalTitle = "副教授", Address = "巴中市巴州区江北大道", Phone = $"139{index:00000000}",
            },
            OriginalParticipants = Enumerable.Range(0, 3).Select(p => new Participant
            {
                SortOrder = p + 1, Name = PersonName(index * 7 + p + 1), Unit = unit.Unit.Name, Title = "讲师", Phone = $"138{index:0000000}{p}",
            }).ToList(),
            LeaderUserId = leader.Id,
        };
        db.FundedProjects.Add(project);
        AddSecurityRecord(year, index, leader.UserName!, leaderName, "SignIn", $"账户 {leader.UserName}", "");

        var status = StatusFor(year, index);
        if (index % 5 == 0 || index % 7 == 0) AddRequest(project, leader, unit, index, year);
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
        await SetStateAsync(application, status.Value, started, unit, year, index, leader);
    }

    /// <summary>The year's first year is mostly decided; the later years are spread over the whole chain.</summary>
    private ApplicationStatus? StatusFor(int year, int index)
    {
        var roll = random.Next(100);
        if (year == FirstYear)
            return roll < 80 ? ApplicationStatus.Concluded : roll < 88 ? ApplicationStatus.Rejected : roll < 95 ? null : ApplicationStatus.Draft;
        var open = new ApplicationStatus?[]
        {
            null, ApplicationStatus.Draft, ApplicationStatus.UnitReview, ApplicationStatus.CountyReview, ApplicationStatus.FederationIntake,
            ApplicationStatus.ExpertReview, ApplicationStatus.FederationReview, ApplicationStatus.Returned, ApplicationStatus.Concluded, ApplicationStatus.Rejected,
        };
        return open[(roll + index) % open.Length];
    }

    /// <summary>Three experts per application; expert.1 on every third (as chief on every sixth), the rest from the pool.</summary>
    private List<AppUser> ExpertsFor(int index)
    {
        var experts = new List<AppUser>();
        if (index % 3 == 0) experts.Add(demoExperts[0]);
        for (var n = 0; experts.Count < 3; n++)
            experts.Add(poolExperts[(index + n * 17) % poolExperts.Count]);
        if (index % 6 == 3) (experts[0], experts[1]) = (experts[1], experts[0]);
        return experts;
    }

    private async Task SetStateAsync(ClosureApplication application, ApplicationStatus status, DateTimeOffset started,
        (Unit Unit, string ReviewerId) unit, int year, int index, AppUser leader)
    {
        var entry = db.Entry(application);
        entry.Property(a => a.Status).CurrentValue = status;
        if (status == ApplicationStatus.Draft) return;

        var submitted = started.AddDays(5);
        var code = application.Project.Code;
        var title = $"《{application.Project.Title}》";
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
        var open = status is ApplicationStatus.UnitReview or ApplicationStatus.CountyReview or ApplicationStatus.FederationIntake
            or ApplicationStatus.ExpertReview or ApplicationStatus.FederationReview;
        AddNotice(unit.ReviewerId, $"结项申请 {code} 待您审核", $"项目{title}的结项申请已提交，请进行单位审核。", $"/Review/Act/{code}", submitted,
            read: status != ApplicationStatus.UnitReview);
        AddSecurityRecord(year, index, leader.UserName!, leader.DisplayName, "ApplicationSubmitted", $"结项申请 {code}", "提交");
        await AddAttachmentAsync(application, AttachmentKind.Summary, "成果简介.pdf", submitted);
        if (status is ApplicationStatus.UnitReview or ApplicationStatus.Returned) return;

        if (unit.Unit.Id == demoUnit.Unit.Id)
            AddNotice(countyReviewerId, $"结项申请 {code} 待您审核", $"项目{title}的结项申请已通过单位审核，请进行县（区）社科联审核。",
                $"/Review/Act/{code}", submitted.AddDays(3), read: status != ApplicationStatus.CountyReview);
        if (status == ApplicationStatus.CountyReview) return;
        AddNotice(admin.Id, $"结项申请 {code} 待您受理", $"项目{title}的结项申请已通过单位审核，请受理并分配鉴定专家。", $"/Review/Act/{code}",
            submitted.AddDays(10), read: status != ApplicationStatus.FederationIntake || index % 2 == 0);
        if (status == ApplicationStatus.FederationIntake) return;

        var experts = ExpertsFor(index);
        for (var e = 0; e < experts.Count; e++)
        {
            application.ExpertAssignments.Add(new ExpertAssignment
            {
                Round = 1, ExpertUserId = experts[e].Id, IsChief = e == 0, AssignedAt = submitted.AddDays(20), AssignedByUserId = admin.Id,
                ClosedAt = status == ApplicationStatus.ExpertReview ? null : submitted.AddDays(40),
                AwaitingSince = status == ApplicationStatus.ExpertReview ? application.StatusSince : null,
                    SubmittedAt = status == ApplicationStatus.ExpertReview ? application.SubmittedAt : null,
            });
            AddNotice(experts[e].Id, $"结项申请 {code} 请您鉴定", $"市社科联已将项目{title}的结项成果分配给您鉴定，请在规定时限内提交鉴定意见。",
                $"/Review/Act/{code}", submitted.AddDays(20), read: !open || index % 4 == 0);
            // In 专家鉴定中 about a third of the experts have appraised; later every one has.
            if (status != ApplicationStatus.ExpertReview || (index + e) % 3 == 0)
            {
                application.Opinions.Add(new ReviewOpinion
                {
                    Round = 1, Stage = ReviewStage.Expert, HasProblem = false, Agrees = status != ApplicationStatus.Rejected,
                    Grade = (AppraisalGrade)(index % 3), OpinionText = "同意结项。", SignerUserId = experts[e].Id, SignerName = experts[e].DisplayName,
                    SignedAt = submitted.AddDays(30 + e), VerificationCode = $"{index:00000000}E{e}",
                });
            }
        }
        AddSecurityRecord(year, index, "admin", admin.DisplayName, "ExpertsAssigned", $"结项申请 {code}", "分配鉴定专家");
        if (status == ApplicationStatus.ExpertReview) return;

        application.Opinions.Add(new ReviewOpinion
        {
            Round = 1, Stage = ReviewStage.ChiefExpert, HasProblem = false, Agrees = status != ApplicationStatus.Rejected,
            Grade = (AppraisalGrade)(index % 3), OpinionText = "同意结项。", SignerUserId = experts[0].Id, SignerName = experts[0].DisplayName,
            SignedAt = submitted.AddDays(40), VerificationCode = $"{index:00000000}CX",
        });
        AddNotice(admin.Id, $"结项申请 {code} 鉴定完成，待您审核", $"项目{title}的专家鉴定已完成，请进行市社科联审核（终审）。", $"/Review/Act/{code}",
            submitted.AddDays(40), read: status != ApplicationStatus.FederationReview || index % 2 == 0);
        if (status == ApplicationStatus.FederationReview) return;

        // The federation's final opinion: what the certificate and /verify rest on.
        application.Opinions.Add(new ReviewOpinion
        {
            Round = 1, Stage = ReviewStage.Federation, HasProblem = false, Agrees = status == ApplicationStatus.Concluded,
            OpinionText = status == ApplicationStatus.Concluded ? "同意结项。" : "不予结项。", SignerUserId = admin.Id,
            SignerName = admin.DisplayName, SignedAt = submitted.AddDays(50), VerificationCode = $"{index:00000000}FX",
        });
        AddNotice(leader.Id, status == ApplicationStatus.Concluded ? $"项目 {code} 已结项" : $"项目 {code} 不予结项",
            $"您的项目{title}的结项申请已审核完毕。", $"/applications/{code}", submitted.AddDays(50), read: true);
        AddSecurityRecord(year, index, "admin", admin.DisplayName, status == ApplicationStatus.Concluded ? "ClosureApproved" : "ClosureRejected",
            $"结项申请 {code}", status.ToChinese());
        if (status == ApplicationStatus.Concluded)
        {
            var certificateYear = Math.Min(year + 1, LastYear);
            entry.Property(a => a.CertificateNumber).CurrentValue = CertificateNumbers.Format(certificateYear, index); // the portal's own form, so /verify finds it
            application.Project.MarkConcluded(); // the project's lifecycle mirrors its concluded closure, as the workflow does
            await AddAttachmentAsync(application, AttachmentKind.SimilarityReport, "查重报告.pdf", submitted);
        }
    }

    /// <summary>
    /// 延期 requests on every fifth and seventh project: the last year's are open (half waiting for the unit, half for the
    /// federation), the earlier ones approved.
    /// </summary>
    private void AddRequest(FundedProject project, AppUser leader, (Unit Unit, string ReviewerId) unit, int index, int year)
    {
        var request = new ProjectRequest
        {
            Project = project, Kind = ProjectRequestKind.Extension, RequestedByUserId = leader.Id, RequestedByName = leader.DisplayName,
            RequestedAt = now.AddDays(-1 - index % 90), Reason = "调研工作受客观因素影响，需延期完成。",
            CompletionBefore = project.PlannedCompletion, RequestedCompletion = project.PlannedCompletion.AddMonths(6),
        };
        project.Requests.Add(request);
        requests++;
        var stillOpen = year == LastYear;
        if (stillOpen && index % 2 == 0)
        {
            AddNotice(unit.ReviewerId, $"延期申请 {project.Code} 待您审核", "项目负责人申请延期，请审核。", "/Requests/Unit", request.RequestedAt, read: false);
            return; // waits for the unit
        }
        request.Apply(ProjectRequestActions.Of(ProjectRequestTrigger.UnitAgree), unit.Unit.Name + "审核人", "同意。", request.RequestedAt.AddDays(2));
        AddNotice(admin.Id, $"延期申请 {project.Code} 待您审批", "单位已同意项目负责人的延期申请，请审批。", "/Requests/Federation",
            request.RequestedAt.AddDays(2), read: !stillOpen);
        if (stillOpen) return; // waits for the federation
        request.Apply(ProjectRequestActions.Of(ProjectRequestTrigger.Approve), admin.DisplayName, "同意延期。", request.RequestedAt.AddDays(5));
    }

    private void AddNotice(string recipientUserId, string title, string body, string link, DateTimeOffset at, bool read)
    {
        db.Notices.Add(new Notice
        {
            RecipientUserId = recipientUserId, Title = title, Body = body, Link = link, CreatedAt = at, ReadAt = read ? at.AddDays(1) : null,
        });
        notices++;
    }

    /// <summary>Sign-ins, submissions and staff decisions: what the security audit holds over the years.</summary>
    private void AddSecurityRecord(int year, int index, string account, string name, string kind, string target, string detail)
    {
        db.SecurityEvents.Add(new SecurityEvent
        {
            // A placeholder key, distinct within the batch: the context's save gives every new record its place in the chain.
            Sequence = -(securityEvents + 1),
            At = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(index * 7 + securityEvents % 97),
            Kind = kind, Account = account, AccountName = name, ClientAddress = $"10.{index % 5}.{index % 250}.{securityEvents % 250}",
            Target = target, Detail = detail,
        });
        securityEvents++;
    }

    private async Task AddAttachmentAsync(ClosureApplication application, AttachmentKind kind, string fileName, DateTimeOffset at)
    {
        string key;
        if (folder is not null)
        {
            key = (await folder.SaveAsync(attachmentPdf)).Key;
        }
        else
        {
            key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            db.StoredBlobs.Add(new StoredBlob { Key = key, Content = attachmentPdf });
        }
        application.Attachments.Add(new Attachment
        {
            Kind = kind, FileName = fileName, ContentType = "application/pdf", Size = attachmentPdf.Length, Sha256 = attachmentSha256,
            StorageKey = key, BlindSafe = true, UploadedByUserId = application.Project.LeaderUserId!, UploadedAt = at, FrozenRound = 1,
        });
        attachments++;
    }

    private static string PersonName(int index) =>
        Surnames[index % Surnames.Length] + GivenNames[index / Surnames.Length % GivenNames.Length];

    /// <summary>A small PDF (one page of text), the same bytes for every attachment.</summary>
    private static byte[] AttachmentPdf()
    {
        var text = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        void Object(string body)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(text.ToString()));
            text.Append(CultureInfo.InvariantCulture, $"{offsets.Count} 0 obj\n{body}\nendobj\n");
        }
        var content = string.Concat(Enumerable.Range(0, 40).Select(i => $"BT /F1 11 Tf 72 {760 - i * 17} Td (Research summary line {i}.) Tj ET\n"));
        Object("<< /Type /Catalog /Pages 2 0 R >>");
        Object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        Object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>");
        Object($"<< /Length {content.Length} >>\nstream\n{content}endstream");
        Object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        var xref = Encoding.ASCII.GetByteCount(text.ToString());
        text.Append(CultureInfo.InvariantCulture, $"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) text.Append(CultureInfo.InvariantCulture, $"{offset:0000000000} 00000 n \n");
        text.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

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
