using System.Net;
using BaZhouTalent.Application.Audit;
using BaZhouTalent.Application.Experts;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using static BaZhouTalent.IntegrationTests.Admin.Projects.RegisterKit;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Desk;

/// <summary>
/// 专家库 through the pages: add, edit, disable, import (all or nothing), and the 受理并分配 suggestions that
/// exclude conflicts (same unit as the leader or a participant, declared), rank by field and show the open load.
/// </summary>
public class ExpertPoolTests(ExpertPoolTests.Fixture fixture) : IClassFixture<ExpertPoolTests.Fixture>
{
    public const string AtIntake = "BZ25YB891";
    public const string Busy = "BZ25YB892";

    public sealed class Fixture : PortalFactory, IAsyncLifetime
    {
        public async Task InitializeAsync()
        {
            // Titled so that 人才 and 乡村振兴 match; the participant 李亚军 is of the applicant's unit.
            await RegisterProjectAsync(this, AtIntake, PartySchoolBazhou);
            await WithDbAsync(async db =>
            {
                var project = await db.FundedProjects.SingleAsync(p => p.Code == AtIntake);
                project.Title = "乡村振兴背景下巴中人才队伍建设研究";
                project.OriginalParticipants[0].Unit = "四川文理学院";
                var application = await db.ClosureApplications.SingleAsync(a => a.ProjectId == project.Id);
                application.ResultTitle = project.Title;
                application.CurrentParticipants = [new() { SortOrder = 1, Name = "李亚军", Unit = "四川文理学院", Title = "讲师" }];
                application.ReportText = "测试报告\n摘要：研究巴中人才。\n关键词：人才工作；乡村振兴\n一、引言\n正文。";
                return await db.SaveChangesAsync();
            });
            await SubmitAsync(this, AtIntake);
            await ToIntakeAsync(this, AtIntake);
            // expert.3 carries one open appraisal.
            await RegisterProjectAsync(this, Busy, PartySchoolBazhou);
            await SubmitAsync(this, Busy);
            await ToIntakeAsync(this, Busy);
            await ActOkAsync(await SignInAsync(this, "admin"), Busy, "assign", await ExpertsAsync(this, "expert.3", "expert.3"));
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    private static Dictionary<string, string> Expert(string userName, string name, string unit, string fields, string conflicts = "") => new()
    {
        ["Input.UserName"] = userName, ["Input.DisplayName"] = name, ["Input.WorkUnit"] = unit, ["Input.ProfessionalTitle"] = "教授",
        ["Input.Fields"] = fields, ["Input.Phone"] = "0827-5261234", ["Input.Email"] = "", ["Input.DeclaredConflicts"] = conflicts,
    };

    private async Task AddAsync(Browser admin, Dictionary<string, string> form)
    {
        var saved = await admin.SubmitAsync(await admin.GetAsync("/Admin/Experts/Edit"), form, "form[data-form=expert]");
        Assert.True(saved.Status == HttpStatusCode.Redirect, saved.Text);
    }

    [Fact]
    public async Task The_open_load_starts_from_the_applications_with_the_experts_not_from_every_assignment_ever_made()
    {
        // SQLite's plan of the query, outermost loop first: the applications in 专家鉴定中 found through the status index,
        // their assignments and opinions looked up by key. Reading every assignment (the query it replaced) grows with history.
        var plan = await fixture.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + ExpertPool.OpenLoad(db).ToQueryString();
            var steps = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) steps.Add(reader.GetString(3));
            return steps;
        });
        var loops = plan.Where(s => s.StartsWith("SCAN", StringComparison.Ordinal) || s.StartsWith("SEARCH", StringComparison.Ordinal)).ToList();
        Assert.Matches("^SEARCH .* USING (COVERING )?INDEX IX_ClosureApplications_Status.*\\(Status=\\?\\)", loops[0]);
        Assert.All(loops, step => Assert.StartsWith("SEARCH", step));
    }

    [Fact]
    public async Task The_suggestions_follow_a_change_to_the_pool_at_once()
    {
        // The pool is read once per data change: an expert added or disabled since the page was last drawn shows at once.
        // An application of its own at intake: the test beside assigns AtIntake's experts.
        const string code = "BZ25YB893";
        await RegisterProjectAsync(fixture, code, PartySchoolBazhou);
        await SubmitAsync(fixture, code);
        await ToIntakeAsync(fixture, code);
        var admin = await SignInAsync(fixture, "admin");
        static List<string?> Suggested(Browser.Page page) =>
            page.Document.QuerySelectorAll("[data-testid=expert-suggestions] tbody tr").Select(r => r.GetAttribute("data-expert")).ToList();
        var before = Suggested(await OpenAsync(admin, code));

        await AddAsync(admin, Expert("ex.late", "后加专家", "西华师范大学", "人才工作"));
        var lateId = await UserIdAsync(fixture, "ex.late");
        var added = Suggested(await OpenAsync(admin, code));
        var list = await admin.GetAsync("/Admin/Experts?q=" + Uri.EscapeDataString("后加专家"));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(list, new Dictionary<string, string>(), "tr[data-expert='ex.late'] form")).Status);
        var disabled = Suggested(await OpenAsync(admin, code));

        Assert.NotEmpty(before);
        Assert.DoesNotContain(lateId, before);
        Assert.Contains(lateId, added);
        Assert.DoesNotContain(lateId, disabled);
    }

    [Fact]
    public async Task Suggestions_exclude_conflicts_rank_by_field_then_load_and_disabled_experts_cannot_be_assigned()
    {
        var admin = await SignInAsync(fixture, "admin");
        await AddAsync(admin, Expert("ex.talent", "人才专家", "西华师范大学", "人才工作；乡村振兴；党的建设"));
        await AddAsync(admin, Expert("ex.rural", "乡村专家", "四川农业大学", "乡村振兴"));
        await AddAsync(admin, Expert("ex.history", "史学专家", "四川大学", "地方史"));
        await AddAsync(admin, Expert("ex.colleague", "同单位专家", PartySchoolBazhou, "人才工作"));
        await AddAsync(admin, Expert("ex.partner", "参与人同事", "四川文理学院", "人才工作"));
        await AddAsync(admin, Expert("ex.declared", "申报回避专家", "西南大学", "人才工作", conflicts: "杨卓"));
        await AddAsync(admin, Expert("ex.off", "停用专家", "重庆大学", "人才工作；乡村振兴"));
        var offId = await UserIdAsync(fixture, "ex.off");
        var list = await admin.GetAsync("/Admin/Experts?q=" + Uri.EscapeDataString("停用专家"));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(list, new Dictionary<string, string>(), $"tr[data-expert='ex.off'] form")).Status);

        var page = await OpenAsync(admin, AtIntake);
        var suggested = page.Document.QuerySelectorAll("[data-testid=expert-suggestions] tbody tr").Select(r => r.GetAttribute("data-expert")).ToList();
        var ids = new Dictionary<string, string>();
        foreach (var name in new[] { "ex.talent", "ex.rural", "ex.history", "ex.colleague", "ex.partner", "ex.declared", "expert.1", "expert.2", "expert.3" })
            ids[name] = await UserIdAsync(fixture, name);

        // Two fields matched, then one, then none; among the unmatched the lighter load first (expert.3 has one open).
        Assert.Equal(ids["ex.talent"], suggested[0]);
        Assert.Equal(ids["ex.rural"], suggested[1]);
        Assert.Equal(ids["expert.3"], suggested[^1]);
        Assert.Equal(
            new[] { ids["ex.talent"], ids["ex.rural"], ids["ex.history"], ids["expert.1"], ids["expert.2"], ids["expert.3"] }.Order(),
            suggested.Order());
        var load = page.Document.QuerySelector($"[data-testid=expert-suggestions] tr[data-expert='{ids["expert.3"]}'] [data-testid=load]")!.TextContent.Trim();
        Assert.Equal("1", load);

        var conflicts = page.Document.QuerySelectorAll("[data-testid=expert-conflicts] li").ToDictionary(li => li.GetAttribute("data-expert")!, li => li.TextContent);
        Assert.Contains("同属", conflicts[ids["ex.colleague"]]);
        Assert.Contains("参与人员李亚军", conflicts[ids["ex.partner"]]);
        Assert.Contains("申报回避“杨卓”", conflicts[ids["ex.declared"]]);
        Assert.DoesNotContain(offId, page.Html);

        // The server refuses them too, whatever the form sends.
        foreach (var refusedId in new[] { ids["ex.declared"], ids["ex.partner"], offId })
        {
            var refused = await PostFormAsync(admin, page, "assign", new Dictionary<string, string>
            {
                ["Input.ExpertIds[0]"] = ids["ex.talent"], ["Input.ExpertIds[1]"] = refusedId, ["Input.ChiefExpertId"] = ids["ex.talent"],
            });
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.Equal("FederationIntake", (await LoadAsync(fixture, AtIntake)).Status.ToString());
        }
        await PostFormAsync(admin, page, "assign", new Dictionary<string, string>
        {
            ["Input.ExpertIds[0]"] = ids["ex.talent"], ["Input.ExpertIds[1]"] = ids["ex.rural"], ["Input.ChiefExpertId"] = ids["ex.talent"],
        });
        Assert.Equal("ExpertReview", (await LoadAsync(fixture, AtIntake)).Status.ToString());

        var audit = await DeskKit.StaffAuditAsync(fixture);
        Assert.Equal(7, audit.Count(e => e.Action == nameof(StaffAction.ExpertAdded)));
        Assert.Contains(audit, e => e.Action == nameof(StaffAction.ExpertDisabled) && e.Note.Contains("ex.off"));
    }
}

/// <summary>
/// 专家库 edits and imports, on a portal of their own: they change experts (fields, a new one) that the suggestions
/// above rank, so sharing a portal would make those tests pass or fail by the order they run in.
/// </summary>
public class ExpertPoolEditingTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string ImportPage = "/Admin/Experts/Import";

    private static Dictionary<string, object> Row(string userName, string name, string unit, string fields, string conflicts = "") => new()
    {
        [ExpertSheet.UserName] = userName, [ExpertSheet.Name] = name, [ExpertSheet.WorkUnit] = unit, [ExpertSheet.Title] = "研究员",
        [ExpertSheet.Fields] = fields, [ExpertSheet.Phone] = "13800000000", [ExpertSheet.Email] = "", [ExpertSheet.Conflicts] = conflicts,
    };

    [Fact]
    public async Task An_expert_is_edited_and_the_change_is_audited()
    {
        var admin = await SignInAsync(portal, "admin");
        var id = await UserIdAsync(portal, "expert.2");
        var edit = await admin.GetAsync($"/Admin/Experts/Edit/{id}");
        Assert.Equal(HttpStatusCode.OK, edit.Status);
        var invalid = await admin.SubmitAsync(edit, new Dictionary<string, string> { ["Input.Fields"] = "", ["Input.Email"] = "not-an-email" }, "form[data-form=expert]");
        Assert.Equal(HttpStatusCode.OK, invalid.Status);
        Assert.Contains("请至少填写一个研究领域", invalid.Text);
        Assert.Contains("电子邮箱格式不正确", invalid.Text);

        var saved = await admin.SubmitAsync(edit, new Dictionary<string, string> { ["Input.Fields"] = "区域经济；县域发展", ["Input.ProfessionalTitle"] = "副教授" }, "form[data-form=expert]");
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var profile = await portal.WithDbAsync(db => db.ExpertProfiles.SingleAsync(p => p.UserId == id));
        Assert.Equal("区域经济；县域发展", profile.Fields);
        Assert.Equal(DemoUnitOfExpert2, profile.WorkUnit);
        Assert.Contains(await DeskKit.StaffAuditAsync(portal), e => e.Action == nameof(StaffAction.ExpertEdited) && e.Note.Contains("expert.2") && e.Note.Contains("区域经济"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Admin/Experts/Edit/{await UserIdAsync(portal, "yangzhuo")}")).Status);
    }

    private const string DemoUnitOfExpert2 = "中共平昌县委党校";

    [Fact]
    public async Task Import_saves_every_row_or_none_and_reports_problems_by_row()
    {
        var admin = await SignInAsync(portal, "admin");
        var template = await admin.Client.GetAsync(ImportPage + "?handler=Template");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);

        var bad = await UploadAsync(admin, "专家.xlsx", Workbook(ExpertSheet.SheetName,
            Row("imp.one", "导入一", "四川大学", "党史"),
            Row("imp.two", "", "四川大学", "党史"),
            Row("imp.one", "导入三", "四川大学", "")), ImportPage);
        Assert.Equal(HttpStatusCode.OK, bad.Status);
        Assert.Contains("第 3 行 · 姓名：请输入姓名", bad.Text);
        Assert.Contains("第 4 行 · 研究领域", bad.Text);
        Assert.Contains("第 4 行 · 用户名：用户名 imp.one 与第 2 行重复", bad.Text);
        Assert.Null(await portal.WithDbAsync(db => db.Users.SingleOrDefaultAsync(u => u.UserName == "imp.one")));

        var good = await UploadAsync(admin, "专家.xlsx", Workbook(ExpertSheet.SheetName,
            Row("imp.one", "导入一", "四川大学", "党史；地方史"),
            Row("expert.1", "张立新", "中共巴中市委党校", "党的建设", conflicts: "BZ25YB027")), ImportPage);
        Assert.Equal(HttpStatusCode.OK, good.Status);
        Assert.Contains("新增 1 位，更新 1 位", good.Text);
        var imported = await portal.WithDbAsync(db => db.ExpertProfiles.Include(p => p.User).SingleAsync(p => p.User.UserName == "imp.one"));
        Assert.Equal("党史；地方史", imported.Fields);
        Assert.Null(imported.User.PasswordHash);
        var updated = await portal.WithDbAsync(db => db.ExpertProfiles.SingleAsync(p => p.User.UserName == "expert.1"));
        Assert.Equal("BZ25YB027", updated.DeclaredConflicts);
        Assert.Contains(await DeskKit.StaffAuditAsync(portal), e => e.Action == nameof(StaffAction.ExpertsImported) && e.Note.Contains("新增 1 位、更新 1 位"));
    }
}
