namespace BaZhouTalent.BrowserTests.Workspace;

/// <summary>The audit's axe scan reports what is there: a clean page passes, planted faults are named.</summary>
public class PageAuditTests(LivePortal portal) : IClassFixture<LivePortal>
{
    [Fact]
    public async Task The_axe_scan_passes_the_sign_in_page_and_names_an_image_without_text_and_a_field_without_a_label()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        Assert.Empty(await PageAudit.AxeFailuresAsync(page));

        await page.EvaluateAsync("""
            () => document.querySelector('main').insertAdjacentHTML('beforeend',
              '<img src="/favicon.ico" id="planted-image"><input type="text" id="planted-field">')
            """);
        var failures = await PageAudit.AxeFailuresAsync(page);

        Assert.Contains(failures, f => f.StartsWith("axe critical image-alt", StringComparison.Ordinal) && f.Contains("#planted-image", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains(" label: ", StringComparison.Ordinal) && f.Contains("#planted-field", StringComparison.Ordinal));
    }
}
