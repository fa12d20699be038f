using System.Net;
using BaZhouTalent.Application.Register;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using static BaZhouTalent.IntegrationTests.Projects.LifecycleKit;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Admin.Projects;

/// <summary>
/// 更正登记: the city federation corrects a register entry with a reason while its application is with the researcher; the
/// correction is listed on the project's page and audited; while the application is signed it is refused.
/// </summary>
public class CorrectionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly DateOnly Planned = new(2027, 6, 30);

    private static string CorrectPage(string code) => $"/Admin/Projects/{code}/Correct";

    private static Task<Browser.Page> PostAsync(Browser admin, Browser.Page form, Dictionary<string, string> fields) =>
        admin.SubmitAsync(form, fields, "main form[method=post]");

    [Fact]
    public async Task A_correction_while_the_application_is_a_draft_is_saved_listed_on_the_project_and_audited()
    {
        await AddProjectAsync(portal, "BZ25YB741", Planned);
        var admin = await SignInAsync(portal, "admin");
        Assert.Contains(CorrectPage("BZ25YB741"), (await admin.GetAsync("/Admin/Projects?q=BZ25YB741")).Links);

        var form = await admin.GetAsync(CorrectPage("BZ25YB741"));
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.NotNull(form.Document.QuerySelector("input[name='Input.Code'][readonly]"));
        var saved = await PostAsync(admin, form, new()
        {
            ["Input.Title"] = "测试项目BZ25YB741（更正）",
            ["Input.Leader.Phone"] = "13881600077",
            ["Input.FundingYuan"] = "20000",
            ["Input.Reason"] = "立项通知书核对后发现名称录入有误。",
        });
        Assert.True(saved.Status == HttpStatusCode.Redirect, saved.Text);

        var project = await portal.WithDbAsync(db => db.FundedProjects.Include(p => p.Application).Include(p => p.Corrections)
            .SingleAsync(p => p.Code == "BZ25YB741"));
        Assert.Equal(("测试项目BZ25YB741（更正）", "13881600077", 20000), (project.Title, project.OriginalLeader.Phone, project.FundingYuan!.Value));
        Assert.Equal(project.Title, project.Application!.ProjectTitle);
        var correction = Assert.Single(project.Corrections);
        Assert.Equal(3, correction.ChangeLines.Count);
        Assert.Contains("项目名称：由“测试项目BZ25YB741”改为“测试项目BZ25YB741（更正）”", correction.ChangeLines);

        var file = await admin.GetAsync("/projects/BZ25YB741");
        var listed = file.Document.QuerySelector("table[data-testid=corrections]")!.TextContent;
        Assert.Contains("立项通知书核对后发现名称录入有误。", listed);
        Assert.Contains("原负责人联系电话", listed);
        // The register is the form's “原” side: the change table shows the corrected title.
        Assert.Contains("测试项目BZ25YB741（更正）", (await (await SignInAsync(portal, "yangzhuo")).GetAsync("/applications/BZ25YB741")).Text);
        var audit = await portal.WithDbAsync(db => db.SecurityEvents.Where(e => e.Kind == "RegisterCorrected" && e.Target.StartsWith("BZ25YB741"))
            .Select(e => e.Detail).ToListAsync());
        Assert.Contains("理由：立项通知书核对后发现名称录入有误。", Assert.Single(audit));
    }

    [Fact]
    public async Task A_correction_is_refused_while_the_application_is_in_review_and_nothing_changes()
    {
        await AddProjectAsync(portal, "BZ25YB742", Planned);
        var admin = await SignInAsync(portal, "admin");
        var form = await admin.GetAsync(CorrectPage("BZ25YB742"));
        await SubmitAsync(portal, "BZ25YB742");

        // The page read before the submission posts into the refusal; a fresh read shows it instead of the form.
        var refused = await PostAsync(admin, form, new() { ["Input.Title"] = "改过的名称", ["Input.Reason"] = "录入有误。" });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("正在审核中（待单位审核）", refused.Text);
        var again = await admin.GetAsync(CorrectPage("BZ25YB742"));
        Assert.Contains("不能更正", again.Document.QuerySelector("[data-testid=refusal]")!.TextContent);
        Assert.Null(again.Document.QuerySelector("main form[method=post]"));
        Assert.Equal("测试项目BZ25YB742", (await ProjectAsync(portal, "BZ25YB742")).Title);
        Assert.Equal(0, await portal.WithDbAsync(db => db.ProjectCorrections.CountAsync(c => c.ProjectId == db.FundedProjects.Single(p => p.Code == "BZ25YB742").Id)));
    }

    [Fact]
    public async Task Without_a_reason_or_a_change_the_page_answers_in_chinese_and_keeps_what_was_typed()
    {
        await AddProjectAsync(portal, "BZ25YB743", Planned);
        var admin = await SignInAsync(portal, "admin");
        var form = await admin.GetAsync(CorrectPage("BZ25YB743"));

        var noReason = await PostAsync(admin, form, new() { ["Input.Title"] = "新的名称", ["Input.Reason"] = "" });
        Assert.Equal(HttpStatusCode.OK, noReason.Status);
        Assert.Contains("请填写更正理由", noReason.Text);
        Assert.Equal("新的名称", noReason.Document.QuerySelector("input[name='Input.Title']")!.GetAttribute("value"));

        var nothing = await PostAsync(admin, form, new() { ["Input.Reason"] = "核对。" });
        Assert.Equal(HttpStatusCode.OK, nothing.Status);
        Assert.Contains(CorrectProject.NothingChangedMessage, nothing.Text);
        Assert.Equal("测试项目BZ25YB743", (await ProjectAsync(portal, "BZ25YB743")).Title);
    }

    [Fact]
    public async Task Simultaneous_corrections_of_one_entry_save_exactly_one()
    {
        // Without an application: only the register's own stamp stands between the corrections.
        await AddProjectAsync(portal, "BZ25YB744", Planned, withDraft: false);
        var browsers = new List<Browser>();
        var forms = new List<Browser.Page>();
        for (var i = 0; i < 4; i++)
        {
            var admin = await SignInAsync(portal, "admin");
            browsers.Add(admin);
            forms.Add(await admin.GetAsync(CorrectPage("BZ25YB744")));
        }

        var answers = await Task.WhenAll(browsers.Select((b, i) => PostAsync(b, forms[i], new()
        {
            ["Input.Title"] = $"更正稿 {i + 1}",
            ["Input.Reason"] = "名称有误。",
        })));

        Assert.Equal(1, answers.Count(a => a.Status == HttpStatusCode.Redirect));
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Redirect), a => Assert.Contains(CorrectProject.ConflictMessage, a.Text));
        Assert.Equal(1, await portal.WithDbAsync(db => db.ProjectCorrections.CountAsync(c => c.ProjectId == db.FundedProjects.Single(p => p.Code == "BZ25YB744").Id)));
    }
}
