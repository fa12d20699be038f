using BaZhouTalent.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BaZhouTalent.BrowserTests.Workspace;

/// <summary>
/// The whole closure through the real pages, every role moving only through links a user clicks from
/// 待办事项, elements found by their visible Chinese names. The researcher works with the keyboard alone
/// (choosing the Word file is the one mouse-free exception a picker allows); the unit returns the
/// application once; then unit, county, federation intake with three experts, three appraisals, the chief
/// expert's combined appraisal and final approval. Every page is audited at 1280 and 390 px.
/// </summary>
public class WorkspaceChainTests(LivePortal portal) : IClassFixture<LivePortal>
{
    private const string Code = "BZ25YB027";
    private const string Password = "Bz2025demo";

    private readonly PageAudit audit = new(portal);

    [Fact]
    public async Task Every_role_completes_the_closure_from_the_to_do_queue_and_every_page_passes_the_audit()
    {
        // 1. The researcher, keyboard only: fill every section, import a .docx, submit.
        var researcher = await SignInAsync("yangzhuo");
        await OpenFromQueueAsync(researcher, "完善并提交结项申请");
        await audit.CheckAsync(researcher, "researcher-submit-check");
        await researcher.GetByRole(AriaRole.Navigation, new() { Name = "申请书各部分" })
            .GetByRole(AriaRole.Link, new() { Name = "封面与声明" }).ClickAsync();
        await audit.CheckAsync(researcher, "researcher-cover");
        await FillCoverByKeyboardAsync(researcher);

        await researcher.WaitForURLAsync($"**/applications/{Code}/edit/changes");
        await audit.CheckAsync(researcher, "researcher-changes");
        await AddParticipantByKeyboardAsync(researcher);
        await audit.CheckAsync(researcher, "researcher-changes-new-row");
        await PressAsync(researcher, researcher.GetByRole(AriaRole.Button, new() { Name = "保存并继续" }), "Enter");

        await researcher.WaitForURLAsync($"**/applications/{Code}/edit/report");
        await ImportReportByKeyboardAsync(researcher);
        await audit.CheckAsync(researcher, "researcher-report-imported");
        await PressAsync(researcher, researcher.GetByRole(AriaRole.Button, new() { Name = "保存并继续" }), "Enter");

        // Attachments are optional: the step is passed over to the check.
        await researcher.WaitForURLAsync($"**/applications/{Code}/edit/attachments");
        await audit.CheckAsync(researcher, "researcher-attachments");
        await PressAsync(researcher, researcher.GetByRole(AriaRole.Link, new() { Name = "下一步：检查并提交" }), "Enter");

        await researcher.WaitForURLAsync($"**/applications/{Code}/submit");
        await PressAsync(researcher, researcher.GetByRole(AriaRole.Button, new() { Name = "提交结项申请" }), "Enter");
        await researcher.WaitForURLAsync($"**/applications/{Code}");
        await Expect(researcher.GetByText("待单位审核").First).ToBeVisibleAsync();
        await audit.CheckAsync(researcher, "researcher-submitted");

        // 2. The unit returns it; the change table shows the new participant marked as changed.
        var unit = await SignInAsync("unit.bzdx");
        await audit.CheckAsync(unit, "unit-queue");
        await OpenFromQueueAsync(unit, "单位审核");
        var changes = unit.GetByRole(AriaRole.Region, new() { Name = "一、项目变更情况数据表" });
        await Expect(changes.GetByRole(AriaRole.Row).Filter(new() { HasText = "王晓明" })).ToContainTextAsync("已变更");
        await Expect(changes).ToContainTextAsync("A、是");
        await audit.CheckAsync(unit, "unit-act");
        var returnForm = FormHeaded(unit, "退回修改");
        await returnForm.GetByLabel("退回理由").FillAsync("请补充王晓明的职称证明材料，并核对联系电话。");
        await returnForm.GetByRole(AriaRole.Button, new() { Name = "退回申请人修改" }).ClickAsync();
        await Expect(unit.GetByText("被退回").First).ToBeVisibleAsync();

        // 3. The researcher's queue says what to fix and leads to the reason; resubmit.
        researcher = await SignInAsync("yangzhuo");
        var returnedRow = QueueRow(researcher, "按退回意见修改后重新提交");
        await Expect(returnedRow).ToContainTextAsync("请补充王晓明的职称证明材料");
        await audit.CheckAsync(researcher, "researcher-queue-returned");
        await OpenFromQueueAsync(researcher, "按退回意见修改后重新提交");
        Assert.EndsWith("#return-reason", researcher.Url);
        await Expect(researcher.GetByRole(AriaRole.Alert).Filter(new() { HasText = "退回修改意见" })).ToContainTextAsync("职称证明材料");
        await audit.CheckAsync(researcher, "researcher-returned-details");
        await researcher.GetByRole(AriaRole.Link, new() { Name = "检查并提交" }).First.ClickAsync();
        await researcher.GetByRole(AriaRole.Button, new() { Name = "提交结项申请" }).ClickAsync();
        await Expect(researcher.GetByText("待单位审核").First).ToBeVisibleAsync();

        // 4. Unit and county sign.
        unit = await SignInAsync("unit.bzdx");
        await OpenFromQueueAsync(unit, "单位审核");
        var unitForm = FormHeaded(unit, "二、申请人所在单位审核意见");
        await Choose(unitForm, "1. 成果有无政治导向问题或其他不宜公开出版的内容", "无");
        await Choose(unitForm, "2. 最终结果的内容质量是否符合预期研究目标", "是");
        await unitForm.GetByLabel("审核意见").FillAsync("经审核，该成果无政治导向问题，质量符合预期研究目标，同意报送。");
        await unitForm.GetByRole(AriaRole.Button, new() { Name = "签署并报送" }).ClickAsync();
        await Expect(unit.GetByText("待县区社科联审核").First).ToBeVisibleAsync();

        var county = await SignInAsync("skl.bazhou");
        await audit.CheckAsync(county, "county-queue");
        await OpenFromQueueAsync(county, "县区社科联审核");
        await audit.CheckAsync(county, "county-act");
        var countyForm = FormHeaded(county, "三、县（区）社科联意见");
        await Choose(countyForm, "1. 成果有无意识形态问题", "无");
        await Choose(countyForm, "2. 是否同意结项", "是");
        await countyForm.GetByLabel("审核意见").FillAsync("同意结项。");
        await countyForm.GetByLabel("负责人签字").FillAsync("王主任");
        await countyForm.GetByRole(AriaRole.Button, new() { Name = "签署并报送市社科联" }).ClickAsync();
        await Expect(county.GetByText("待市社科联受理").First).ToBeVisibleAsync();

        // 5. The city federation takes it in (受理) and assigns three experts, 张立新 as chief.
        var federation = await SignInAsync("admin");
        await Expect(federation.GetByRole(AriaRole.Heading, new() { Name = "受理（分配鉴定专家）" })).ToBeVisibleAsync();
        await audit.CheckAsync(federation, "federation-queue-intake");
        await OpenFromQueueAsync(federation, "受理并分配鉴定专家");
        var assign = FormHeaded(federation, "受理并分配鉴定专家");
        foreach (var expert in new[] { "张立新", "刘芳", "陈志强" })
            await assign.GetByLabel("选择 " + expert).CheckAsync();
        await assign.GetByLabel("张立新 为主审专家").CheckAsync();
        await audit.CheckAsync(federation, "federation-assign");
        await assign.GetByRole(AriaRole.Button, new() { Name = "受理并分配" }).ClickAsync();
        await Expect(federation.GetByText("专家鉴定中").First).ToBeVisibleAsync();

        // 6. Three appraisals; then the chief's queue says the combined appraisal is due.
        var grades = new[] { ("expert.1", "优秀"), ("expert.2", "良好"), ("expert.3", "良好") };
        foreach (var (expert, grade) in grades)
        {
            var page = await SignInAsync(expert);
            await OpenFromQueueAsync(page, "专家鉴定");
            if (expert == "expert.2") await audit.CheckAsync(page, "expert-act");
            var form = FormHeaded(page, "专家鉴定");
            await Choose(form, "1. 成果有无意识形态方面的问题", "否");
            await Choose(form, "2. 是否同意结项", "是");
            await Choose(form, "3. 鉴定等级", grade);
            await form.GetByLabel("鉴定意见").FillAsync("选题切合实际，论证较充分，同意结项。");
            await form.GetByRole(AriaRole.Button, new() { Name = "提交鉴定意见" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已提交鉴定意见");
        }

        var chief = await SignInAsync("expert.1");
        await audit.CheckAsync(chief, "chief-queue-combined-due");
        await OpenFromQueueAsync(chief, "综合鉴定（全部专家鉴定意见已到齐）");
        await audit.CheckAsync(chief, "chief-combine");
        var combine = FormHeaded(chief, "四、专家鉴定意见（主审专家综合）");
        await combine.GetByLabel("综合鉴定意见").FillAsync("三位专家一致同意结项，综合鉴定等级为良好。");
        await combine.GetByRole(AriaRole.Button, new() { Name = "签署综合鉴定意见" }).ClickAsync();
        await Expect(chief.GetByText("待市社科联审核").First).ToBeVisibleAsync();

        // 7. Final approval (审核), reached from the federation's queue.
        federation = await SignInAsync("admin");
        await Expect(federation.GetByRole(AriaRole.Heading, new() { Name = "审核（终审）" })).ToBeVisibleAsync();
        await audit.CheckAsync(federation, "federation-queue-review");
        await OpenFromQueueAsync(federation, "市社科联审核");
        await audit.CheckAsync(federation, "federation-decide");
        var decide = FormHeaded(federation, "五、市社科联审核意见");
        await Choose(decide, "审核结论", "同意结项（生成结项证书编号）");
        await decide.GetByLabel("审核意见").FillAsync("同意结项。");
        await decide.GetByRole(AriaRole.Button, new() { Name = "签署审核意见" }).ClickAsync();
        await Expect(federation.GetByText("已结项").First).ToBeVisibleAsync();
        await audit.CheckAsync(federation, "federation-concluded");
        await federation.GetByRole(AriaRole.Link, new() { Name = "审核历史" }).ClickAsync();
        await audit.CheckAsync(federation, "federation-history");

        Assert.True(audit.Pages >= 20, $"only {audit.Pages} pages audited");
        Assert.True(audit.Failures.Count == 0, string.Join("\n", audit.Failures));
    }

    private async Task<IPage> SignInAsync(string userName)
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        if (userName == "yangzhuo" && audit.Pages == 0) await audit.CheckAsync(page, "sign-in");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "待办事项", Exact = true })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>The queue row of the application that offers the given to-do.</summary>
    private static ILocator QueueRow(IPage page, string action) =>
        page.GetByRole(AriaRole.Row).Filter(new() { HasText = Code })
            .Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = action, Exact = true }) });

    /// <summary>From 待办事项, clicks the application's to-do — the only way the chain moves on to work.</summary>
    private static async Task OpenFromQueueAsync(IPage page, string action)
    {
        if (!page.Url.EndsWith('/'))
            await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "待办事项" }).ClickAsync();
        await QueueRow(page, action).GetByRole(AriaRole.Link, new() { Name = action, Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    private static ILocator FormHeaded(IPage page, string heading) =>
        page.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true }) });

    /// <summary>Picks an answer within the question's group, as a screen reader announces it: “question, group — answer”.</summary>
    private static Task Choose(ILocator form, string question, string answer) =>
        form.GetByRole(AriaRole.Group, new() { Name = question, Exact = true }).GetByLabel(answer, new() { Exact = true }).CheckAsync();

    private static async Task FillCoverByKeyboardAsync(IPage page)
    {
        await ChooseRadioByKeyboardAsync(page, page.GetByRole(AriaRole.Group, new() { Name = "成果是否涉及敏感问题或其他不宜公开出版的内容" }).GetByLabel("否"));
        await ChooseRadioByKeyboardAsync(page, page.GetByRole(AriaRole.Group, new() { Name = "成果是否涉密" }).GetByLabel("否"));
        var confirm = page.GetByLabel("本人作为项目负责人，确认以上声明属实。");
        await TabToAsync(page, confirm);
        if (!await confirm.IsCheckedAsync()) await page.Keyboard.PressAsync("Space");
        await Expect(confirm).ToBeCheckedAsync();
        await PressAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "保存并继续" }), "Enter");
    }

    /// <summary>添加一行 with the keyboard: the new row's first field takes the focus, and the row is typed in.</summary>
    private static async Task AddParticipantByKeyboardAsync(IPage page)
    {
        var rows = page.GetByRole(AriaRole.List, new() { Name = "现参与人员" }).GetByRole(AriaRole.Listitem);
        var before = await rows.CountAsync();
        var urlBefore = page.Url;
        await PressAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "添加一行" }), "Enter");
        await Expect(rows).ToHaveCountAsync(before + 1);
        var row = rows.Nth(before);
        await Expect(row.GetByLabel("姓名")).ToBeFocusedAsync();
        Assert.Equal(urlBefore, page.Url); // added in place, no reload
        await page.Keyboard.TypeAsync("王晓明");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("中共巴中市巴州区委党校");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("讲师");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("13800001234");
        await Expect(row.GetByLabel("联系电话")).ToHaveValueAsync("13800001234");
        await Expect(row.GetByLabel("单位")).ToHaveValueAsync("中共巴中市巴州区委党校");
    }

    private async Task ImportReportByKeyboardAsync(IPage page)
    {
        const string report = "乡村振兴背景下基层党校干部教育培训研究\n摘要：本文以巴州区为例，考察基层党校干部教育培训的现状与改进路径。\n关键词：乡村振兴；干部教育；党校\n一、问题的提出\n基层干部是乡村振兴的骨干力量。\n二、对策建议\n（一）完善培训内容\n围绕乡村振兴设计课程体系。";
        var file = Path.Combine(Path.GetTempPath(), $"最终成果-{Guid.NewGuid():N}.docx");
        await File.WriteAllBytesAsync(file, DocxFiles.FromMarkup(report));
        try
        {
            await page.GetByLabel("选择 .docx 文件").SetInputFilesAsync(file);
            await PressAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "导入", Exact = true }), "Enter");
            // The draft already holds a report: the portal asks first, the new outline beside the old.
            var confirm = page.GetByRole(AriaRole.Region, new() { Name = "导入的文档将替换当前的成果全文" });
            await Expect(confirm.GetByRole(AriaRole.Region, new() { Name = "导入的文档" })).ToContainTextAsync("乡村振兴背景下基层党校干部教育培训研究");
            await Expect(confirm.GetByRole(AriaRole.Region, new() { Name = "当前文本" })).ToContainTextAsync("巴中市巴州区加快建设人才创新集聚地研究");
            await audit.CheckAsync(page, "researcher-import-confirm");
            await PressAsync(page, confirm.GetByRole(AriaRole.Button, new() { Name = "替换为导入的内容" }), "Enter");
            await Expect(page.GetByText("已导入 Word 文档并保存")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Region, new() { Name = "历史版本" })).ToContainTextAsync("巴中市巴州区加快建设人才创新集聚地研究");
            await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "每段一行" })).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^乡村振兴背景下基层党校干部教育培训研究"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Moves the focus with Tab alone until it reaches <paramref name="target"/>.</summary>
    private static async Task TabToAsync(IPage page, ILocator target)
    {
        for (var presses = 0; presses < 120; presses++)
        {
            if (await target.EvaluateAsync<bool>("el => el === document.activeElement")) return;
            await page.Keyboard.PressAsync("Tab");
        }
        throw new InvalidOperationException($"Tab never reached {target}");
    }

    private static async Task PressAsync(IPage page, ILocator target, string key)
    {
        await TabToAsync(page, target);
        await page.Keyboard.PressAsync(key);
    }

    /// <summary>Tab reaches a radio group once; the arrow keys then move the choice within it.</summary>
    private static async Task ChooseRadioByKeyboardAsync(IPage page, ILocator radio)
    {
        for (var presses = 0; presses < 120; presses++)
        {
            if (await radio.EvaluateAsync<bool>("el => document.activeElement?.type === 'radio' && document.activeElement.name === el.name")) break;
            await page.Keyboard.PressAsync("Tab");
        }
        for (var moves = 0; moves < 6 && !await radio.IsCheckedAsync(); moves++)
        {
            if (await radio.EvaluateAsync<bool>("el => el === document.activeElement")) await page.Keyboard.PressAsync("Space");
            else await page.Keyboard.PressAsync("ArrowRight");
        }
        await Expect(radio).ToBeCheckedAsync();
    }
}
