using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace BaZhouTalent.BrowserTests;

/// <summary>
/// The portal on a real Kestrel port (Development, demo data, its own SQLite file) and Debian's Chromium
/// driven by Playwright — the browser is the machine's own (/usr/bin/chromium), never a download.
/// </summary>
public class LivePortal : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "bazhoutalent-browser", Guid.NewGuid().ToString("N"));
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>The longest any wait may take before the test fails: far beyond a slow machine, short of CI's limit.</summary>
    private const float GuardMilliseconds = 120_000;

    public LivePortal() => UseKestrel(0);

    /// <summary>
    /// 市社科联 sign in with an authenticator code as installed: on in <see cref="SecureLivePortal"/>, off for the
    /// walkthroughs, which sign the federation in several times a minute while a code is good once.
    /// </summary>
    protected virtual bool RequireTwoFactor => false;

    /// <summary>Whether the portal starts with the demo programme (every state, as a newcomer's <c>dotnet run</c> shows).</summary>
    protected virtual bool DemoProgramme => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(folder);
        builder.UseEnvironment("Development");
        // The walkthroughs start from the demo accounts and the reference project alone, not the demo programme.
        builder.UseSetting("Seeding:DemoProgramme", DemoProgramme ? "true" : "false");
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(folder, "portal.db")}");
        builder.UseSetting("Logs:Directory", Path.Combine(folder, "logs"));
        // The walks expect the certificate at conclusion (no 结项公示 period).
        builder.UseSetting("Closure:Announcement:WorkingDays", "0");
        if (!RequireTwoFactor)
            builder.UseSetting("Security:TwoFactor:RequiredRoles:0", "");
    }

    public async Task InitializeAsync()
    {
        StartServer();
        using (var client = CreateClient()) BaseAddress = client.BaseAddress!;
        playwright = await Playwright.CreateAsync();
        // Every wait is for a condition (an element, a navigation, a text); the bound only ends a wedged run. Playwright's
        // 5 s and 30 s defaults are exceeded by a busy 2-core machine, so they are raised, not relied on.
        Assertions.SetDefaultExpectTimeout(GuardMilliseconds);
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            // Without these Chromium tries the network at start, which a closed intranet refuses.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                // Date and file pickers follow the browser's own language, not only the page's.
                "--lang=zh-CN"],
        });
    }

    /// <summary>A fresh browser context (its own cookies) at the given viewport width.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
        });
        context.SetDefaultTimeout(GuardMilliseconds);
        context.SetDefaultNavigationTimeout(GuardMilliseconds);
        return await context.NewPageAsync();
    }

    /// <summary>A fresh browser signed in as the demo account <paramref name="userName"/> through the sign-in form.</summary>
    public async Task<IPage> SignInAsync(string userName)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync("Bz2025demo");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        return page;
    }

    /// <summary>Keeps a screenshot of the page, so a failure can be looked at.</summary>
    public async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    public new async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        playwright?.Dispose();
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { /* a leftover temp folder is harmless */ }
    }
}
