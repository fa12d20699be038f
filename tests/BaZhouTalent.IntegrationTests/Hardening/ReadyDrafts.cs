using BaZhouTalent.Application.Domain;
using BaZhouTalent.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Hardening;

/// <summary>Drafts of yangzhuo's at the Bazhou party school with every section complete, ready to submit.</summary>
internal static class ReadyDrafts
{
    public static IReadOnlyList<string> Codes(int count, int first = 900) =>
        Enumerable.Range(first, count).Select(i => "BZ25YB" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

    /// <summary>Adds one per code, its content copied from the reference application.</summary>
    public static async Task AddAsync(AppDbContext db, IEnumerable<string> codes)
    {
        var reference = await db.ClosureApplications.AsNoTracking().Include(a => a.Project)
            .SingleAsync(a => a.Project.Code == ReferenceCode);
        var unit = await db.Units.SingleAsync(u => u.Name == PartySchoolBazhou);
        foreach (var code in codes)
        {
            var project = new FundedProject
            {
                Code = code,
                Title = $"测试项目{code}",
                Year = 2025,
                CategoryId = reference.Project.CategoryId,
                UnitId = unit.Id,
                PlannedOutputForm = reference.Project.PlannedOutputForm,
                PlannedCompletion = reference.Project.PlannedCompletion,
                OriginalLeader = reference.CurrentLeader.Copy(),
                OriginalParticipants = reference.CurrentParticipants.Select(p => p.Copy()).ToList(),
                LeaderUserId = reference.Project.LeaderUserId,
            };
            var application = ClosureApplication.StartFor(project, DateTimeOffset.UtcNow);
            application.FillDate = reference.FillDate;
            application.ResultTitle = reference.ResultTitle;
            application.CurrentOutputForm = reference.CurrentOutputForm;
            application.ActualCompletion = reference.ActualCompletion;
            application.ReportText = reference.ReportText;
            application.Sensitive = false;
            application.Classified = false;
            application.DeclarationConfirmed = true;
            db.FundedProjects.Add(project);
            db.ClosureApplications.Add(application);
        }
        await db.SaveChangesAsync();
    }
}
