using System.Net;
using BaZhouTalent.IntegrationTests.Support;

namespace BaZhouTalent.IntegrationTests.Foundation;

public class RoleNavigationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly string[] RoleLinks =
        ["/Projects", "/Review/Unit", "/Review/County", "/Review/Expert", "/Review/Federation", "/Admin/Dashboard", "/Programme",
         "/Admin/Projects", "/Admin/Units", "/Admin/Users"];

    public static TheoryData<string, string, string[]> Accounts => new()
    {
        { "admin", "市社科联", ["/Review/Federation", "/Admin/Dashboard", "/Programme", "/Admin/Projects", "/Admin/Units", "/Admin/Users"] },
        { "yangzhuo", "项目负责人", ["/Projects"] },
        { "unit.bzdx", "单位审核人", ["/Review/Unit", "/Programme"] },
        { "skl.bazhou", "县区社科联", ["/Review/County", "/Programme"] },
        { "expert.1", "鉴定专家", ["/Review/Expert"] },
        { "expert.2", "鉴定专家", ["/Review/Expert"] },
        { "expert.3", "鉴定专家", ["/Review/Expert"] },
    };

    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task Each_demo_account_signs_in_and_sees_its_role_navigation(string userName, string roleName, string[] ownLinks)
    {
        var browser = new Browser(portal.CreateBrowser());

        var home = await browser.SignInAsync(userName, "Bz2025demo");

        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains(roleName, home.Text);
        var navigation = home.Document.QuerySelectorAll("nav a[href]").Select(a => a.GetAttribute("href")!).ToHashSet();
        foreach (var link in ownLinks)
        {
            Assert.Contains(link, navigation);
            var target = await browser.GetAsync(link);
            Assert.Equal(HttpStatusCode.OK, target.Status);
        }
        foreach (var link in RoleLinks.Except(ownLinks))
        {
            Assert.DoesNotContain(link, navigation);
            var refused = await browser.GetAsync(link);
            Assert.True(refused.IsRefused, $"{link}: {refused.Status} {refused.RedirectTarget}");
        }
    }
}
