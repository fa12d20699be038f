using System.Net;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace BaZhouTalent.IntegrationTests.Foundation;

public class HealthAndErrorPagesTests(HealthAndErrorPagesTests.FailingPortal portal) : IClassFixture<HealthAndErrorPagesTests.FailingPortal>
{
    /// <summary>The portal with one extra endpoint that fails, to see the error page a real fault produces.</summary>
    public sealed class FailingPortal : PortalFactory
    {
        public const string FaultPath = "/test-only/fault";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, FaultStartupFilter>());
        }

        private sealed class FaultStartupFilter : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                next(app);
                app.Use((context, nextMiddleware) => context.Request.Path == FaultPath
                    ? throw new InvalidOperationException("Simulated fault for the error page test")
                    : nextMiddleware(context));
            };
        }
    }

    [Fact]
    public async Task Healthz_answers_200_when_the_database_answers()
    {
        var response = await portal.CreateBrowser().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_page_gets_the_Chinese_404_page()
    {
        var browser = new Browser(portal.CreateBrowser());
        await browser.SignInAsync("admin", "Bz2025demo");

        var page = await browser.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("页面不存在", page.Text);
    }

    [Fact]
    public async Task Server_error_shows_a_Chinese_page_with_the_correlation_id_that_is_in_the_log()
    {
        var browser = new Browser(portal.CreateBrowser());
        await browser.SignInAsync("admin", "Bz2025demo");

        var page = await browser.GetAsync(FailingPortal.FaultPath);

        Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
        Assert.Contains("系统出错", page.Text);
        Assert.DoesNotContain("Simulated fault", page.Html);
        var id = page.Document.QuerySelector(".trace-id")?.TextContent.Trim();
        Assert.False(string.IsNullOrWhiteSpace(id));
        // The exception is logged as the request unwinds, which can be just after the response reached us.
        string? logLine = null;
        for (var attempt = 0; logLine is null && attempt < 50; attempt++)
        {
            logLine = portal.ReadLogs().Split('\n')
                .FirstOrDefault(l => l.Contains($"[{id}]") && l.Contains("[ERR]") && l.Contains("ExceptionHandlerMiddleware"));
            if (logLine is null) await Task.Delay(100);
        }
        Assert.True(logLine is not null, $"id {id} not in logs:\n{portal.ReadLogs()}");
    }
}

public class HealthWhenDatabaseIsGoneTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Healthz_answers_503_when_the_database_does_not_answer()
    {
        var client = portal.CreateBrowser();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        SqliteConnection.ClearAllPools();
        File.Delete(portal.DatabasePath);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz")).StatusCode);
    }
}
