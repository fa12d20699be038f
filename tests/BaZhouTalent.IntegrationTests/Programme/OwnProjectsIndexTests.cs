using System.Net;
using System.Text.RegularExpressions;
using BaZhouTalent.IntegrationTests.Hardening;
using BaZhouTalent.IntegrationTests.Review;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.IntegrationTests.Programme;

/// <summary>
/// The pages of one researcher's or one unit's projects read those projects by index, not every active project
/// (the lifecycle index, which SQLite without statistics liked as well) nor the unit's every project sorted: at 20,000
/// projects the researcher's home grew 2.0× and a unit's 结项管理 2.45× over 2,000.
/// </summary>
public class OwnProjectsIndexTests(FaultyPortal portal) : IClassFixture<FaultyPortal>
{
    [Fact]
    public async Task A_researchers_home_and_projects_read_their_own_active_projects_by_leader_and_lifecycle()
    {
        await ProgrammeMix.SeedAsync(portal);
        var researcher = await ReviewKit.SignInAsync(portal, "yangzhuo");
        var from = portal.Commands.Invocations.Count;
        Assert.Equal(HttpStatusCode.OK, (await researcher.GetAsync("/")).Status);
        Assert.Equal(HttpStatusCode.OK, (await researcher.GetAsync("/Projects")).Status);

        var reads = portal.ReadersSince(from).Where(c => c.CommandText.Contains("\"f\".\"LeaderUserId\" = ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(reads);
        foreach (var read in reads)
        {
            var plan = (await portal.PlanAsync(read)).Select(s => s.Detail).ToList();
            var message = string.Join("\n", plan) + "\n" + read.CommandText;
            Assert.True(plan.Any(s => Regex.IsMatch(s, @"^SEARCH f USING (COVERING )?INDEX IX_FundedProjects_LeaderUserId_Lifecycle \(LeaderUserId=\?")), message);
            Assert.DoesNotContain(plan, s => s.Contains("IX_FundedProjects_Lifecycle ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_units_programme_reads_one_page_of_the_units_projects_in_order()
    {
        await ProgrammeMix.SeedAsync(portal);
        var unit = await ReviewKit.SignInAsync(portal, "unit.bzdx");
        var from = portal.Commands.Invocations.Count;
        Assert.Equal(HttpStatusCode.OK, (await unit.GetAsync("/Programme")).Status);

        var read = Assert.Single(portal.ReadersSince(from), c => c.CommandText.Contains("\"f\".\"UnitId\" = ", StringComparison.Ordinal)
            && c.CommandText.Contains("ORDER BY \"f\".\"Year\" DESC", StringComparison.Ordinal));
        var plan = await portal.PlanAsync(read);
        var message = string.Join("\n", plan.Select(s => s.Detail)) + "\n" + read.CommandText;
        var page = Assert.Single(plan, s => s.Detail.StartsWith("MATERIALIZE ", StringComparison.Ordinal) || s.Detail.StartsWith("CO-ROUTINE ", StringComparison.Ordinal));
        Assert.True(plan.Any(s => s.Parent == page.Id && s.Detail.StartsWith("SEARCH f USING INDEX IX_FundedProjects_UnitId_Year_Id (UnitId=?)", StringComparison.Ordinal)), message);
        Assert.False(plan.Any(s => s.Parent == page.Id && s.Detail.StartsWith("USE TEMP B-TREE", StringComparison.Ordinal)), message);
    }

    [Fact]
    public async Task A_units_programme_asks_which_of_its_twenty_rows_may_be_opened_by_their_codes_not_through_the_units_projects()
    {
        await ProgrammeMix.SeedAsync(portal);
        // The unit's account moved to a unit of the mix, whose page holds many submitted applications: with one code the
        // planner takes the code's index whichever way the query is written.
        await portal.WithDbAsync(async db =>
        {
            var unitA = await db.Units.SingleAsync(u => u.Name == ProgrammeMix.TestUnitA);
            (await db.Users.SingleAsync(u => u.UserName == "unit.bzdx")).UnitId = unitA.Id;
            return await db.SaveChangesAsync();
        });
        var unit = await ReviewKit.SignInAsync(portal, "unit.bzdx");
        var from = portal.Commands.Invocations.Count;
        var list = await unit.GetAsync("/Programme");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.True(list.Document.QuerySelectorAll("tbody a[href^='/applications/']").Length > 5);

        var read = Assert.Single(portal.ReadersSince(from), c => c.CommandText.StartsWith("SELECT \"f\".\"Code\"", StringComparison.Ordinal)
            && Regex.IsMatch(c.CommandText, "\"f\"\\.\"Code\" (IN \\(|= @codes)"));
        var plan = (await portal.PlanAsync(read)).Select(s => s.Detail).ToList();
        var message = string.Join("\n", plan) + "\n" + read.CommandText;
        Assert.True(plan[0].StartsWith("SEARCH f USING COVERING INDEX IX_FundedProjects_Code (Code=?)", StringComparison.Ordinal), message);
        Assert.DoesNotContain(plan, s => s.Contains("IX_FundedProjects_UnitId", StringComparison.Ordinal));
    }
}
