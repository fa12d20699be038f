using System.Text.RegularExpressions;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Typesetting.Reports;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Infrastructure.Data;
using BaZhouTalent.Infrastructure.Seeding;
using BaZhouTalent.IntegrationTests.Review;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Foundation;

/// <summary>A portal started in Development with <c>Seeding:DemoProgramme</c> on, on a new database, as `dotnet run` starts it.</summary>
public class DemoProgrammePortal : PortalFactory
{
    public DemoProgrammePortal() => DemoProgramme = true;
}

/// <summary>
/// The demo programme: every state of a closure application with the programme's counts, spread over three years, the
/// reference project untouched, a second start adding nothing, the same content on every new database, and the blind
/// review policy on the expert accounts' pages.
/// </summary>
public class DemoProgrammeTests(DemoProgrammePortal portal) : IClassFixture<DemoProgrammePortal>
{
    /// <summary>The programme as written in DemoProgramme.cs: 64 projects besides the reference one.</summary>
    private static readonly Dictionary<ApplicationStatus, int> Applications = new()
    {
        [ApplicationStatus.Draft] = 12, // 11 of the programme (one of a terminated project) and the reference draft
        [ApplicationStatus.UnitReview] = 4,
        [ApplicationStatus.CountyReview] = 3,
        [ApplicationStatus.FederationIntake] = 5, // one with 免于鉴定 requested and not yet decided
        [ApplicationStatus.ExpertReview] = 4,
        [ApplicationStatus.FederationReview] = 3,
        [ApplicationStatus.Returned] = 2,
        [ApplicationStatus.Deferred] = 2,
        [ApplicationStatus.Rejected] = 1,
        [ApplicationStatus.Concluded] = 20,
    };

    [Fact]
    public async Task Every_state_appears_with_the_programme_s_counts()
    {
        var statuses = await portal.WithDbAsync(db => db.ClosureApplications.GroupBy(a => a.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        Assert.Equal(Enum.GetValues<ApplicationStatus>().Order(), statuses.Keys.Order());
        Assert.Equal(Applications.OrderBy(kv => kv.Key), statuses.OrderBy(kv => kv.Key));

        var projects = await portal.WithDbAsync(db => db.FundedProjects.Include(p => p.Application).AsNoTracking().ToListAsync());
        Assert.Equal(65, projects.Count);
        // 未开始: six registered in 2026, and one whose extension request waits for the unit.
        Assert.Equal(7, projects.Count(p => p.Application is null && p.Lifecycle == ProjectLifecycleStatus.Active));
        Assert.Equal(3, projects.Count(p => p.Lifecycle == ProjectLifecycleStatus.Terminated));
        Assert.Equal(20, projects.Count(p => p.Lifecycle == ProjectLifecycleStatus.Concluded));
        Assert.Equal([2024, 2025, 2026], projects.Select(p => p.Year).Distinct().Order());
        Assert.All(projects, p => Assert.Matches(@"^BZ2[456](ZD|YB|QN|ZX|WT)\d{3}$", p.Code));
        Assert.Single(projects, p => p.Code == ReferenceCode);

        var requests = await portal.WithDbAsync(db => db.ProjectRequests.GroupBy(r => new { r.Kind, r.Status })
            .Select(g => new { g.Key.Kind, g.Key.Status, Count = g.Count() }).ToListAsync());
        Assert.Equal(3, requests.Single(r => r is { Kind: ProjectRequestKind.Extension, Status: ProjectRequestStatus.Approved }).Count);
        Assert.Equal(1, requests.Single(r => r is { Kind: ProjectRequestKind.Extension, Status: ProjectRequestStatus.Requested }).Count);
        Assert.Equal(1, requests.Single(r => r is { Kind: ProjectRequestKind.Termination, Status: ProjectRequestStatus.Approved }).Count);

        var applications = await portal.WithDbAsync(db => db.ClosureApplications.AsNoTracking()
            .Include(a => a.Opinions).Include(a => a.ExpertAssignments).Include(a => a.History).Include(a => a.Attachments).AsSplitQuery().ToListAsync());
        // 免于鉴定: granted twice (both concluded with the grade set), refused once, one waiting with its evidence.
        Assert.Equal(2, applications.Count(a => a.ExemptionDecision == ExemptionDecision.Granted && a.Status == ApplicationStatus.Concluded));
        Assert.Equal(1, applications.Count(a => a.ExemptionDecision == ExemptionDecision.Refused));
        var waiting = Assert.Single(applications, a => a.ExemptionRequested && a.ExemptionDecision is null);
        Assert.Equal(ApplicationStatus.FederationIntake, waiting.Status);
        Assert.Contains(waiting.Attachments, f => f.Kind == AttachmentKind.ExemptionEvidence);
        // 专家鉴定中 with experts assigned; 终审 with every appraisal and the chief's.
        Assert.All(applications.Where(a => a.Status == ApplicationStatus.ExpertReview), a => Assert.NotEmpty(a.ExpertAssignments));
        Assert.All(applications.Where(a => a.Status == ApplicationStatus.FederationReview),
            a => Assert.Contains(a.Opinions, o => o.Stage is ReviewStage.ChiefExpert or ReviewStage.Exemption));
        // Concluded: a certificate each, numbered per year without gaps, and a grade.
        var concluded = applications.Where(a => a.Status == ApplicationStatus.Concluded).ToList();
        Assert.Equal(concluded.Count, concluded.Select(a => a.CertificateNumber).Distinct().Count());
        Assert.Equal(15, concluded.Count(a => a.CertificateNumber!.Contains("〔2025〕", StringComparison.Ordinal)));
        Assert.Equal(5, concluded.Count(a => a.CertificateNumber!.Contains("〔2026〕", StringComparison.Ordinal)));
        Assert.All(concluded, a => Assert.Contains(a.Opinions, o => o.Grade is not null));
        // Returned and deferred with the opinion the researcher reads; a deferral with its due date.
        Assert.All(applications.Where(a => a.Status == ApplicationStatus.Returned),
            a => Assert.Contains(a.History, h => h.ToStatus == ApplicationStatus.Returned && h.Note.Length > 10));
        Assert.All(applications.Where(a => a.Status == ApplicationStatus.Deferred), a => Assert.NotNull(a.DeferredUntil));
        // Spread over the programme's years, on its clock, none after its last day.
        var moments = applications.SelectMany(a => a.History).Select(h => h.At).ToList();
        Assert.Equal(2025, moments.Min().Year);
        Assert.Equal(2026, moments.Max().Year);
        Assert.True(moments.Max() < new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.FromHours(8)), $"{moments.Max():u}");
        // The portal's own side effects: notices to the people concerned and the staff audit.
        Assert.True(await portal.WithDbAsync(db => db.Notices.CountAsync()) > 100);
        Assert.True(await portal.WithDbAsync(db => db.SecurityEvents.CountAsync(e => e.Kind == "ProjectRegistered")) >= 64);
    }

    [Fact]
    public async Task The_reference_project_stays_the_draft_the_seed_describes()
    {
        var reference = await portal.WithDbAsync(db => db.FundedProjects.AsNoTracking().Include(p => p.Application).ThenInclude(a => a!.History)
            .Include(p => p.Requests).SingleAsync(p => p.Code == ReferenceCode));

        Assert.Equal(ApplicationStatus.Draft, reference.Application!.Status);
        Assert.Null(reference.Application.SubmittedAt);
        Assert.Empty(reference.Application.History);
        Assert.Empty(reference.Requests);
        Assert.Equal(SeedReport.Paragraphs(), ReportMarkup.Parse(reference.Application.ReportText).Select(p => p.Text));
    }

    [Fact]
    public async Task Starting_again_adds_nothing()
    {
        var before = await SnapshotAsync(portal);

        await portal.WithScopeAsync(sp => sp.GetRequiredService<DatabaseInitializer>().InitializeAsync());

        Assert.Equal(before, await SnapshotAsync(portal));
    }

    [Fact]
    public async Task Every_new_database_gets_the_same_programme()
    {
        using var other = new DemoProgrammePortal { Provider = portal.Provider };
        _ = other.Services;

        Assert.Equal(await ContentAsync(portal), await ContentAsync(other));
    }

    /// <summary>Every expert of the pool with applications to appraise: their 待办, list, review pages and A4 name no one on
    /// the researcher side of what they appraise (leader, members, unit), and show the blind-review marker instead.</summary>
    [Fact]
    public async Task Expert_pages_on_demo_data_hold_to_the_blind_review_policy()
    {
        var assigned = await portal.WithDbAsync(db => db.ClosureApplications.AsNoTracking()
            .Where(a => a.Status == ApplicationStatus.ExpertReview)
            .SelectMany(a => a.ExpertAssignments.Where(e => e.Round == a.Round), (a, e) => new
            {
                Expert = db.Users.Single(u => u.Id == e.ExpertUserId).UserName!,
                a.Project.Code,
                a.Project.Title,
                Unit = a.Project.Unit.Name,
                a.CurrentLeader,
                a.CurrentParticipants,
                Original = a.Project.OriginalLeader.Name,
                OriginalParticipants = a.Project.OriginalParticipants,
            }).ToListAsync());
        Assert.True(assigned.Select(a => a.Expert).Distinct().Count() >= 3, "too few experts on demo data to try");

        foreach (var expert in assigned.GroupBy(a => a.Expert))
        {
            string[] researcherSide =
            [
                .. expert.SelectMany(a => new[] { a.CurrentLeader.Name, a.Original, a.Unit, a.CurrentLeader.Phone })
                    .Concat(expert.SelectMany(a => a.CurrentParticipants.Concat(a.OriginalParticipants)).SelectMany(p => new[] { p.Name, p.Phone })),
            ];
            var browser = await SignInAsync(portal, expert.Key);
            var outputs = new List<(string Output, string Url, string? Title)> { ("queue", "/", null), ("list", "/Review/Expert", null) };
            foreach (var application in expert)
            {
                outputs.Add(("review", $"/Review/Act/{application.Code}", application.Title));
                outputs.Add(("details", $"/applications/{application.Code}", application.Title));
                outputs.Add(("a4", $"/applications/{application.Code}/print/a4.pdf", null));
            }
            foreach (var (output, url, title) in outputs)
            {
                var text = await BlindReviewTests.FetchAsync(browser, "expert", output, url);
                foreach (var word in researcherSide.Where(w => w.Length > 0))
                    Assert.False(text.Contains(word, StringComparison.Ordinal), $"{expert.Key} sees “{word}” on {url}");
                // Not vacuous: the page is the application's, with the marker where the names were.
                if (title is not null)
                {
                    Assert.Contains(BlindReviewTests.Squeeze(title), text);
                    Assert.Contains(BlindReview.HiddenText, text);
                }
            }
        }
    }

    internal static Task<string> SnapshotAsync(PortalFactory portal) => portal.WithDbAsync(async db => string.Join("|",
        await db.Units.CountAsync(), await db.Users.CountAsync(), await db.UserRoles.CountAsync(), await db.ExpertProfiles.CountAsync(),
        await db.FundedProjects.CountAsync(), await db.ClosureApplications.CountAsync(), await db.ReviewOpinions.CountAsync(),
        await db.ProjectRequests.CountAsync(), await db.Notices.CountAsync(), await db.SecurityEvents.CountAsync(),
        string.Join(",", await db.ClosureApplications.OrderBy(a => a.Id).Select(a => a.ConcurrencyStamp).ToListAsync())));

    /// <summary>What the programme wrote, without the ids, stamps and codes each database generates anew.</summary>
    private static Task<string> ContentAsync(PortalFactory portal) => portal.WithDbAsync(async db =>
    {
        var applications = await db.ClosureApplications.AsNoTracking().Include(a => a.Project).Include(a => a.History).Include(a => a.Opinions)
            .AsSplitQuery().OrderBy(a => a.Project.Code).ToListAsync();
        var notices = await db.Notices.AsNoTracking().OrderBy(n => n.CreatedAt).ThenBy(n => n.Title).Select(n => n.CreatedAt.ToUnixTimeSeconds() + n.Title).ToListAsync();
        return string.Join("\n", applications.Select(a => string.Join("|",
                a.Project.Code, a.Status, a.CertificateNumber, a.SubmittedAt, a.ReportText.Length,
                string.Join(";", a.History.OrderBy(h => h.At).Select(h => $"{h.Action}{h.ToStatus}{h.ActorName}{h.At:O}{Regex.Replace(h.Note, "[0-9a-f]{8}-[0-9a-f-]{27}", "")}")),
                string.Join(";", a.Opinions.OrderBy(o => o.SignedAt).Select(o => $"{o.Stage}{o.SignerName}{o.SignerUnit}{o.Grade}{o.SignedAt:O}{o.OpinionText}")))))
            + "\n" + string.Join("\n", notices);
    });
}
