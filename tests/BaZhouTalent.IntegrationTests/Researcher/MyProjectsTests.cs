using System.Net;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.IntegrationTests.Researcher;

/// <summary>我的项目 is paged on the server: newest funding year first, then by 立项编号, 20 a page, with the pager.</summary>
public class MyProjectsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const int Extra = 24;

    [SkippableFact]
    public async Task A_leader_of_more_projects_than_a_page_pages_through_them_all_in_order()
    {
        var expected = await portal.WithDbAsync(async db =>
        {
            var seed = await db.FundedProjects.SingleAsync(p => p.Code == Researchers.Code);
            for (var i = 0; i < Extra; i++)
            {
                db.FundedProjects.Add(new FundedProject
                {
                    Code = $"BZ{21 + i % 4}YB9{i:00}", Title = $"我的项目分页测试之{i}", Year = 2021 + i % 4,
                    CategoryId = seed.CategoryId, UnitId = seed.UnitId, LeaderUserId = seed.LeaderUserId,
                    PlannedOutputForm = "研究报告 1 篇", PlannedCompletion = new DateOnly(2027, 1, 15),
                    OriginalLeader = new PersonDetails { Name = "杨卓" },
                });
            }
            await db.SaveChangesAsync();
            return await db.FundedProjects.Where(p => p.LeaderUserId == seed.LeaderUserId)
                .OrderByDescending(p => p.Year).ThenBy(p => p.Code).Select(p => p.Code).ToListAsync();
        });
        Assert.Equal(Extra + 1, expected.Count);

        var leader = await Researchers.SignInAsync(portal);
        var first = await leader.GetAsync("/Projects");
        var second = await leader.GetAsync("/Projects?p=2");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(expected.Take(20), Codes(first));
        Assert.Equal(expected.Skip(20), Codes(second));
        Assert.Contains($"共 {Extra + 1} 条，第 1–20 条", first.Text);
        Assert.Contains($"共 {Extra + 1} 条，第 21–{Extra + 1} 条", second.Text);
        Assert.NotNull(first.Document.QuerySelector("a.page-link[aria-label='第 2 页']"));
        // Each row still offers what the project's state allows: the seed's draft is continued, the new ones started.
        Assert.Contains("开始填写结项申请", first.Text + second.Text);
    }

    private static List<string> Codes(Browser.Page page) =>
        page.Document.QuerySelectorAll("tbody td.project-code").Select(td => td.TextContent.Trim()).ToList();
}
