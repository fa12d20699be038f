using BaZhouTalent.Application.Domain;
using BaZhouTalent.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BaZhouTalent.BrowserTests.Workspace;

/// <summary>
/// The federation's year beyond one chain, on the demo programme (applications waiting at intake and with the
/// experts): a 项目变更 asked by the researcher, agreed by the unit and approved by the federation, shown as 现 in the
/// closure form's 变更情况; an expert declining an assignment (谢绝鉴定); and the federation's 一键分配 confirmed in one
/// step. Every new page is audited at 1280 and 390 px (axe: no critical or serious violation).
/// </summary>
public class AssignmentWalkTests(AssignmentWalkTests.DemoPortal portal) : IClassFixture<AssignmentWalkTests.DemoPortal>
{
    public sealed class DemoPortal : LivePortal
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Seeding:DemoProgramme", "true");
        }
    }

    private const string Code = "BZ25YB027";
    private const string Password = "Bz2025demo";
    private const string NewTitle = "巴中市巴州区人才创新集聚地建设路径研究";

    private readonly PageAudit audit = new(portal);

    [Fact]
    public async Task A_change_request_a_decline_and_a_batch_assignment_complete_in_the_browser_and_pass_the_audit()
    {
        // 1. 项目变更: the researcher asks to change the title, from the project's page.
        var researcher = await SignInAsync("yangzhuo");
        await researcher.GotoAsync($"/projects/{Code}");
        await researcher.GetByRole(AriaRole.Link, new() { Name = "申请项目变更" }).ClickAsync();
        await audit.CheckAsync(researcher, "change-request-form");
        await researcher.GetByLabel("变更项目名称").CheckAsync();
        await researcher.GetByLabel("变更后的项目名称（结项成果名称）").FillAsync(NewTitle);
        await researcher.GetByRole(AriaRole.Textbox, new() { Name = "变更理由" }).FillAsync("研究聚焦人才集聚路径，题目据此调整。");
        await researcher.GetByRole(AriaRole.Button, new() { Name = "提交变更申请" }).ClickAsync();
        await Expect(researcher.GetByRole(AriaRole.Status)).ToBeVisibleAsync();

        // The unit agrees, the federation approves, each from their 申请事项 list.
        await DecideAsync("unit.bzdx", "/Requests/Unit", "单位同意", "change-unit-agree");
        await DecideAsync("admin", "/Requests/Federation", "批准", "change-federation-approve");

        // The closure form's 变更情况 shows the approved title as 现, marked with the approval.
        researcher = await SignInAsync("yangzhuo");
        await researcher.GotoAsync($"/applications/{Code}");
        await Expect(researcher.GetByText(NewTitle).First).ToBeVisibleAsync();
        await Expect(researcher.GetByText("经市社科联批准变更").First).ToBeVisibleAsync();
        await audit.CheckAsync(researcher, "change-approved-in-form");

        // 2. An expert declines one of their assignments, from 待办: one of the demo's experts who has not appraised yet.
        var (expertName, assigned) = await ExpertStillToAppraiseAsync();
        var expert = await SignInAsync(expertName);
        await expert.GetByRole(AriaRole.Row).Filter(new() { HasText = assigned }).GetByRole(AriaRole.Link).First.ClickAsync();
        await expert.WaitForURLAsync($"**/Review/Act/{assigned}");
        await expert.GetByRole(AriaRole.Link, new() { Name = "谢绝鉴定" }).ClickAsync();
        await expert.WaitForURLAsync("**/Review/Decline/**");
        var declined = expert.Url[(expert.Url.LastIndexOf('/') + 1)..];
        await audit.CheckAsync(expert, "expert-decline");
        await expert.GetByRole(AriaRole.Group, new() { Name = "谢绝原因" }).GetByLabel("无法按期").CheckAsync();
        await expert.GetByLabel("说明（仅市社科联可见）").FillAsync("近期承担省级课题结题工作，无法在时限内完成鉴定。");
        await expert.GetByRole(AriaRole.Button, new() { Name = "谢绝鉴定" }).ClickAsync();
        await Expect(expert.GetByRole(AriaRole.Status)).ToContainTextAsync("已谢绝鉴定");

        // 3. The federation is told, and assigns every waiting application in one step (一键分配).
        var federation = await SignInAsync("admin");
        await federation.GotoAsync("/Notices");
        await Expect(federation.GetByText($"结项申请 {declined} 鉴定专家谢绝鉴定，请补充分配")).ToBeVisibleAsync();
        await federation.GotoAsync("/Review/Federation");
        await federation.GetByRole(AriaRole.Link, new() { Name = "一键分配鉴定专家" }).ClickAsync();
        var rows = federation.GetByTestId("batch-rows").Locator("tbody tr");
        await Expect(rows.Filter(new() { HasText = declined })).ToContainTextAsync("本轮保留");
        await audit.CheckAsync(federation, "federation-batch-assign");
        await portal.ScreenshotAsync(federation, "batch-assign-1280");
        var waiting = await rows.CountAsync();
        Assert.True(waiting >= 2, $"{waiting} rows");
        await federation.GetByRole(AriaRole.Button, new() { Name = "确认分配本页勾选的申请" }).ClickAsync();
        await Expect(federation.GetByRole(AriaRole.Status)).ToContainTextAsync("已分配");
        await audit.CheckAsync(federation, "federation-batch-done");

        Assert.True(audit.Pages >= 6, $"only {audit.Pages} pages audited");
        Assert.True(audit.Failures.Count == 0, string.Join("\n", audit.Failures));
    }

    /// <summary>Who to sign in as (not how to act): an expert of an application with the experts who has not appraised.</summary>
    private async Task<(string UserName, string Code)> ExpertStillToAppraiseAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var found = await (from a in db.ClosureApplications
                      where a.Status == ApplicationStatus.ExpertReview
                      from e in a.ExpertAssignments
                      where e.Round == a.Round && !a.Opinions.Any(o => o.Round == a.Round && o.SignerUserId == e.ExpertUserId)
                      join u in db.Users on e.ExpertUserId equals u.Id
                      orderby u.UserName
                      select new { u.UserName, a.Project.Code }).FirstAsync();
        return (found.UserName!, found.Code);
    }

    /// <summary>Opens the request from the waiting list and decides it: the page offers the choices equally, none chosen.</summary>
    private async Task DecideAsync(string user, string list, string choice, string name)
    {
        var page = await SignInAsync(user);
        await page.GotoAsync(list);
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = Code }).GetByRole(AriaRole.Link, new() { Name = "办理" }).ClickAsync();
        await audit.CheckAsync(page, name);
        await page.GetByRole(AriaRole.Radio, new() { Name = choice, Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交办理意见" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
    }

    private async Task<IPage> SignInAsync(string userName)
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "待办事项", Exact = true })).ToBeVisibleAsync();
        return page;
    }
}
