using BaZhouTalent.IntegrationTests.Review;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace BaZhouTalent.IntegrationTests.Queues;

/// <summary>The portal with every SQL command it runs written to its log (text only: parameter values stay out).</summary>
public sealed class SqlLoggingPortal : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
        }));
    }
}

/// <summary>The report lives in its own table, and no list reads it: checked on the SQL the lists really run.</summary>
public class ListQueryTests(SqlLoggingPortal portal) : IClassFixture<SqlLoggingPortal>
{
    [Fact]
    public async Task No_list_reads_the_report_table_while_the_application_page_does()
    {
        await QueueMix.SeedAsync(portal);
        var lists = new Dictionary<string, string[]>
        {
            ["admin"] = ["/", "/Review/Federation", "/Review/Federation?q=研究&sort=title", "/Admin/Users", "/Admin/Projects", "/Programme", "/Admin/Dashboard"],
            ["expert.2"] = ["/", "/Review/Expert"],
            [QueueMix.BulkReviewer] = ["/", "/Review/Unit"],
            ["skl.bazhou"] = ["/", "/Review/County", "/Programme"],
            ["yangzhuo"] = ["/", "/Projects"],
        };
        foreach (var (userName, urls) in lists)
        {
            var browser = await ReviewKit.SignInAsync(portal, userName);
            foreach (var url in urls)
            {
                var sql = await SqlOfAsync(() => browser.GetAsync(url));
                Assert.Contains("SELECT", sql);
                Assert.DoesNotContain("ApplicationReports", sql);
            }
        }

        // Not vacuous: the application page reads the report, and the capture sees it.
        var leader = await ReviewKit.SignInAsync(portal, "yangzhuo");
        Assert.Contains("ApplicationReports", await SqlOfAsync(() => leader.GetAsync("/applications/BZ25YB027")));
    }

    /// <summary>The SQL logged while <paramref name="request"/> ran.</summary>
    private async Task<string> SqlOfAsync(Func<Task<Browser.Page>> request)
    {
        var before = portal.ReadLogs().Length;
        var page = await request();
        Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
        var logs = portal.ReadLogs();
        return logs[Math.Min(before, logs.Length)..];
    }
}
