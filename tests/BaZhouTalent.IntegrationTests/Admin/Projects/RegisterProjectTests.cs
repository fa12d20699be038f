using System.Net;
using BaZhouTalent.IntegrationTests.Researcher;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.IntegrationTests.Admin.Projects;

public class RegisterProjectTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Admin_registers_a_project_and_it_appears_in_the_register_and_in_the_leaders_projects()
    {
        var browser = await RegisterKit.SignInAsAdminAsync(portal);
        var list = await browser.GetAsync("/Admin/Projects");
        Assert.Contains(RegisterKit.CreatePage, list.Links);

        var form = await browser.GetAsync(RegisterKit.CreatePage);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var posted = await Forms.PostAsync(browser, form, RegisterKit.ValidForm(form, "bz26yb101", "乡村振兴背景下巴州区红色文化资源开发研究"));
        Assert.Equal("/Admin/Projects", posted.RedirectTarget);

        var register = await Forms.FollowAsync(browser, posted);
        Assert.Contains("项目 BZ26YB101 已登记", register.Text);
        Assert.Contains("BZ26YB101", register.Text);
        Assert.Contains("乡村振兴背景下巴州区红色文化资源开发研究", register.Text);

        var project = await portal.WithDbAsync(db => db.FundedProjects
            .Include(p => p.Category).Include(p => p.OriginalParticipants)
            .SingleAsync(p => p.Code == "BZ26YB101"));
        Assert.Equal(2026, project.Year);
        Assert.Equal("YB", project.Category.Code);
        Assert.Equal(new DateOnly(2026, 12, 31), project.PlannedCompletion);
        Assert.Equal(("杨卓", "女", "汉族", 1985, 6), (project.OriginalLeader.Name, project.OriginalLeader.Gender,
            project.OriginalLeader.Ethnicity, project.OriginalLeader.BirthYear, project.OriginalLeader.BirthMonth));
        Assert.Equal("0827-5261234", Assert.Single(project.OriginalParticipants).Phone);
        Assert.NotNull(project.LeaderUserId);

        var leader = new Browser(portal.CreateBrowser());
        await leader.SignInAsync("yangzhuo", "Bz2025demo");
        var mine = await leader.GetAsync("/Projects");
        Assert.Contains("BZ26YB101", mine.Text);
        Assert.Contains("乡村振兴背景下巴州区红色文化资源开发研究", mine.Text);
    }

    public static TheoryData<string, string, string, string, string> InvalidInputs() => new()
    {
        // field changed, typed value, category, field showing the message, message
        { "Input.Code", "BZ2026YB1", "（YB）", "Input.Code", "立项编号应为“BZ + 两位年份 + 类别代码 + 三位序号”" },
        { "Input.Code", "BZ26QN102", "（YB）", "Input.Code", "立项编号中的类别代码“QN”与所选项目类别“一般课题”（YB）不一致" },
        { "Input.Leader.Phone", "12345", "（YB）", "Input.Leader.Phone", "请填写 11 位手机号码，或带区号的固定电话（如 0827-1234567）" },
        { "Input.Participants[0].Phone", "827-5261234", "（YB）", "Input.Participants[0].Phone", "请填写 11 位手机号码" },
        { "Input.Leader.BirthYear", "1900", "（YB）", "Input.Leader.BirthYear", "出生年份应在" },
        { "Input.Title", "", "（YB）", "Input.Title", "请填写项目名称。" },
        // Longer than the certificate holds on its one page (docs/print-rules.md).
        { "Input.Title", LongText.Title(BaZhouTalent.Typesetting.PrintLimits.Title + 1, "项目"), "（YB）", "Input.Title", $"项目名称不能超过 {BaZhouTalent.Typesetting.PrintLimits.Title} 个字。" },
    };

    [Fact]
    public async Task A_title_of_the_longest_length_the_certificate_holds_is_registered()
    {
        var browser = await RegisterKit.SignInAsAdminAsync(portal);
        var form = await browser.GetAsync(RegisterKit.CreatePage);
        var title = LongText.Title(BaZhouTalent.Typesetting.PrintLimits.Title, "项目");
        var page = await Forms.PostAsync(browser, form, RegisterKit.ValidForm(form, "BZ26YB104", title));
        Assert.Equal("/Admin/Projects", page.RedirectTarget);
        Assert.Equal(title, await portal.WithDbAsync(db => db.FundedProjects.Where(p => p.Code == "BZ26YB104").Select(p => p.Title).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public async Task Invalid_input_is_refused_in_Chinese_beside_the_field_and_everything_typed_is_kept(
        string field, string value, string category, string errorField, string message)
    {
        var browser = await RegisterKit.SignInAsAdminAsync(portal);
        var form = await browser.GetAsync(RegisterKit.CreatePage);
        var values = RegisterKit.ValidForm(form, "BZ26YB102", "巴中市数字经济发展路径研究", category);
        values[field] = value;

        var page = await Forms.PostAsync(browser, form, values);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(message, Forms.ErrorFor(page, errorField) ?? "");
        Assert.Contains("项目尚未登记", page.Text);
        var kept = Forms.ValuesOf(page);
        foreach (var (name, typed) in values)
            Assert.Equal(typed, kept[name]);
        Assert.False(await portal.WithDbAsync(db => db.FundedProjects.AnyAsync(p => p.Code == "BZ26YB102" || p.Code == "BZ26QN102")));
    }

    [Fact]
    public async Task A_code_already_registered_is_refused()
    {
        var browser = await RegisterKit.SignInAsAdminAsync(portal);
        var form = await browser.GetAsync(RegisterKit.CreatePage);
        var first = await Forms.PostAsync(browser, form, RegisterKit.ValidForm(form, "BZ26YB103", "巴中市文旅融合研究"));
        Assert.Equal("/Admin/Projects", first.RedirectTarget);

        form = await browser.GetAsync(RegisterKit.CreatePage);
        var again = await Forms.PostAsync(browser, form, RegisterKit.ValidForm(form, " bz26yb103 ", "另一个项目"));

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal("立项编号 BZ26YB103 已登记，不能重复登记。", Forms.ErrorFor(again, "Input.Code"));
        Assert.Equal("另一个项目", Forms.ValuesOf(again)["Input.Title"]);
        Assert.Equal(1, await portal.WithDbAsync(db => db.FundedProjects.CountAsync(p => p.Code == "BZ26YB103")));
    }

    [Fact]
    public async Task The_project_can_be_registered_without_a_leader_account_and_blank_participant_rows_are_ignored()
    {
        var browser = await RegisterKit.SignInAsAdminAsync(portal);
        var form = await browser.GetAsync(RegisterKit.CreatePage);
        var values = RegisterKit.ValidForm(form, "BZ26ZD104", "巴中市重点课题", category: "（ZD）");
        values["Input.LeaderUserName"] = "";
        foreach (var key in values.Keys.Where(k => k.StartsWith("Input.Participants", StringComparison.Ordinal)).ToList())
            values[key] = "";

        var posted = await Forms.PostAsync(browser, form, values);

        Assert.Equal("/Admin/Projects", posted.RedirectTarget);
        var project = await portal.WithDbAsync(db => db.FundedProjects.Include(p => p.OriginalParticipants).SingleAsync(p => p.Code == "BZ26ZD104"));
        Assert.Null(project.LeaderUserId);
        Assert.Empty(project.OriginalParticipants);
        Assert.Contains("未关联账户", (await browser.GetAsync("/Admin/Projects")).Text);
    }

    [Theory]
    [InlineData("yangzhuo")]
    [InlineData("unit.bzdx")]
    [InlineData("skl.bazhou")]
    public async Task Other_roles_cannot_open_or_post_the_register_pages(string userName)
    {
        var browser = new Browser(portal.CreateBrowser());
        await browser.SignInAsync(userName, "Bz2025demo");

        foreach (var url in new[] { RegisterKit.CreatePage, RegisterKit.ImportPage, RegisterKit.ImportPage + "?handler=Template" })
        {
            // The portal answers a refused page with its Chinese error page, served with the 403 status.
            var page = await browser.NavigateAsync(url);
            Assert.True(page.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{userName} reached {url}: {page.Status}");
        }
        var post = await browser.Client.PostAsync(RegisterKit.CreatePage,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Code"] = "BZ26YB199" }));
        Assert.True((await Browser.Page.ReadAsync(post, RegisterKit.CreatePage)).IsRefused, $"{userName} posted: {post.StatusCode} {post.Headers.Location}");
        Assert.False(await portal.WithDbAsync(db => db.FundedProjects.AnyAsync(p => p.Code == "BZ26YB199")));
    }
}
