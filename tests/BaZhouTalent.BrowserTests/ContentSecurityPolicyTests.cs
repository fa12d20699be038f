using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BaZhouTalent.BrowserTests;

/// <summary>
/// The pages still work under the Content-Security-Policy: the whole closure is walked in Chromium, role by role
/// (researcher, unit, county, city federation, three experts), every page of the chain visited and its forms
/// used, and any CSP violation (console report or securitypolicyviolation event) or script error fails the test.
/// </summary>
public class ContentSecurityPolicyTests(LivePortal portal) : IClassFixture<LivePortal>
{
    private const string Code = "BZ25YB027";

    private readonly List<string> problems = [];

    [Fact]
    public async Task Every_page_of_the_chain_runs_without_a_CSP_violation()
    {
        var anonymous = await OpenAsync();
        await VisitAsync(anonymous, "/Account/Login", "/verify", "/verify/NO-SUCH-CODE");

        var researcher = await SignInAsync("yangzhuo");
        await VisitAsync(researcher, "/", "/Projects", $"/applications/{Code}", $"/applications/{Code}/edit/changes",
            $"/applications/{Code}/edit/report", $"/applications/{Code}/edit/attachments", "/Account/ChangePassword");
        await researcher.GotoAsync($"/applications/{Code}/edit/cover");
        await researcher.Locator("#classified-no").CheckAsync();
        await researcher.Locator("#Input_DeclarationConfirmed").CheckAsync();
        await researcher.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await researcher.GotoAsync($"/applications/{Code}/submit");
        await researcher.GetByRole(AriaRole.Button, new() { Name = "提交结项申请" }).ClickAsync();
        await researcher.WaitForURLAsync($"**/applications/{Code}");

        var unit = await SignInAsync("unit.bzdx");
        await VisitAsync(unit, "/", "/Review/Unit", "/Programme", $"/Review/History/{Code}");
        await SignAsync(unit, "unit", "同意报送。");

        var county = await SignInAsync("skl.bazhou");
        await VisitAsync(county, "/", "/Review/County", "/Programme", $"/Review/History/{Code}");
        await SignAsync(county, "county", "同意结项。", form => form.Locator("[name='Input.PersonInCharge']").FillAsync("王主任"));

        var federation = await SignInAsync("admin");
        await VisitAsync(federation, "/", "/Review/Federation", "/Programme", "/Admin/Dashboard", $"/Review/History/{Code}", "/Admin/Projects",
            "/Admin/Projects/Create", "/Admin/Projects/Import", "/Admin/Units", "/Admin/Users", "/Admin/Users/Create");
        await federation.GotoAsync("/Admin/Dashboard");
        await federation.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await portal.ScreenshotAsync(federation, "csp-dashboard");
        await ResetIsConfirmedByTheScriptFileAsync(federation);
        await federation.GotoAsync($"/Review/Act/{Code}");
        var assign = federation.Locator("form[data-form=assign]");
        foreach (var box in await assign.Locator("input[name='Input.ExpertIds']:not([disabled])").AllAsync())
            await box.CheckAsync();
        // The pool ranks experts by field and load, so the chief is chosen by name, not by position.
        await assign.GetByLabel("张立新 为主审专家").CheckAsync();
        await assign.GetByRole(AriaRole.Button, new() { Name = "受理并分配" }).ClickAsync();
        await federation.WaitForLoadStateAsync();

        // expert.1 is the chief: the two others appraise first, the chief combines.
        foreach (var name in new[] { "expert.2", "expert.3", "expert.1" })
        {
            var expert = await SignInAsync(name);
            await VisitAsync(expert, "/", "/Review/Expert");
            await expert.GotoAsync($"/Review/Act/{Code}");
            var form = expert.Locator("form[data-form=appraise], form[data-form=combine]").First;
            await form.Locator("input[name='Input.HasProblem'][value=false]").CheckAsync();
            await form.Locator("input[name='Input.Agrees'][value=true]").CheckAsync();
            await form.Locator("input[name='Input.Grade']").First.CheckAsync();
            await form.Locator("[name='Input.Opinion']").FillAsync("成果达到预期目标，同意结项。");
            await form.GetByRole(AriaRole.Button).ClickAsync();
            await expert.WaitForLoadStateAsync();
        }

        // The chief appraises like the others (above), then signs the combined appraisal once all are in.
        var chief = await SignInAsync("expert.1");
        await chief.GotoAsync($"/Review/Act/{Code}");
        var combine = chief.Locator("form[data-form=combine]");
        await combine.Locator("[name='Input.Opinion']").FillAsync("三位专家一致同意结项。");
        await combine.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(chief.GetByText("待市社科联审核").First).ToBeVisibleAsync();

        await federation.GotoAsync($"/Review/Act/{Code}");
        var decide = federation.Locator("form[data-form=decide]");
        await decide.Locator("input[name='Input.Approve'][value=true]").CheckAsync();
        await decide.Locator("[name='Input.Opinion']").FillAsync("同意结项。");
        await decide.GetByRole(AriaRole.Button).ClickAsync();
        await federation.WaitForLoadStateAsync();
        await VisitAsync(federation, $"/Review/History/{Code}");

        await VisitAsync(researcher, "/", $"/applications/{Code}");
        await Expect(researcher.GetByText("已结项").First).ToBeVisibleAsync();
        await portal.ScreenshotAsync(researcher, "csp-researcher-closed");

        Assert.Empty(problems);
    }

    /// <summary>The confirmation moved from an onsubmit attribute to wwwroot/js/confirm.js: dismissing it keeps the form unsent.</summary>
    private async Task ResetIsConfirmedByTheScriptFileAsync(IPage page)
    {
        await page.GotoAsync("/Admin/Users/ResetPassword/expert.3");
        await page.Locator("#Input_NewPassword").FillAsync("Another2026");
        string? asked = null;
        page.Dialog += async (_, dialog) =>
        {
            asked = dialog.Message;
            await dialog.DismissAsync();
        };
        await page.GetByRole(AriaRole.Button, new() { Name = "确认重置" }).ClickAsync();
        Assert.Equal("确定重置账户“expert.3”的密码吗？", asked);
        Assert.EndsWith("/Admin/Users/ResetPassword/expert.3", page.Url);
    }

    private async Task SignAsync(IPage page, string formName, string opinion, Func<ILocator, Task>? more = null)
    {
        await page.GotoAsync($"/Review/Act/{Code}");
        var form = page.Locator($"form[data-form={formName}]");
        await form.Locator("input[name='Input.HasProblem'][value=false]").CheckAsync();
        await form.Locator("input[name='Input.Agrees'][value=true]").CheckAsync();
        await form.Locator("[name='Input.Opinion']").FillAsync(opinion);
        if (more is not null) await more(form);
        await form.GetByRole(AriaRole.Button).ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    private async Task VisitAsync(IPage page, params string[] paths)
    {
        foreach (var path in paths)
        {
            var response = await page.GotoAsync(path);
            Assert.True(response is not null && response.Status < 500, $"{path}: {response?.Status}");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }
    }

    private async Task<IPage> SignInAsync(string userName)
    {
        var page = await OpenAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync("Bz2025demo");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"));
        return page;
    }

    /// <summary>A page whose CSP reports and script errors are collected into <see cref="problems"/>.</summary>
    private async Task<IPage> OpenAsync()
    {
        var page = await portal.NewPageAsync();
        // Init scripts come from the test driver, not the page, so the CSP does not apply to this listener.
        await page.Context.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));");
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && (message.Text.Contains("Content Security Policy", StringComparison.Ordinal) || message.Text.StartsWith("CSP violation", StringComparison.Ordinal)))
                problems.Add($"{page.Url}: {message.Text}");
        };
        page.PageError += (_, error) => problems.Add($"{page.Url}: script error {error}");
        return page;
    }
}
