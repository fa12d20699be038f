using BaZhouTalent.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.IntegrationTests.Hardening;

/// <summary>Starting the portal as real processes: two at once on a new database, and starts that must be refused.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "bazhoutalent-tests", Guid.NewGuid().ToString("N"));

    public StartupTests() => Directory.CreateDirectory(folder);

    private string DatabasePath => Path.Combine(folder, "portal.db");

    [Fact]
    public async Task Two_instances_started_at_once_on_a_new_database_both_come_up_with_one_copy_of_each_seed_row()
    {
        using var first = PortalProcess.Start(DatabasePath);
        using var second = PortalProcess.Start(DatabasePath);

        var up = await Task.WhenAll(first.WaitUntilHealthyAsync(), second.WaitUntilHealthyAsync());

        Assert.True(up[0], "first instance did not come up:\n" + first.Output);
        Assert.True(up[1], "second instance did not come up:\n" + second.Output);
        await using var db = PortalProcess.OpenDatabase(DatabasePath);
        await AssertEachSeedRowOnceAsync(db);
    }

    /// <summary>Every seed row once: as many rows as distinct keys, and as many as one instance alone seeds.</summary>
    internal static async Task AssertEachSeedRowOnceAsync(Infrastructure.Data.AppDbContext db)
    {
        Assert.Equal((6, 6), (await db.Regions.CountAsync(), await db.Regions.Select(r => r.Name).Distinct().CountAsync()));
        Assert.Equal(await db.ProjectCategories.Select(c => c.Code).Distinct().CountAsync(), await db.ProjectCategories.CountAsync());
        Assert.Equal((4, 4), (await db.Units.CountAsync(), await db.Units.Select(u => u.Name).Distinct().CountAsync()));
        Assert.Equal((7, 7), (await db.Users.CountAsync(), await db.Users.Select(u => u.NormalizedUserName).Distinct().CountAsync()));
        Assert.Equal(7, await db.UserRoles.CountAsync());
        Assert.Equal(await db.Roles.Select(r => r.NormalizedName).Distinct().CountAsync(), await db.Roles.CountAsync());
        Assert.Equal(1, await db.FundedProjects.CountAsync());
        Assert.Equal(1, await db.ClosureApplications.CountAsync());
    }

    [Theory]
    [InlineData(0, "is empty (0 bytes)")]
    [InlineData(4096, "is not a SQLite database")]
    public async Task A_database_file_that_is_empty_or_damaged_stops_the_start_with_one_clear_line(int bytes, string reason)
    {
        await File.WriteAllBytesAsync(DatabasePath, Enumerable.Repeat((byte)0x5A, bytes).ToArray());

        using var portal = PortalProcess.Start(DatabasePath);
        var exitCode = await portal.WaitForExitAsync();

        Assert.Equal(1, exitCode);
        var lines = portal.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var failure = Assert.Single(lines, l => l.StartsWith("BaZhouTalent could not start:", StringComparison.Ordinal));
        Assert.Contains(reason, failure);
        Assert.DoesNotContain(lines, l => l.StartsWith("at ", StringComparison.Ordinal) || l.Contains("Unhandled exception", StringComparison.Ordinal));
        // Nothing was written into the refused file.
        Assert.Equal(bytes, new FileInfo(DatabasePath).Length);
    }

    [Fact]
    public async Task Outside_development_the_start_is_refused_without_a_certificate_for_the_sign_in_keys()
    {
        using var portal = PortalProcess.Start(DatabasePath, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Database:FirstTimeSetup"] = "true", ["Portal:PublicBaseUrl"] = "https://skl.bazhong.example.cn",
        });

        Assert.Equal(1, await portal.WaitForExitAsync());
        Assert.Contains("DataProtection:CertificatePath is required outside Development", portal.Output);
        Assert.False(File.Exists(DatabasePath), "a database was made before the settings were checked");
    }

    [Fact]
    public async Task Outside_development_a_missing_data_folder_stops_the_start_unless_a_first_time_set_up_is_asked_for()
    {
        var unmounted = Path.Combine(folder, "volume", "portal.db");
        var production = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Portal:PublicBaseUrl"] = "https://skl.bazhong.example.cn",
            ["DataProtection:CertificatePath"] = TestCertificates.DataProtectionPfx(folder),
            ["DataProtection:CertificatePassword"] = TestCertificates.Password,
        };

        using (var refused = PortalProcess.Start(TestDatabase.SqliteFile(unmounted), folder, production))
        {
            Assert.Equal(1, await refused.WaitForExitAsync());
            var failure = Assert.Single(refused.Output.Split('\n'), l => l.StartsWith("BaZhouTalent could not start:", StringComparison.Ordinal));
            Assert.Contains("does not exist (is the volume mounted?)", failure);
            Assert.False(Directory.Exists(Path.GetDirectoryName(unmounted)), "the missing data folder was created");
        }

        production["Database:FirstTimeSetup"] = "true";
        using var first = PortalProcess.Start(TestDatabase.SqliteFile(unmounted), folder, production);
        Assert.True(await first.WaitUntilHealthyAsync(), first.Output);
        Assert.True(File.Exists(unmounted));
    }

    [Fact]
    public async Task Outside_development_the_start_refuses_without_the_public_address_printed_under_every_code()
    {
        using var portal = PortalProcess.Start(DatabasePath, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Portal__PublicBaseUrl"] = "",
        });

        Assert.Equal(1, await portal.WaitForExitAsync());
        var failure = Assert.Single(portal.Output.Split('\n'), l => l.StartsWith("BaZhouTalent could not start:", StringComparison.Ordinal));
        Assert.Contains("Portal:PublicBaseUrl", failure);
        Assert.False(File.Exists(DatabasePath));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { /* a leftover temp folder is harmless */ }
    }
}

/// <summary>The SQLite file deleted or made read-only under a running portal: writes fail loudly and /healthz says so.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DatabaseGoneTests
{
    public static TheoryData<string> Losses => ["deleted", "read-only"];

    [Theory]
    [MemberData(nameof(Losses))]
    public async Task Writes_fail_loudly_and_healthz_answers_503(string loss)
    {
        using var portal = new PortalFactory();
        var browser = await Researcher.Researchers.SignInAsync(portal);
        var page = await browser.GetAsync("/applications/" + Researcher.Researchers.Code + "/edit/report");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await browser.Client.GetAsync("/healthz")).StatusCode);

        // No pool clearing: the portal's open connections must not carry on writing into a file that is gone.
        if (loss == "deleted") File.Delete(portal.DatabasePath);
        else File.SetUnixFileMode(portal.DatabasePath, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var save = await Researcher.Forms.PostAsync(browser, page, new Dictionary<string, string?> { ["Input.ReportText"] = "写入一个已不存在的数据库" });

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, save.Status);
        Assert.True(save.Text.Contains("系统出错", StringComparison.Ordinal), save.Html);
        // As a load balancer asks: without a sign-in cookie.
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, (await portal.CreateClient().GetAsync("/healthz")).StatusCode);
        if (loss == "deleted")
        {
            Assert.False(File.Exists(portal.DatabasePath), "a new empty database was created in the lost one's place");
        }
        else
        {
            File.SetUnixFileMode(portal.DatabasePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            Assert.DoesNotContain("写入一个已不存在的数据库", (await Researcher.Researchers.LoadAsync(portal)).ReportText);
        }
    }
}
