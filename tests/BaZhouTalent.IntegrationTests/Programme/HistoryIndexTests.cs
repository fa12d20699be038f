using System.Net;
using System.Text.RegularExpressions;
using BaZhouTalent.Application.Certificates;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.IntegrationTests.Hardening;
using BaZhouTalent.IntegrationTests.Review;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.IntegrationTests.Programme;

/// <summary>
/// Pages that show twenty rows read twenty rows, not the history (issue 25, item 3): 结项公示 along the (status,
/// certificate number) index with its count kept, 站内通知 counting the unread once per request.
/// </summary>
public class HistoryIndexTests(FaultyPortal portal) : IClassFixture<FaultyPortal>
{
    [Fact]
    public async Task A_certificate_years_page_reads_a_range_of_the_certificate_index_in_its_order()
    {
        await ProgrammeMix.SeedAsync(portal);
        var plan = await portal.WithDbAsync(async db =>
        {
            var certified = db.ClosureApplications.Where(a => a.Status == ApplicationStatus.Concluded && a.CertificateNumber != null);
            var page = ListAnnouncement.InYear(certified, 2024).OrderBy(a => a.CertificateNumber).ThenBy(a => a.Id).Take(20).Select(a => a.Id);
            await db.Database.OpenConnectionAsync();
            await using var command = page.CreateDbCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
            var steps = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) steps.Add(reader.GetString(3));
            return steps;
        });
        Assert.Contains(plan, s => s.Contains("INDEX IX_ClosureApplications_Status_CertificateNumber (Status=? AND CertificateNumber>? AND CertificateNumber<?)",
            StringComparison.Ordinal));
        Assert.DoesNotContain(plan, s => s.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_experts_queue_and_list_start_from_the_experts_open_assignments_not_from_every_application_with_the_experts()
    {
        await ProgrammeMix.SeedAsync(portal);
        var expert = await ReviewKit.SignInAsync(portal, "expert.1");
        var from = portal.Commands.Invocations.Count;
        var home = await expert.GetAsync("/");
        var list = await expert.GetAsync("/Review/Expert");
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.NotEmpty(list.Document.QuerySelectorAll("tbody tr a[href^='/Review/Act/']")); // the mix's 专家鉴定中 are listed

        // SQLite's plan of every statement that reads the applications with the expert's assignments, outermost loop
        // first: the expert's open assignments by the (ExpertUserId, ClosedAt) index, then each application by key.
        // Starting from the applications' status index (the query it replaced) walks everything with the experts.
        var reads = portal.ReadersSince(from)
            .Where(c => c.CommandText.Contains("FROM \"ExpertAssignments\" AS \"e\"", StringComparison.Ordinal)
                && c.CommandText.Contains("\"ClosureApplications\"", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(reads);
        var waitingOrder = 0;
        var submissionOrder = 0;
        foreach (var read in reads)
        {
            var plan = (await portal.PlanAsync(read)).Select(s => s.Detail).ToList();
            // A page read as a subquery is scanned once made (20 rows at most): only the tables must be searched.
            var pages = plan.Where(s => s.StartsWith("CO-ROUTINE ", StringComparison.Ordinal) || s.StartsWith("MATERIALIZE ", StringComparison.Ordinal))
                .Select(s => "SCAN " + s[(s.IndexOf(' ') + 1)..]).ToHashSet();
            var loops = plan.Where(s => (s.StartsWith("SCAN", StringComparison.Ordinal) && !pages.Contains(s)) || s.StartsWith("SEARCH", StringComparison.Ordinal)).ToList();
            Assert.True(Regex.IsMatch(loops[0], @"^SEARCH e USING COVERING INDEX IX_ExpertAssignments_ExpertUserId_ClosedAt_\w+ \(ExpertUserId=\? AND ClosedAt=\?( AND \w+[<>]=?\?)?\)"),
                string.Join("\n", plan) + "\n" + read.CommandText);
            Assert.True(loops.All(step => step.StartsWith("SEARCH", StringComparison.Ordinal)), string.Join("\n", plan) + "\n" + read.CommandText);
            Assert.DoesNotContain(loops, step => step.Contains("IX_ClosureApplications_Status", StringComparison.Ordinal));
            // The 待办's page of appraisals to do is read in waiting order: only ties are sorted, not every open appraisal.
            if (read.CommandText.Contains("\"AwaitingSince\" AS \"Since\"", StringComparison.Ordinal))
            {
                Assert.StartsWith("SEARCH e USING COVERING INDEX IX_ExpertAssignments_ExpertUserId_ClosedAt_AwaitingSince_", loops[0], StringComparison.Ordinal);
                // Nothing sorted, ties neither: they are broken by the application, the next column of that index.
                Assert.DoesNotContain(plan, s => s.Contains("TEMP B-TREE", StringComparison.Ordinal));
                // Overdue or still in time is a range of that index (before or from the cutoff), not a test of every
                // open appraisal the expert has on the way to the page.
                Assert.Matches(@"\(ExpertUserId=\? AND ClosedAt=\? AND AwaitingSince[<>]=?\?\)", loops[0]);
                // The join is the expert's relation: no second test of "assigned to me" (PostgreSQL hashed it over every
                // assignment the expert ever had).
                Assert.Single(Regex.Matches(read.CommandText, "FROM \"ExpertAssignments\""));
                waitingOrder++;
            }
            // The list's page by submission (its default order) likewise: along the index that carries the time.
            if (read.CommandText.Contains("ORDER BY \"e\".\"SubmittedAt\"", StringComparison.Ordinal))
            {
                Assert.StartsWith("SEARCH e USING COVERING INDEX IX_ExpertAssignments_ExpertUserId_ClosedAt_SubmittedAt_", loops[0], StringComparison.Ordinal);
                Assert.DoesNotContain(plan, s => s.StartsWith("USE TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal));
                submissionOrder++;
            }
        }
        Assert.True(waitingOrder > 0, "no statement of the 待办 read the expert's appraisals in waiting order");
        Assert.True(submissionOrder > 0, "no statement of the list read the expert's appraisals in submission order");
    }

    [Fact]
    public async Task An_open_assignment_without_its_waiting_time_is_refused_by_the_database()
    {
        // The 待办 reads an expert's appraisals as ranges of that time: one without it would be in no group at all.
        await ProgrammeMix.SeedAsync(portal);
        var expert2 = await ReviewKit.UserIdAsync(portal, "expert.2");
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => AssignOneMoreAsync(expert2, awaitingSince: null));
        Assert.Contains("CK_ExpertAssignments_OpenHasTime", error.InnerException?.Message, StringComparison.Ordinal);
    }

    /// <summary>Assigns the expert, straight in the database, to one more application with the experts.</summary>
    private Task<int> AssignOneMoreAsync(string expertId, DateTimeOffset? awaitingSince) => portal.WithDbAsync(async db =>
    {
        var open = await db.ClosureApplications.Where(a => a.Status == ApplicationStatus.ExpertReview
                && !a.ExpertAssignments.Any(e => e.Round == a.Round && e.ExpertUserId == expertId))
            .Select(a => new { a.Id, a.Round }).FirstAsync();
        db.ExpertAssignments.Add(new ExpertAssignment
        {
            ApplicationId = open.Id, Round = open.Round, ExpertUserId = expertId, AssignedAt = DateTimeOffset.UtcNow, AwaitingSince = awaitingSince,
        });
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task The_federations_review_list_reads_each_stage_along_its_index_instead_of_sorting_both_stages()
    {
        await ProgrammeMix.SeedAsync(portal);
        var admin = await ReviewKit.SignInAsync(portal, "admin");
        foreach (var path in new[] { "/Review/Federation", "/Review/Federation?sort=title&p=2" })
        {
            var from = portal.Commands.Invocations.Count;
            var page = await admin.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            var reads = portal.ReadersSince(from).Where(c => c.CommandText.Contains("ORDER BY", StringComparison.Ordinal)
                && c.CommandText.Contains("FROM \"ClosureApplications\"", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(reads);
            foreach (var read in reads)
            {
                // Every sort in the plan sorts what was already read in pages (a subquery's rows, or rows found by key
                // beside it): none sorts the applications as they come out of the stage's index.
                var plan = await portal.PlanAsync(read);
                var pages = plan.Where(s => s.Detail.StartsWith("CO-ROUTINE ", StringComparison.Ordinal) || s.Detail.StartsWith("MATERIALIZE ", StringComparison.Ordinal))
                    .Select(s => "SCAN " + s.Detail[(s.Detail.IndexOf(' ') + 1)..]).ToHashSet();
                var message = string.Join("\n", plan.Select(s => s.Detail)) + "\n" + read.CommandText;
                foreach (var sort in plan.Where(s => s.Detail == "USE TEMP B-TREE FOR ORDER BY"))
                {
                    var loops = plan.Where(s => s.Parent == sort.Parent && (s.Detail.StartsWith("SCAN", StringComparison.Ordinal) || s.Detail.StartsWith("SEARCH", StringComparison.Ordinal)));
                    Assert.True(loops.All(s => pages.Contains(s.Detail) || s.Detail.Contains("USING INTEGER PRIMARY KEY", StringComparison.Ordinal)), message);
                }
                Assert.Contains(plan, s => Regex.IsMatch(s.Detail, @"^SEARCH c\d* USING (COVERING )?INDEX IX_ClosureApplications_Status_\w+ \(Status=\?\)$"));
            }
        }
    }

    [Fact]
    public async Task The_announcement_offers_exactly_the_years_with_certificates_and_lists_each_years_certificates()
    {
        await ProgrammeMix.SeedAsync(portal);
        var admin = await ReviewKit.SignInAsync(portal, "admin");
        var numbers = await portal.WithDbAsync(db => db.ClosureApplications
            .Where(a => a.Status == ApplicationStatus.Concluded && a.CertificateNumber != null).Select(a => a.CertificateNumber!).ToListAsync());
        var years = numbers.Select(n => int.Parse(n.AsSpan(5, 4), System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();
        Assert.True(years.Count > 1);

        var page = await admin.GetAsync("/Admin/Announcements");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var offered = page.Document.QuerySelectorAll("select[name=year] option").Select(o => int.Parse(o.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var thisYear = DateTime.UtcNow.AddHours(8).Year;
        Assert.Equal(years.Append(thisYear).Distinct().OrderDescending(), offered);
        foreach (var year in years)
        {
            var listed = (await admin.GetAsync($"/Admin/Announcements?year={year}")).Document.QuerySelectorAll("tbody tr td:first-child")
                .Select(td => td.TextContent.Trim()).ToList();
            Assert.Equal(numbers.Where(n => n.Contains($"〔{year}〕", StringComparison.Ordinal)).Order(StringComparer.Ordinal), listed);
        }
    }

    [Fact]
    public async Task The_federations_waiting_requests_are_paged_along_their_status_index_and_counted_once_per_change()
    {
        await ProgrammeMix.SeedAsync(portal);
        static bool IsCount(string c) => c.Contains("COUNT(*)", StringComparison.Ordinal) && c.Contains("FROM \"ProjectRequests\"", StringComparison.Ordinal);
        var first = portal.Commands.Invocations.Count;
        var admin = await ReviewKit.SignInAsync(portal, "admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Requests/Federation")).Status);
        Assert.Contains(portal.CommandsSince(first), IsCount); // signing in is a change: counted afresh
        var second = portal.Commands.Invocations.Count;
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Requests/Federation?p=2")).Status);
        Assert.DoesNotContain(portal.CommandsSince(second), IsCount); // kept while nothing changed

        // The page: the requests of the waiting status read in request order from the index, not all of them sorted.
        var page = portal.ReadersSince(second).Single(c => c.CommandText.Contains("FROM \"ProjectRequests\"", StringComparison.Ordinal)
            && c.CommandText.Contains("ORDER BY", StringComparison.Ordinal));
        var plan = (await portal.PlanAsync(page)).Select(s => s.Detail).ToList();
        var message = string.Join("\n", plan) + "\n" + page.CommandText;
        Assert.True(plan.Any(s => Regex.IsMatch(s, @"^SEARCH p\d* USING INDEX IX_ProjectRequests_Status_RequestedAt_Id \(Status=\?\)$")), message);
        Assert.DoesNotContain(plan, s => s.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_expert_pool_finds_its_experts_by_the_role_index_not_by_testing_every_accounts_role()
    {
        var admin = await ReviewKit.SignInAsync(portal, "admin");
        var from = portal.Commands.Invocations.Count;
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Admin/Experts")).Status);

        // Every researcher has an account and a role: reading each link to test its role grew with the projects.
        var read = Assert.Single(portal.ReadersSince(from), c => c.CommandText.Contains("FROM \"AspNetUserRoles\"", StringComparison.Ordinal)
            && c.CommandText.Contains("'Expert'", StringComparison.Ordinal));
        var plan = (await portal.PlanAsync(read)).Select(s => s.Detail).ToList();
        Assert.True(plan.Any(s => Regex.IsMatch(s, @"^SEARCH \w+ USING (COVERING )?INDEX IX_AspNetUserRoles_RoleId \(RoleId=\?\)$")),
            string.Join("\n", plan) + "\n" + read.CommandText);
    }

    [Fact]
    public async Task The_expert_pools_open_load_is_counted_once_per_change_and_shows_an_assignment_at_once()
    {
        await ProgrammeMix.SeedAsync(portal);
        var admin = await ReviewKit.SignInAsync(portal, "admin");

        async Task<(int Reads, Dictionary<string, string> Load)> ViewAsync()
        {
            var from = portal.Commands.Invocations.Count;
            var page = await admin.GetAsync("/Admin/Experts");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            var reads = portal.CommandsSince(from).Count(c => c.Contains("FROM \"ExpertAssignments\"", StringComparison.Ordinal)
                || c.Contains("JOIN \"ExpertAssignments\"", StringComparison.Ordinal));
            var load = page.Document.QuerySelectorAll("tbody tr[data-expert]")
                .ToDictionary(r => r.GetAttribute("data-expert")!, r => r.QuerySelector("td[data-label=在审任务]")!.TextContent.Trim());
            return (reads, load);
        }

        var first = await ViewAsync();
        var again = await ViewAsync();
        Assert.Equal(1, first.Reads);   // the open load counted …
        Assert.Equal(0, again.Reads);   // … once, while nothing changed
        Assert.Equal(first.Load, again.Load);
        Assert.NotEqual("0", first.Load["expert.1"]); // the mix's 专家鉴定中 applications are expert.1's

        // expert.2 is given one more application with the experts: the next view shows it.
        var expert2 = await ReviewKit.UserIdAsync(portal, "expert.2");
        await AssignOneMoreAsync(expert2, awaitingSince: DateTimeOffset.UtcNow);
        var after = await ViewAsync();
        Assert.Equal(1, after.Reads);
        Assert.Equal(int.Parse(first.Load["expert.2"], System.Globalization.CultureInfo.InvariantCulture) + 1,
            int.Parse(after.Load["expert.2"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_security_logs_count_is_kept_until_the_next_change_and_a_recorded_event_is_counted_at_once()
    {
        var admin = await ReviewKit.SignInAsync(portal, "admin");

        async Task<(int Counts, string Total)> ViewAsync(string path)
        {
            var from = portal.Commands.Invocations.Count;
            var page = await admin.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            var counts = portal.CommandsSince(from).Count(c => c.Contains("COUNT(*)", StringComparison.Ordinal) && c.Contains("FROM \"SecurityEvents\"", StringComparison.Ordinal));
            return (counts, Regex.Match(page.Text, @"共\s*(\d+)\s*条").Groups[1].Value);
        }

        var first = await ViewAsync("/Admin/Audit");
        var again = await ViewAsync("/Admin/Audit?p=2");
        Assert.Equal(1, first.Counts);               // the whole log counted once …
        Assert.Equal((0, first.Total), again);       // … and not again for the next page while nothing changed
        Assert.NotEqual("", first.Total);

        // A sign-in is recorded (a change): the next view counts afresh and lists one more.
        await ReviewKit.SignInAsync(portal, "unit.bzdx");
        var after = await ViewAsync("/Admin/Audit");
        Assert.Equal(1, after.Counts);
        Assert.Equal(int.Parse(first.Total, System.Globalization.CultureInfo.InvariantCulture) + 1, int.Parse(after.Total, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_notice_page_counts_the_unread_once_per_request_and_keeps_the_count_of_all()
    {
        var researcher = await ReviewKit.SignInAsync(portal, "yangzhuo");
        var userId = await ReviewKit.UserIdAsync(portal, "yangzhuo");
        await portal.WithDbAsync(db =>
        {
            for (var i = 0; i < 30; i++)
                db.Notices.Add(new Notice { RecipientUserId = userId, Title = $"通知{i}", CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-i), ReadAt = i % 3 == 0 ? DateTimeOffset.UtcNow : null });
            return db.SaveChangesAsync();
        });

        async Task<int> CountsOnAsync(string path)
        {
            var from = portal.Commands.Invocations.Count;
            Assert.Equal(HttpStatusCode.OK, (await researcher.GetAsync(path)).Status);
            return portal.CommandsSince(from).Count(c => c.Contains("COUNT(*)", StringComparison.Ordinal) && c.Contains("FROM \"Notices\"", StringComparison.Ordinal));
        }

        Assert.Equal(2, await CountsOnAsync("/Notices"));          // the unread (page and header together) and all of them
        Assert.Equal(0, await CountsOnAsync("/Notices?p=2"));      // both kept until the next saved change
        Assert.Equal(0, await CountsOnAsync("/Notices?unread=true")); // the unread are the list's total too
        Assert.Equal(0, await CountsOnAsync("/"));                  // the header's badge on any page

        // Reading one is a change: the badge and the list count afresh, one fewer.
        var unread = await researcher.GetAsync("/Notices?unread=true");
        var before = int.Parse(Regex.Match(unread.Text, @"未读（(\d+)）").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await researcher.SubmitAsync(unread, new Dictionary<string, string>(), "li.notice-unread form[action*='handler=Read']")).Status);
        Assert.Equal(1, await CountsOnAsync("/Notices?unread=true"));
        var after = await researcher.GetAsync("/Notices?unread=true");
        Assert.Equal(before - 1, int.Parse(Regex.Match(after.Text, @"未读（(\d+)）").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_unread_notices_are_read_newest_first_along_the_recipients_unread_not_through_the_read_ones()
    {
        var researcher = await ReviewKit.SignInAsync(portal, "yangzhuo");
        var from = portal.Commands.Invocations.Count;
        Assert.Equal(HttpStatusCode.OK, (await researcher.GetAsync("/Notices?unread=true")).Status);

        var page = Assert.Single(portal.ReadersSince(from), c => c.CommandText.Contains("FROM \"Notices\"", StringComparison.Ordinal)
            && c.CommandText.Contains("ORDER BY", StringComparison.Ordinal));
        var plan = (await portal.PlanAsync(page)).Select(s => s.Detail).ToList();
        var message = string.Join("\n", plan) + "\n" + page.CommandText;
        // The partial index holds the unread alone, in the page's order: no read notice is visited, nothing is sorted.
        Assert.True(plan.Any(s => s.StartsWith("SEARCH n USING INDEX IX_Notices_Unread (RecipientUserId=?)", StringComparison.Ordinal)), message);
        Assert.False(plan.Contains("USE TEMP B-TREE FOR ORDER BY"), message);
    }

    [Theory]
    [InlineData("unit.bzdx", "/Review/Unit", "UnitId")]
    [InlineData("skl.bazhou", "/Review/County", "RegionId")]
    public async Task A_units_or_countys_queue_carries_its_scope_in_the_statement_so_each_gets_a_plan_of_its_own(string user, string path, string column)
    {
        var reviewer = await ReviewKit.SignInAsync(portal, user);
        var scope = await portal.WithDbAsync(db => db.Users.Where(u => u.UserName == user)
            .Select(u => column == "UnitId" ? u.UnitId : u.RegionId).SingleAsync());
        var from = portal.Commands.Invocations.Count;
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync(path)).Status);

        // The queue's page (the statement that orders the applications) names the reviewer's own unit or county as a
        // constant: PostgreSQL's generic plan for an average unit read all of a large unit's projects (see Visibility.Bind).
        var page = Assert.Single(portal.ReadersSince(from), c => c.CommandText.Contains("FROM \"ClosureApplications\"", StringComparison.Ordinal)
            && c.CommandText.Contains("ORDER BY", StringComparison.Ordinal));
        Assert.Matches($"\"{column}\" = {scope}\\b", page.CommandText);
        Assert.DoesNotContain(page.Parameters.Cast<System.Data.Common.DbParameter>(), p => p.ParameterName.Contains(column, StringComparison.Ordinal));
    }
}
