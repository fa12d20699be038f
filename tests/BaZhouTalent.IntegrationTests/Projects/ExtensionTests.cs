using System.Net;
using BaZhouTalent.Application.Applications;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Projects;
using BaZhouTalent.Application.Security;
using BaZhouTalent.IntegrationTests.Support;
using BaZhouTalent.IntegrationTests.Workspace;
using static BaZhouTalent.IntegrationTests.Projects.LifecycleKit;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Projects;

/// <summary>延期 through the pages: asked by the leader, agreed by the unit, decided by the city federation; the limits.</summary>
public class ExtensionTests(ClockedPortal portal) : IClassFixture<ClockedPortal>
{
    [Fact]
    public async Task An_approved_extension_moves_overdue_tracking_while_the_change_table_keeps_the_original_date()
    {
        var today = Today(portal);
        var planned = today.AddDays(10);
        await AddProjectAsync(portal, "BZ25YB701", planned);
        await AddProjectAsync(portal, "BZ25YB702", planned); // the same project, not extended
        var extended = today.AddDays(100);

        await ExtendAsync(portal, "BZ25YB701", extended);
        portal.Clock.Advance(TimeSpan.FromDays(30));

        var project = await ProjectAsync(portal, "BZ25YB701");
        Assert.Equal((planned, extended), (project.PlannedCompletion, project.ExtendedCompletion!.Value));
        var admin = await SignInAsync(portal, "admin");
        var dashboard = await admin.GetAsync("/Admin/Dashboard?year=2025");
        var overdue = dashboard.Document.QuerySelectorAll("table[data-testid=overdue] td.project-code").Select(td => td.TextContent.Trim()).ToList();
        Assert.Contains("BZ25YB702", overdue);
        Assert.DoesNotContain("BZ25YB701", overdue);
        var programme = await admin.GetAsync("/Programme?year=2025&overdue=true");
        var listed = programme.Document.QuerySelectorAll("td.project-code").Select(td => td.TextContent.Trim()).ToList();
        Assert.Contains("BZ25YB702", listed);
        Assert.DoesNotContain("BZ25YB701", listed);

        // The change table's 原计划完成时间 is still the register's date, on the page and in the printed form.
        var researcher = await SignInAsync(portal, "yangzhuo");
        var changeRow = (await researcher.GetAsync("/applications/BZ25YB701")).Document.QuerySelectorAll("tr")
            .Single(tr => tr.TextContent.Contains("完成时间", StringComparison.Ordinal) && tr.TextContent.Contains(ChangeRecord.FormatDate(planned), StringComparison.Ordinal));
        Assert.DoesNotContain(ChangeRecord.FormatDate(extended), changeRow.TextContent);
        var pdf = PdfText(await researcher.Client.GetByteArrayAsync("/applications/BZ25YB701/print/a4.pdf"));
        Assert.Contains(ChangeRecord.FormatDate(planned).Replace(" ", "", StringComparison.Ordinal), pdf);
        Assert.DoesNotContain(ChangeRecord.FormatDate(extended).Replace(" ", "", StringComparison.Ordinal), pdf);

        // Researcher, unit and federation see the decided request in the project's history.
        foreach (var user in new[] { "yangzhuo", "unit.bzdx", "admin" })
        {
            var file = await (await SignInAsync(portal, user)).GetAsync("/projects/BZ25YB701");
            Assert.Equal(HttpStatusCode.OK, file.Status);
            Assert.Contains("已批准", file.Document.QuerySelector("table[data-testid=requests]")!.TextContent);
            Assert.Contains(RequestExtension.Format(extended), file.Document.QuerySelector("[data-testid=effective-completion]")!.TextContent);
        }

        // Each hand-over told whoever acted next, and the outcome reached the leader (站内通知).
        Assert.Contains("延期申请 BZ25YB701 待单位审核", (await (await SignInAsync(portal, "unit.bzdx")).GetAsync("/Notices")).Text);
        Assert.Contains("延期申请 BZ25YB701 待市社科联审批", (await admin.GetAsync("/Notices")).Text);
        var told = (await researcher.GetAsync("/Notices")).Text;
        Assert.Contains("延期申请 BZ25YB701 已批准", told);
        Assert.Contains($"计划完成时间延至 {RequestExtension.Format(extended)}", told);
    }

    [Fact]
    public async Task A_waiting_request_is_pointed_to_from_the_home_page_of_whoever_decides_next()
    {
        var today = Today(portal);
        await AddProjectAsync(portal, "BZ25YB791", today.AddDays(20));
        var researcher = await SignInAsync(portal, "yangzhuo");
        var unit = await SignInAsync(portal, "unit.bzdx");
        var admin = await SignInAsync(portal, "admin");
        static int Waiting(Browser.Page home, string id) => home.Document.QuerySelector($"#{id} a") is { } link
            ? int.Parse(System.Text.RegularExpressions.Regex.Match(link.TextContent, @"\d+").Value, System.Globalization.CultureInfo.InvariantCulture)
            : 0;
        var unitBefore = Waiting(await unit.GetAsync("/"), "unit-requests");
        var federationBefore = Waiting(await admin.GetAsync("/"), "federation-requests");

        Assert.Equal(HttpStatusCode.Redirect, (await AskAsync(researcher, "BZ25YB791", today.AddDays(80), "需补充调研。")).Status);
        var unitHome = await unit.GetAsync("/");
        Assert.Equal(unitBefore + 1, Waiting(unitHome, "unit-requests"));
        Assert.Contains("待本单位审核", unitHome.Document.QuerySelector("#unit-requests")!.TextContent);
        Assert.Equal("/Requests/Unit", unitHome.Document.QuerySelector("#unit-requests a")!.GetAttribute("href"));
        Assert.Equal(federationBefore, Waiting(await admin.GetAsync("/"), "federation-requests"));
        Assert.Null((await researcher.GetAsync("/")).Document.QuerySelector(".queue-requests"));

        await DecideOkAsync(unit, await OpenRequestIdAsync(portal, "BZ25YB791"), "unit-agree");
        Assert.Equal(unitBefore, Waiting(await unit.GetAsync("/"), "unit-requests"));
        var federationHome = await admin.GetAsync("/");
        Assert.Equal(federationBefore + 1, Waiting(federationHome, "federation-requests"));
        Assert.Contains("待市社科联审批", federationHome.Document.QuerySelector("#federation-requests")!.TextContent);
        Assert.Equal("/Requests/Federation", federationHome.Document.QuerySelector("#federation-requests a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_unit_or_the_federation_may_refuse_with_an_opinion_and_the_date_stays()
    {
        var today = Today(portal);
        await AddProjectAsync(portal, "BZ25YB711", today.AddDays(20));
        await AddProjectAsync(portal, "BZ25YB712", today.AddDays(20));
        var researcher = await SignInAsync(portal, "yangzhuo");
        var unit = await SignInAsync(portal, "unit.bzdx");
        var admin = await SignInAsync(portal, "admin");

        Assert.Equal(HttpStatusCode.Redirect, (await AskAsync(researcher, "BZ25YB711", today.AddDays(80), "需补充调研。")).Status);
        var first = await OpenRequestIdAsync(portal, "BZ25YB711");
        var withoutOpinion = await DecideAsync(unit, first, "unit-refuse");
        Assert.Equal(HttpStatusCode.OK, withoutOpinion.Status);
        Assert.Contains("“单位不同意”须填写意见", withoutOpinion.Text);
        await DecideOkAsync(unit, first, "unit-refuse", "理由不充分，请按期完成。");

        Assert.Equal(HttpStatusCode.Redirect, (await AskAsync(researcher, "BZ25YB712", today.AddDays(80), "需补充调研。")).Status);
        var second = await OpenRequestIdAsync(portal, "BZ25YB712");
        await DecideOkAsync(unit, second, "unit-agree");
        await DecideOkAsync(admin, second, "refuse", "不符合延期条件。");

        // Each outcome names who refused and why, on the project page and in the leader's notice.
        var notices = (await researcher.GetAsync("/Notices")).Text;
        foreach (var (code, id, who, opinion) in new[] { ("BZ25YB711", first, "所在单位不同意", "理由不充分，请按期完成。"), ("BZ25YB712", second, "市社科联不予批准", "不符合延期条件。") })
        {
            var request = await RequestAsync(portal, id);
            Assert.Equal(ProjectRequestStatus.Refused, request.Status);
            Assert.Null((await ProjectAsync(portal, code)).ExtendedCompletion);
            var file = await researcher.GetAsync($"/projects/{code}");
            Assert.Equal(who, file.Document.QuerySelector("[data-testid=request-outcome]")!.TextContent.Trim());
            Assert.Contains(opinion, file.Text);
            Assert.Contains($"延期申请 {code} {who}", notices);
            Assert.Contains($"项目 {code}“测试项目{code}”的延期申请，{who}：{opinion}详见项目情况页。", notices);
        }
        Assert.DoesNotContain("未获批准", notices);
        // A refused request is closed: the leader may ask again.
        Assert.Equal(HttpStatusCode.Redirect, (await AskAsync(researcher, "BZ25YB711", today.AddDays(60), "再次申请。")).Status);
    }

    [Fact]
    public async Task A_third_extension_more_than_a_year_or_a_second_open_request_is_refused_with_the_text_kept()
    {
        var today = Today(portal);
        var planned = today.AddDays(10);
        await AddProjectAsync(portal, "BZ25YB721", planned);
        await AddProjectAsync(portal, "BZ25YB722", planned);
        var researcher = await SignInAsync(portal, "yangzhuo");

        await ExtendAsync(portal, "BZ25YB721", today.AddDays(60));
        await ExtendAsync(portal, "BZ25YB721", today.AddDays(120));
        await AssertRefusedAsync(researcher, "BZ25YB721", today.AddDays(150), "第三次延期的理由。", "已获批延期 2 次，最多只能延期 2 次");

        var tooFar = planned.AddMonths(12).AddDays(1);
        var overAYear = await AskAsync(researcher, "BZ25YB722", tooFar, "需要很长时间。");
        Assert.Equal(HttpStatusCode.OK, overAYear.Status);
        Assert.Contains($"累计延期不能超过 12 个月：延期后的计划完成时间最晚为 {RequestExtension.Format(planned.AddMonths(12))}", overAYear.Text);
        Assert.Equal("需要很长时间。", overAYear.Document.QuerySelector("textarea[name='Input.Reason']")!.TextContent);
        Assert.Equal(Iso(tooFar), overAYear.Document.QuerySelector("input[name='Input.NewCompletion']")!.GetAttribute("value"));

        var noReason = await AskAsync(researcher, "BZ25YB722", planned.AddMonths(3), " ");
        Assert.Contains("请填写延期理由", noReason.Text);
        Assert.Equal(Iso(planned.AddMonths(3)), noReason.Document.QuerySelector("input[name='Input.NewCompletion']")!.GetAttribute("value"));

        Assert.Equal(HttpStatusCode.Redirect, (await AskAsync(researcher, "BZ25YB722", planned.AddMonths(12), "恰好一年。")).Status);
        var again = await PostExtensionAsync(researcher, "BZ25YB722", planned.AddMonths(6), "又一次。");
        Assert.Contains("已有一项延期申请正在办理", again.Text);
        Assert.Equal("又一次。", again.Document.QuerySelector("textarea[name='Input.Reason']")!.TextContent);
        Assert.Equal(1, await portal.WithDbAsync(db => Task.FromResult(db.ProjectRequests.Count(r => r.Project.Code == "BZ25YB722"))));
    }

    [Fact]
    public async Task After_the_planned_date_no_extension_may_be_asked()
    {
        var today = Today(portal);
        await AddProjectAsync(portal, "BZ25YB731", today.AddDays(-1));

        // A form kept open from the day before, posted now: refused too, and nothing recorded.
        await AssertRefusedAsync(await SignInAsync(portal, "yangzhuo"), "BZ25YB731", today.AddDays(60), "过期后补交的延期理由。", "已过，不能再申请延期");
        Assert.Equal(0, await portal.WithDbAsync(db => Task.FromResult(db.ProjectRequests.Count(r => r.Project.Code == "BZ25YB731"))));
        Assert.Null((await ProjectAsync(portal, "BZ25YB731")).ExtendedCompletion);
    }

    [Fact]
    public async Task Only_the_leader_asks_only_that_unit_agrees_and_only_the_federation_decides()
    {
        var today = Today(portal);
        await AddProjectAsync(portal, "BZ25YB741", today.AddDays(30));
        await CreateUserAsync(portal, "unit.foreign", "组织部审核人", Roles.UnitReviewer, OrganisationDepartmentBazhou);
        await CreateUserAsync(portal, "researcher.2", "王五", Roles.Researcher);
        var browsers = new Dictionary<string, Browser>();
        foreach (var user in new[] { "admin", "yangzhuo", "unit.bzdx", "skl.bazhou", "expert.1", "unit.foreign", "researcher.2" })
            browsers[user] = await SignInAsync(portal, user);

        Assert.Equal("302>/Error/403", await OutcomeAsync(browsers["unit.bzdx"], "GET", "/projects/BZ25YB741/extend"));
        Assert.Equal("302>/Error/403", await OutcomeAsync(browsers["admin"], "GET", "/projects/BZ25YB741/extend"));
        Assert.Equal("404", await OutcomeAsync(browsers["researcher.2"], "GET", "/projects/BZ25YB741/extend"));
        Assert.Equal("404", await OutcomeAsync(browsers["researcher.2"], "POST", "/projects/BZ25YB741/extend"));
        Assert.Equal(HttpStatusCode.Redirect, (await AskAsync(browsers["yangzhuo"], "BZ25YB741", today.AddDays(90), "需延期。")).Status);
        var id = await OpenRequestIdAsync(portal, "BZ25YB741");

        // The project's file and the request: hidden from experts (blind review), other units and other researchers.
        foreach (var (user, expected) in new[] { ("admin", "200"), ("yangzhuo", "200"), ("unit.bzdx", "200"), ("skl.bazhou", "200"),
                     ("expert.1", "404"), ("unit.foreign", "404"), ("researcher.2", "404") })
        {
            Assert.Equal(expected, await OutcomeAsync(browsers[user], "GET", "/projects/BZ25YB741"));
        }
        var unitAgree = new Dictionary<string, string>
        {
            ["admin"] = "403", ["yangzhuo"] = "403", ["unit.bzdx"] = "200", ["skl.bazhou"] = "403",
            ["expert.1"] = "404", ["unit.foreign"] = "404", ["researcher.2"] = "404",
        };
        foreach (var (user, expected) in unitAgree)
        {
            Assert.Equal(expected, await OutcomeAsync(browsers[user], "GET", $"/requests/{id}/unit-agree"));
            if (expected != "200")
                Assert.Equal(expected, await OutcomeAsync(browsers[user], "POST", $"/requests/{id}/unit-agree"));
        }
        Assert.Equal("403", await OutcomeAsync(browsers["unit.bzdx"], "GET", $"/requests/{id}/approve"));
        Assert.Equal("403", await OutcomeAsync(browsers["yangzhuo"], "POST", $"/requests/{id}/approve"));
        Assert.Equal("403", await OutcomeAsync(browsers["unit.bzdx"], "POST", $"/requests/{id}/withdraw"));

        // The federation cannot approve before the unit agrees: the page says why and nothing changes.
        var early = await browsers["admin"].GetAsync($"/requests/{id}/approve");
        Assert.Contains("当前为“待单位审核”，不能执行“批准”", early.Document.QuerySelector("[data-testid=refusal]")!.TextContent);
        Assert.Null(early.Document.QuerySelector("form[data-form=decide]"));
        Assert.Equal(ProjectRequestStatus.Requested, (await RequestAsync(portal, id)).Status);

        // Each waiting list holds what waits for its reader only.
        Assert.Contains("BZ25YB741", (await browsers["unit.bzdx"].GetAsync("/Requests/Unit")).Text);
        Assert.DoesNotContain("BZ25YB741", (await browsers["unit.foreign"].GetAsync("/Requests/Unit")).Text);
        Assert.DoesNotContain("BZ25YB741", (await browsers["admin"].GetAsync("/Requests/Federation")).Text);
        await DecideOkAsync(browsers["unit.bzdx"], id, "unit-agree");
        Assert.DoesNotContain("BZ25YB741", (await browsers["unit.bzdx"].GetAsync("/Requests/Unit")).Text);
        Assert.Contains("BZ25YB741", (await browsers["admin"].GetAsync("/Requests/Federation")).Text);
        Assert.Equal("302>/Error/403", await OutcomeAsync(browsers["unit.bzdx"], "GET", "/projects/BZ25YB741/terminate"));
        Assert.Equal("302>/Error/403", await OutcomeAsync(browsers["yangzhuo"], "POST", "/projects/BZ25YB741/terminate"));
        Assert.Equal(ProjectLifecycleStatus.Active, (await ProjectAsync(portal, "BZ25YB741")).Lifecycle);
    }

    [Fact]
    public async Task The_leader_may_withdraw_before_the_unit_acts()
    {
        var today = Today(portal);
        await AddProjectAsync(portal, "BZ25YB751", today.AddDays(30));
        var researcher = await SignInAsync(portal, "yangzhuo");
        await AskAsync(researcher, "BZ25YB751", today.AddDays(60), "需延期。");
        var id = await OpenRequestIdAsync(portal, "BZ25YB751");

        await DecideOkAsync(researcher, id, "withdraw");

        Assert.Equal(ProjectRequestStatus.Withdrawn, (await RequestAsync(portal, id)).Status);
        Assert.DoesNotContain("BZ25YB751", (await (await SignInAsync(portal, "unit.bzdx")).GetAsync("/Requests/Unit")).Text);
    }

    /// <summary>
    /// The extension page says why no extension may be asked and offers no form; a post made all the same (a form kept
    /// open, or made by hand) is refused with the same reason and gives the typed reason back.
    /// </summary>
    private static async Task AssertRefusedAsync(Browser researcher, string code, DateOnly date, string reason, string refusal)
    {
        var page = await researcher.GetAsync($"/projects/{code}/extend");
        Assert.Contains(refusal, page.Document.QuerySelector("[data-testid=refusal]")!.TextContent);
        Assert.Null(page.Document.QuerySelector("form[data-form=extend]"));
        var posted = await PostExtensionAsync(researcher, code, date, reason);
        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains(refusal, posted.Text);
        Assert.Equal(reason, posted.Document.QuerySelector("textarea[name='Input.Reason']")!.TextContent);
    }

    private static async Task<Browser.Page> PostExtensionAsync(Browser researcher, string code, DateOnly date, string reason) =>
        await researcher.PostPageWithOwnTokenAsync($"/projects/{code}/extend", new Dictionary<string, string>
        {
            ["Input.NewCompletion"] = Iso(date),
            ["Input.Reason"] = reason,
        });

    /// <summary>“200”, “404”, or “302>/path” for a GET, or a POST with only the antiforgery token.</summary>
    internal static async Task<string> OutcomeAsync(Browser browser, string method, string url)
    {
        var page = method == "GET" ? await browser.GetAsync(url) : await browser.PostPageWithOwnTokenAsync(url);
        var status = ((int)page.Status).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (page.Status != HttpStatusCode.Redirect) return status;
        var target = new Uri(new Uri("http://localhost"), page.RedirectTarget!);
        return $"{status}>{target.AbsolutePath}";
    }
}
