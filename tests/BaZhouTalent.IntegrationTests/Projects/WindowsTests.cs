using System.Net;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.IntegrationTests.Support;
using BaZhouTalent.IntegrationTests.Workspace;
using static BaZhouTalent.IntegrationTests.Projects.LifecycleKit;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Projects;

/// <summary>结项批次: once a window is set, submission outside every window is refused naming the next; inside it goes through.</summary>
public class WindowsTests(ClockedPortal portal) : IClassFixture<ClockedPortal>
{
    [Fact]
    public async Task Submission_is_refused_outside_every_window_with_the_next_one_named_and_allowed_inside()
    {
        var today = Today(portal);
        await AddProjectAsync(portal, "BZ25YB851", today.AddDays(200));
        var admin = await SignInAsync(portal, "admin");
        var opens = new DateOnly(today.Year + 1, 3, 1);
        var closes = new DateOnly(today.Year + 1, 3, 15);

        var backwards = await AddWindowAsync(admin, closes, opens);
        Assert.Contains("截止日期不能早于开始日期", backwards.Text);
        Assert.Equal(Iso(closes), backwards.Document.QuerySelector("input[name=Opens]")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, (await AddWindowAsync(admin, opens, closes)).Status);

        var researcher = await SignInAsync(portal, "yangzhuo");
        var check = await researcher.GetAsync("/applications/BZ25YB851/submit");
        Assert.Contains("下一批次", check.Document.QuerySelector("[data-testid=closed-notice]")!.TextContent);
        var refused = await PressSubmitAsync(researcher, "BZ25YB851");
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains($"当前不在结项申报时间内。下一批次：{today.Year + 1}年3月1日至3月15日", refused.Text);
        Assert.Equal(ApplicationStatus.Draft, (await LoadAsync(portal, "BZ25YB851")).Status);

        portal.Clock.Advance((opens.ToDateTime(new TimeOnly(1, 0)) - today.ToDateTime(TimeOnly.MinValue)));
        // The sign-in from before has expired on the moved clock: sign in again, as the researcher would.
        researcher = await SignInAsync(portal, "yangzhuo");
        admin = await SignInAsync(portal, "admin");
        var inside = await PressSubmitAsync(researcher, "BZ25YB851");
        Assert.True(inside.Status == HttpStatusCode.Redirect, inside.Text);
        Assert.Equal(ApplicationStatus.UnitReview, (await LoadAsync(portal, "BZ25YB851")).Status);

        // Removing the last window opens submission again.
        var windows = await admin.GetAsync("/Admin/Windows");
        Assert.Contains($"{today.Year + 1}年3月1日至3月15日", windows.Document.QuerySelector("table[data-testid=windows]")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(windows, new Dictionary<string, string>(), "form[action*='handler=Remove']")).Status);
        Assert.Null((await admin.GetAsync("/Admin/Windows")).Document.QuerySelector("table[data-testid=windows]"));
        Assert.Contains("新增结项批次", (await admin.GetAsync("/Admin/Audit")).Text);
    }

    private static async Task<Browser.Page> AddWindowAsync(Browser admin, DateOnly opens, DateOnly closes)
    {
        var page = await admin.GetAsync("/Admin/Windows");
        return await admin.SubmitAsync(page, new Dictionary<string, string> { ["Opens"] = Iso(opens), ["Closes"] = Iso(closes) }, "form[data-form=add-window]");
    }
}
