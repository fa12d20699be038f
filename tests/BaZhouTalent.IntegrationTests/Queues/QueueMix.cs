using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.IntegrationTests.Programme;
using BaZhouTalent.IntegrationTests.Review;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaZhouTalent.IntegrationTests.Queues;

/// <summary>
/// Some hundreds of applications waiting at every review stage, on top of <see cref="ProgrammeMix"/>: in a unit of
/// 巴州区 with its own reviewer, waiting from a few hours to a month (so about half are overdue), the expert stage
/// assigned to expert.2. Written straight into the database; expectations are computed from the loaded entities.
/// </summary>
public static class QueueMix
{
    public const int Count = 240;
    public const string BulkUnit = "测试批量审核单位";
    public const string BulkReviewer = "bulk.unit";
    public const string SearchedTitle = "批量检索目标";
    public const string SearchedLeader = "司马批量";

    private static readonly ApplicationStatus[] Statuses =
    [
        ApplicationStatus.UnitReview, ApplicationStatus.CountyReview, ApplicationStatus.FederationIntake,
        ApplicationStatus.FederationReview, ApplicationStatus.ExpertReview,
    ];

    public static async Task SeedAsync(PortalFactory portal)
    {
        await ProgrammeMix.SeedAsync(portal);
        await portal.WithDbAsync(async db =>
        {
            if (await db.Units.AnyAsync(u => u.Name == BulkUnit)) return 0;
            var unit = new Unit { Name = BulkUnit, RegionId = (await db.Regions.SingleAsync(r => r.Name == "巴州区")).Id };
            db.Units.Add(unit);
            var category = await db.ProjectCategories.OrderBy(c => c.SortOrder).FirstAsync();
            var expert = await db.Users.SingleAsync(u => u.UserName == "expert.2");
            var now = DateTimeOffset.UtcNow;
            for (var i = 1; i <= Count; i++)
            {
                var status = Statuses[i % Statuses.Length];
                var entered = now - TimeSpan.FromDays(i % 30) - TimeSpan.FromMinutes(i);
                var project = new FundedProject
                {
                    Code = $"BZ24QM{i:000}",
                    Title = i % 7 == 0 ? $"{SearchedTitle}研究之{i}" : $"批量队列研究之{i}",
                    Year = 2024,
                    Category = category,
                    Unit = unit,
                    PlannedOutputForm = "研究报告 1 篇",
                    PlannedCompletion = new DateOnly(2025, 12, 31),
                    OriginalLeader = new PersonDetails { Name = i % 13 == 0 ? SearchedLeader : $"批量负责人{i:000}" },
                };
                db.FundedProjects.Add(project);
                var application = ClosureApplication.StartFor(project, entered - TimeSpan.FromDays(2));
                application.ReportText = "批量报告\n正文。";
                db.ClosureApplications.Add(application);
                var entry = db.Entry(application);
                entry.Property(a => a.Status).CurrentValue = status;
                entry.Property(a => a.SubmittedAt).CurrentValue = entered - TimeSpan.FromDays(1);
                entry.Property(a => a.StatusSince).CurrentValue = entered;
                application.History.Add(new AuditEntry { Action = "Seeded", Round = 1, ToStatus = status, At = entered, ActorName = "测试" });
                if (status == ApplicationStatus.ExpertReview)
                    application.ExpertAssignments.Add(new ExpertAssignment { Round = 1, ExpertUserId = expert.Id, IsChief = true, AssignedAt = entered, AwaitingSince = entered, SubmittedAt = entered - TimeSpan.FromDays(1) });
            }
            await db.SaveChangesAsync();
            return 0;
        });
        await ReviewKit.CreateUserAsync(portal, BulkReviewer, "批量单位审核人", Roles.UnitReviewer, BulkUnit);
        await ReviewKit.CreateUserAsync(portal, "queue.county.tongjiang", "通江县社科联", Roles.CountyFederation, regionName: "通江县");
    }

    /// <summary>Every application with what the authorization handler needs, and the time it entered its status.</summary>
    public static Task<List<(ClosureApplication Application, DateTimeOffset? Since)>> LoadAsync(PortalFactory portal) =>
        portal.WithDbAsync(async db =>
        {
            var applications = await db.ClosureApplications.AsNoTracking()
                .Include(a => a.Project).ThenInclude(p => p.Unit)
                .Include(a => a.ExpertAssignments).Include(a => a.Opinions).Include(a => a.History)
                .ToListAsync();
            return applications
                .Select(a => (a, a.StatusSince))
                .ToList();
        });

    /// <summary>The signed-in principal of <paramref name="userName"/>, as the portal builds it.</summary>
    public static Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync(PortalFactory portal, string userName) =>
        portal.WithScopeAsync(async sp =>
        {
            var signIn = sp.GetRequiredService<SignInManager<AppUser>>();
            return await signIn.CreateUserPrincipalAsync((await signIn.UserManager.FindByNameAsync(userName))!);
        });
}
