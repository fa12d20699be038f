using BaZhouTalent.Application.Domain;
using BaZhouTalent.Infrastructure.Data;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.IntegrationTests.Programme;

/// <summary>
/// A programme of several years written straight into the portal's database: projects in three regions, every
/// category, every status (and none), graded appraisals, overdue ones — the mix the list and dashboard tests read.
/// Expected answers are computed from the loaded entities in memory, independently of the SQL the portal runs.
/// </summary>
public static class ProgrammeMix
{
    public const int ProjectCount = 63;
    public const string TestUnitA = "测试巴州区第一中学";
    public const string TestUnitB = "测试通江县人民医院";
    public const string TestUnitCity = "测试市档案馆";

    private static readonly ApplicationStatus?[] Statuses = [null, .. Enum.GetValues<ApplicationStatus>()];

    public static async Task SeedAsync(PortalFactory portal) => await portal.WithDbAsync(async db =>
    {
        if (await db.Units.AnyAsync(u => u.Name == TestUnitA)) return 0;
        var regions = await db.Regions.ToDictionaryAsync(r => r.Name);
        var units = new[]
        {
            new Unit { Name = TestUnitA, RegionId = regions["巴州区"].Id },
            new Unit { Name = TestUnitB, RegionId = regions["通江县"].Id },
            new Unit { Name = TestUnitCity, RegionId = regions["市本级"].Id },
        };
        db.Units.AddRange(units);
        var categories = await db.ProjectCategories.OrderBy(c => c.SortOrder).ToListAsync();
        var chiefExpert = await db.Users.SingleAsync(u => u.UserName == "expert.1");
        var serials = new Dictionary<string, int>();
        for (var i = 0; i < ProjectCount; i++)
        {
            var year = 2022 + i % 5;
            var category = categories[i % categories.Count];
            var prefix = $"BZ{year % 100}{category.Code}";
            serials[prefix] = serials.GetValueOrDefault(prefix) + 1;
            var unit = units[i % units.Length];
            var project = new FundedProject
            {
                Code = $"{prefix}{800 + serials[prefix]:000}",
                Title = i % 7 == 0 ? $"红色文化传承研究之{i}" : $"乡村振兴路径研究之{i}",
                Year = year,
                Category = category,
                Unit = unit,
                PlannedOutputForm = "研究报告 1 篇",
                PlannedCompletion = new DateOnly(year + 1, 1 + i % 12, 15),
                OriginalLeader = new PersonDetails { Name = i % 9 == 0 ? "欧阳清" : $"负责人{i:00}" },
            };
            db.FundedProjects.Add(project);
            if (Statuses[i % Statuses.Length] is not { } status) continue;
            var application = ClosureApplication.StartFor(project, new DateTimeOffset(year + 1, 2, 1, 0, 0, 0, TimeSpan.Zero));
            db.ClosureApplications.Add(application);
            var entry = db.Entry(application);
            entry.Property(a => a.Status).CurrentValue = status;
            // A withdrawn application is a draft that was submitted once; the others were never sent or are on their way.
            if (status != ApplicationStatus.Draft || i % 2 == 0)
            {
                entry.Property(a => a.SubmittedAt).CurrentValue = new DateTimeOffset(year + 1, 3, 1 + i % 27, 0, 0, 0, TimeSpan.Zero);
                // In its status since then, as the workflow stamps every step (a reviewer's item always has its time).
                entry.Property(a => a.StatusSince).CurrentValue = application.SubmittedAt;
            }
            if (status is ApplicationStatus.FederationReview or ApplicationStatus.Concluded or ApplicationStatus.Rejected)
            {
                application.Opinions.Add(new ReviewOpinion
                {
                    Round = 1, Stage = ReviewStage.ChiefExpert, Grade = (AppraisalGrade)(i % 3), Agrees = true, HasProblem = false,
                    SignerUserId = chiefExpert.Id, SignerName = chiefExpert.DisplayName, SignedAt = new DateTimeOffset(year + 1, 5, 1, 0, 0, 0, TimeSpan.Zero),
                    VerificationCode = $"MIX{i:000}",
                });
            }
            if (status is ApplicationStatus.ExpertReview or ApplicationStatus.FederationReview or ApplicationStatus.Concluded or ApplicationStatus.Rejected)
            {
                application.ExpertAssignments.Add(new ExpertAssignment
                {
                    Round = 1, ExpertUserId = chiefExpert.Id, IsChief = true, AssignedAt = new DateTimeOffset(year + 1, 4, 1, 0, 0, 0, TimeSpan.Zero),
                    ClosedAt = status == ApplicationStatus.ExpertReview ? null : new DateTimeOffset(year + 1, 5, 1, 0, 0, 0, TimeSpan.Zero),
                    AwaitingSince = status == ApplicationStatus.ExpertReview ? application.StatusSince : null,
                    SubmittedAt = status == ApplicationStatus.ExpertReview ? application.SubmittedAt : null,
                });
            }
            if (status == ApplicationStatus.Concluded)
                entry.Property(a => a.CertificateNumber).CurrentValue = $"巴社科结〔{year + 1}〕{800 + i}号";
        }
        await db.SaveChangesAsync();
        return 0;
    });

    /// <summary>Every project with what the expectations need, loaded as entities.</summary>
    public static Task<List<FundedProject>> LoadAllAsync(PortalFactory portal) => portal.WithDbAsync(db =>
        db.FundedProjects.AsNoTracking()
            .Include(p => p.Category).Include(p => p.Unit).ThenInclude(u => u.Region)
            .Include(p => p.Application).ThenInclude(a => a!.Opinions)
            .ToListAsync());

    public static AppraisalGrade? GradeOf(FundedProject p) => p.Application?.Opinions
        .Where(o => o.Round == p.Application.Round && o.Stage == ReviewStage.ChiefExpert).Select(o => o.Grade).FirstOrDefault();

    public static bool IsOverdue(FundedProject p, DateOnly today) =>
        p.PlannedCompletion < today && (p.Application is null || p.Application.SubmittedAt is null);
}
