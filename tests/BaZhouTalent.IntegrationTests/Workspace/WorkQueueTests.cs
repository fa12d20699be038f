using BaZhouTalent.Application.Queue;
using BaZhouTalent.IntegrationTests.Review;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BaZhouTalent.IntegrationTests.Workspace;

/// <summary>The portal on a clock the test moves, so that waiting times and overdue items can be produced honestly.</summary>
public class ClockedPortal : PortalFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>待办事项: every row links to where the user acts; the city federation's queue keeps intake, review and overdue apart.</summary>
public class WorkQueueTests(ClockedPortal portal) : IClassFixture<ClockedPortal>
{
    [SkippableFact]
    public async Task Federation_queue_separates_overdue_intake_and_review_and_says_how_long_each_waited()
    {
        await ReviewKit.RegisterProjectAsync(portal, "BZ25YB901", ReviewKit.PartySchoolBazhou);
        await ReviewKit.SubmitAsync(portal, "BZ25YB901");
        await ReviewKit.ToIntakeAsync(portal, "BZ25YB901");

        portal.Clock.Advance(TimeSpan.FromDays(16));
        await ReviewKit.RegisterProjectAsync(portal, "BZ25YB902", ReviewKit.PartySchoolBazhou);
        await ReviewKit.SubmitAsync(portal, "BZ25YB902");
        await ReviewKit.ToIntakeAsync(portal, "BZ25YB902");
        portal.Clock.Advance(TimeSpan.FromHours(3));

        var home = await (await ReviewKit.SignInAsync(portal, "admin")).GetAsync("/");
        var groups = home.Document.QuerySelectorAll("section.queue-group")
            .ToDictionary(g => g.QuerySelector("h2")!.ChildNodes[0].TextContent.Trim(), g => g);

        var overdue = groups[GetWorkQueue.OverdueGroup];
        Assert.Contains("BZ25YB901", overdue.TextContent);
        Assert.DoesNotContain("BZ25YB902", overdue.TextContent);
        Assert.Contains("16 天", overdue.TextContent);

        var intake = groups["受理（分配鉴定专家）"].QuerySelector("tr.queue-row:has(td.project-code)")!;
        Assert.Contains("BZ25YB902", intake.TextContent);
        Assert.Contains("3 小时", intake.TextContent);
        var link = intake.QuerySelector("a.queue-link")!;
        Assert.Equal("受理并分配鉴定专家", link.TextContent.Trim());
        Assert.Equal("/Review/Act/BZ25YB902", link.GetAttribute("href"));
    }

    [SkippableFact]
    public async Task A_returned_application_says_what_to_fix_and_links_to_the_reason()
    {
        await ReviewKit.RegisterProjectAsync(portal, "BZ25YB903", ReviewKit.PartySchoolBazhou);
        await ReviewKit.SubmitAsync(portal, "BZ25YB903");
        await ReviewKit.ActOkAsync(await ReviewKit.SignInAsync(portal, "unit.bzdx"), "BZ25YB903", "return",
            new Dictionary<string, string> { ["Input.Reason"] = "请补充成果的发表证明。" });

        var home = await (await ReviewKit.SignInAsync(portal, "yangzhuo")).GetAsync("/");
        var row = home.Document.QuerySelectorAll("tr.queue-row").Single(r => r.TextContent.Contains("BZ25YB903"));
        Assert.Contains("退回理由：请补充成果的发表证明。", row.TextContent);
        Assert.Equal("/applications/BZ25YB903#return-reason", row.QuerySelector("a.queue-link")!.GetAttribute("href"));
    }
}
