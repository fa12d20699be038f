using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BaZhouTalent.BrowserTests;

/// <summary>
/// The closure as people do it, in Chromium: the researcher completes the declaration and submits, the unit
/// reviewer signs section 二, the county federation signs 三. Screenshots of every page are kept.
/// </summary>
public class ClosureWalkthroughTests(LivePortal portal) : IClassFixture<LivePortal>
{
    private const string Code = "BZ25YB027";

    [Fact]
    public async Task Researcher_submits_and_the_unit_and_county_sign_in_turn()
    {
        var researcher = await SignInAsync("yangzhuo");
        await researcher.GotoAsync($"/applications/{Code}/edit/cover");
        await researcher.Locator("#classified-no").CheckAsync();
        await researcher.Locator("#Input_DeclarationConfirmed").CheckAsync();
        await portal.ScreenshotAsync(researcher, "1-researcher-cover");
        await researcher.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();

        await researcher.GotoAsync($"/applications/{Code}/submit");
        await portal.ScreenshotAsync(researcher, "2-researcher-submit");
        await researcher.GetByRole(AriaRole.Button, new() { Name = "提交结项申请" }).ClickAsync();
        await researcher.WaitForURLAsync($"**/applications/{Code}");
        await Expect(researcher.GetByText("待单位审核").First).ToBeVisibleAsync();
        await portal.ScreenshotAsync(researcher, "3-researcher-submitted");

        var unit = await SignInAsync("unit.bzdx");
        await unit.GetByRole(AriaRole.Link, new() { Name = "单位审核" }).First.ClickAsync();
        await unit.Locator($"a[href='/Review/Act/{Code}']").First.ClickAsync();
        var unitForm = unit.Locator("form[data-form=unit]");
        await unitForm.GetByLabel("无").CheckAsync();
        await unitForm.GetByLabel("是").CheckAsync();
        await unitForm.GetByLabel("审核意见").FillAsync("经审核，该成果无政治导向问题，质量符合预期研究目标，同意报送。");
        await portal.ScreenshotAsync(unit, "4-unit-act");
        await unitForm.GetByRole(AriaRole.Button, new() { Name = "签署并报送" }).ClickAsync();
        await Expect(unit.GetByText("待县区社科联审核").First).ToBeVisibleAsync();

        var county = await SignInAsync("skl.bazhou");
        await county.GotoAsync($"/Review/Act/{Code}");
        var countyForm = county.Locator("form[data-form=county]");
        await countyForm.GetByLabel("无").CheckAsync();
        await countyForm.GetByLabel("是").CheckAsync();
        await countyForm.GetByLabel("审核意见").FillAsync("同意结项。");
        await countyForm.GetByLabel("负责人签字").FillAsync("王主任");
        await countyForm.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(county.GetByText("待市社科联受理").First).ToBeVisibleAsync();
        await county.GotoAsync($"/Review/History/{Code}");
        await portal.ScreenshotAsync(county, "5-county-history");
        await Expect(county.GetByText("单位审核通过").First).ToBeVisibleAsync();
    }

    private Task<IPage> SignInAsync(string userName) => portal.SignInAsync(userName);
}
