using BaZhouTalent.BrowserTests.Workspace;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BaZhouTalent.BrowserTests.Polish;

/// <summary>The portal with the demo programme, so every page has the content a federation's year gives it.</summary>
public sealed class DemoLivePortal : LivePortal
{
    protected override bool DemoProgramme => true;
}

/// <summary>
/// Pages of a lived-in year looked at as their users see them (issue 23's smaller defects): 总览's muted text readable,
/// 结项管理's ten columns inside 1280 px, 五's own decision first and 暂缓结项 secondary at 390 px, the 免于鉴定 decision
/// with its 证明材料 and no grade preselected, 结项方式 in the step bar with headings under the section's title, and the
/// request decision page. Each page is scanned with axe (any serious or critical finding fails) and kept as a screenshot
/// under screenshots/polish/.
/// </summary>
public class DemoPagesTests(DemoLivePortal portal) : IClassFixture<DemoLivePortal>
{
    private readonly List<string> failures = [];

    [Fact]
    public async Task The_federations_pages_read_right_at_both_widths()
    {
        var admin = await SignInAsync("admin");

        await admin.GotoAsync("/Admin/Dashboard");
        await Expect(admin.GetByText("统计时间", new() { Exact = false })).ToBeVisibleAsync();
        await AuditAsync(admin, "dashboard");

        // 结项管理 at 1280 px: the table, 复制比 included, inside its card and the window.
        await admin.GotoAsync("/Programme");
        await Expect(admin.GetByRole(AriaRole.Columnheader, new() { Name = "复制比" })).ToBeVisibleAsync();
        var overflow = await admin.EvaluateAsync<string>("""
            () => {
              const table = document.querySelector('main table');
              const card = table.closest('.content-card').getBoundingClientRect();
              const last = [...table.querySelectorAll('th')].at(-1).getBoundingClientRect();
              const doc = document.documentElement;
              return last.right <= card.right && table.scrollWidth <= table.clientWidth + 1 && doc.scrollWidth <= doc.clientWidth + 1
                ? '' : `复制比 ends at ${Math.round(last.right)}px, card at ${Math.round(card.right)}px, page ${doc.scrollWidth}px in ${doc.clientWidth}px`;
            }
            """);
        Assert.True(overflow == "", overflow);
        await AuditAsync(admin, "programme");

        // 五 on a phone: the decision is the first primary button; 暂缓结项 comes after it, secondary.
        await admin.SetViewportSizeAsync(PageAudit.Phone, 900);
        await admin.GotoAsync("/Review/Act/BZ25YB010");
        var sign = admin.GetByRole(AriaRole.Button, new() { Name = "签署审核意见" });
        var defer = admin.GetByRole(AriaRole.Link, new() { Name = "暂缓结项" });
        await Expect(sign).ToBeVisibleAsync();
        Assert.Equal("签署审核意见", (await admin.Locator("main .btn-primary").First.InnerTextAsync()).Trim());
        await Expect(defer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("btn-outline-secondary"));
        Assert.True((await defer.BoundingBoxAsync())!.Y > (await sign.BoundingBoxAsync())!.Y, "暂缓结项 above the decision");
        await AuditAsync(admin, "federation-decide");

        // 审核免于鉴定申请: the 证明材料 are there to open; no grade is chosen for the reviewer.
        await admin.GotoAsync("/Review/Exemption/BZ25YB014");
        await Expect(admin.GetByTestId("exemption-proofs").GetByRole(AriaRole.Link).First).ToHaveAttributeAsync("href",
            new System.Text.RegularExpressions.Regex("^/applications/BZ25YB014/attachments/\\d+$"));
        Assert.Equal(0, await admin.Locator("input[name='Input.Grade']:checked").CountAsync());
        await AuditAsync(admin, "exemption-decision");

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task The_researcher_and_the_unit_see_the_exemption_step_and_the_request_choice()
    {
        var researcher = await SignInAsync("yangzhuo");
        await researcher.GotoAsync("/applications/BZ25YB027/edit/exemption");
        var steps = researcher.GetByRole(AriaRole.Navigation, new() { Name = "申请书各部分" });
        await Expect(steps.GetByRole(AriaRole.Link, new() { Name = "结项方式（免于鉴定）" })).ToHaveAttributeAsync("aria-current", "step");
        // The questions' legends read under the section's title, not above it.
        var sizes = await researcher.EvaluateAsync<double[]>("""
            () => [parseFloat(getComputedStyle(document.querySelector('h2.section-title')).fontSize),
                   ...[...document.querySelectorAll('main legend')].map(l => parseFloat(getComputedStyle(l).fontSize))]
            """);
        Assert.True(sizes.Length > 1 && sizes.Skip(1).All(s => s <= sizes[0]), $"section title {sizes[0]}px, legends {string.Join(", ", sizes.Skip(1))}px");
        await AuditAsync(researcher, "exemption-step");

        var unit = await SignInAsync("unit.njdx");
        await unit.GotoAsync("/Requests/Unit");
        await unit.GetByRole(AriaRole.Link, new() { Name = "办理" }).First.ClickAsync();
        var choices = unit.GetByRole(AriaRole.Group, new() { Name = "办理意见" }).GetByRole(AriaRole.Radio);
        await Expect(choices).ToHaveCountAsync(2);
        foreach (var choice in await choices.AllAsync())
            await Expect(choice).Not.ToBeCheckedAsync();
        await AuditAsync(unit, "request-decision");

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private async Task AuditAsync(IPage page, string name)
    {
        foreach (var width in new[] { PageAudit.Desktop, PageAudit.Phone })
        {
            await page.SetViewportSizeAsync(width, 900);
            failures.AddRange((await PageAudit.AxeFailuresAsync(page)).Select(f => $"{name} @ {width}px: {f}"));
            if (width == PageAudit.Phone)
                failures.AddRange((await PageAudit.NarrowLayoutFailuresAsync(page)).Select(f => $"{name} @ {width}px: {f}"));
            await portal.ScreenshotAsync(page, $"polish/{name}-{width}");
        }
        await page.SetViewportSizeAsync(PageAudit.Desktop, 900);
    }

    private Task<IPage> SignInAsync(string userName) => portal.SignInAsync(userName);
}
