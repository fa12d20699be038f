using System.Net;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.IntegrationTests.Foundation;

public class SharedSignInTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_second_web_instance_on_the_same_database_accepts_the_sign_in_cookie()
    {
        var cookies = new System.Net.CookieContainer();
        var first = new Browser(portal.CreateDefaultClient(new CookieContainerHandler(cookies)));
        var home = await first.SignInAsync("admin", "Bz2025demo");
        Assert.Contains("待办事项", home.Text);
        Assert.True(await portal.WithDbAsync(db => db.DataProtectionKeys.AnyAsync()), "the key ring lives in the database");

        // Another host: its own container and memory, the same database (as behind a load balancer).
        await using var second = portal.WithWebHostBuilder(builder =>
            builder.UseSetting("ConnectionStrings:Default", $"Data Source={portal.DatabasePath}"));
        var secondClient = second.CreateDefaultClient(new CookieContainerHandler(cookies));

        var response = await secondClient.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("市社科联管理员", await response.Content.ReadAsStringAsync());
    }
}
