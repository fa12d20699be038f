using System.Globalization;
using BaZhouTalent.IntegrationTests.Review;
using BaZhouTalent.IntegrationTests.Support;

namespace BaZhouTalent.IntegrationTests.Queues;

/// <summary>待办's group counts are kept between requests (ListCounts), yet a change saved here is counted at once.</summary>
public class QueueCountTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_terminated_application_leaves_the_federation_counts_at_once()
    {
        await QueueMix.SeedAsync(portal);
        var admin = await ReviewKit.SignInAsync(portal, "admin");
        var before = await admin.GetAsync("/");
        var code = before.Document.QuerySelector("section.queue-group td.project-code")!.TextContent.Trim();
        Assert.Equal(Total(before), Total(await admin.GetAsync("/")));

        await Projects.TerminationTests.TerminateOkAsync(admin, code);

        var after = await admin.GetAsync("/");
        Assert.Equal(Total(before) - 1, Total(after));
        Assert.DoesNotContain(code, after.Document.QuerySelectorAll("td.project-code").Select(td => td.TextContent.Trim()));
    }

    /// <summary>The sum of the home page's group counts (“（N 项）”).</summary>
    private static int Total(Browser.Page home) => home.Document.QuerySelectorAll("section.queue-group .queue-count")
        .Sum(count => int.Parse(count.TextContent.Trim('（', '）', ' ', '项'), CultureInfo.InvariantCulture));
}
