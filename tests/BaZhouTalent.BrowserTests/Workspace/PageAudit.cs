using System.Globalization;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace BaZhouTalent.BrowserTests.Workspace;

/// <summary>
/// Looks at a page as its users would on a desk and on a phone: an axe-core scan at 1280 px and at 390 px
/// (any critical or serious violation is a failure), at 390 px no sideways scrolling and no table cell
/// narrower than six characters (measured from the rendered boxes), and a screenshot at both widths under
/// the test output's <c>screenshots/workspace/</c>.
/// </summary>
public sealed class PageAudit(LivePortal portal)
{
    public const int Desktop = 1280;
    public const int Phone = 390;

    // WCAG 2.0–2.2 A/AA (2.2 brings target-size) and Deque's best practices; only violations are collected.
    private const string AxeOptions = """
        { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
          resultTypes: ['violations'] }
        """;

    /// <summary>axe-core as bundled with Deque's package (the same version its Playwright integration injects).</summary>
    private static readonly Lazy<string> AxeScript = new(() => new BundledAxeScriptProvider().GetScript());

    private readonly List<string> failures = [];
    private int pageNo;

    public IReadOnlyList<string> Failures => failures;

    /// <summary>Number of pages audited, so a test can show it looked at the chain and not at nothing.</summary>
    public int Pages => pageNo;

    /// <summary>Audits the page at both widths and leaves it at the desktop width.</summary>
    public async Task CheckAsync(IPage page, string name)
    {
        pageNo++;
        var label = string.Create(CultureInfo.InvariantCulture, $"{pageNo:00}-{name}");
        foreach (var width in new[] { Desktop, Phone })
        {
            await page.SetViewportSizeAsync(width, 900);
            var where = string.Create(CultureInfo.InvariantCulture, $"{label} @ {width}px ({page.Url})");
            failures.AddRange((await AxeFailuresAsync(page)).Select(f => $"{where}: {f}"));
            if (width == Phone)
                failures.AddRange((await NarrowLayoutFailuresAsync(page)).Select(f => $"{where}: {f}"));
            await portal.ScreenshotAsync(page, string.Create(CultureInfo.InvariantCulture, $"workspace/{label}-{width}"));
        }
        await page.SetViewportSizeAsync(Desktop, 900);
    }

    /// <summary>
    /// axe-core run in the page itself. Deque's <c>RunAxe</c> finishes every scan in a new blank page (made for
    /// cross-origin frames, which the portal has none of) and took four times as long: 2.2 s a scan, 40% of the
    /// browser tests' time on a 2-core machine.
    /// </summary>
    public static async Task<IReadOnlyList<string>> AxeFailuresAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            await page.EvaluateAsync(AxeScript.Value);
        var json = await page.EvaluateAsync<string>($$"""
            async () => JSON.stringify((await axe.run(document, {{AxeOptions}})).violations
              .filter(v => v.impact === 'critical' || v.impact === 'serious')
              .map(v => `axe ${v.impact} ${v.id}: ${v.help} — ` +
                v.nodes.slice(0, 3).map(n => `${n.target.join(' ')} ${n.html}`).join(' | ')))
            """);
        return JsonSerializer.Deserialize<List<string>>(json) ?? [];
    }

    /// <summary>Sideways scrolling, and table cells narrower than six characters of their own font size.</summary>
    public static async Task<IReadOnlyList<string>> NarrowLayoutFailuresAsync(IPage page)
    {
        var json = await page.EvaluateAsync<string>("""
            () => {
              const problems = [];
              const doc = document.documentElement;
              if (doc.scrollWidth > doc.clientWidth + 1)
                problems.push(`page scrolls sideways: content ${doc.scrollWidth}px wide in a ${doc.clientWidth}px window`);
              for (const cell of document.querySelectorAll('td, th')) {
                const box = cell.getBoundingClientRect();
                if (box.width === 0 || box.height === 0) continue;   // not rendered (e.g. a phone table's hidden head)
                const style = getComputedStyle(cell);
                if (style.visibility === 'hidden') continue;
                const content = box.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
                  - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth);
                const sixCharacters = 6 * parseFloat(style.fontSize);
                if (content + 0.5 < sixCharacters)
                  problems.push(`table cell ${Math.round(content)}px wide, under 6 characters (${sixCharacters}px): “${cell.innerText.trim().slice(0, 30)}”`);
              }
              return JSON.stringify(problems);
            }
            """);
        return JsonSerializer.Deserialize<List<string>>(json) ?? [];
    }
}
