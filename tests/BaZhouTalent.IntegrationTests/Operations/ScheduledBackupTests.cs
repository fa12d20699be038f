using BaZhouTalent.Infrastructure.Backups;
using BaZhouTalent.IntegrationTests.Review;
using BaZhouTalent.IntegrationTests.Support;
using BaZhouTalent.IntegrationTests.Workspace;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace BaZhouTalent.IntegrationTests.Operations;

/// <summary>The daily backup on a clock the test moves: once a day, the oldest beyond Backup:Keep deleted, and 备份记录 shows the last.</summary>
public sealed class ScheduledBackupTests
{
    private sealed class BackedUpPortal : ClockedPortal
    {
        public string Backups => Path.Combine(Folder, "backups");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Backup:Directory", Backups);
            builder.UseSetting("Backup:Keep", "2");
            builder.UseSetting("Backup:DailyAt", "02:30");
        }
    }

    [Fact]
    public async Task The_daily_backup_is_taken_once_a_day_keeps_the_newest_and_its_result_is_shown()
    {
        using var portal = new BackedUpPortal();
        // 01:00 China time: before the hour.
        portal.Clock.SetUtcNow(new DateTimeOffset(2027, 12, 1, 1, 0, 0, TimeSpan.FromHours(8)));
        var schedule = portal.Services.GetRequiredService<ScheduledBackups>();
        Assert.False(await schedule.RunIfDueAsync(CancellationToken.None));

        for (var day = 0; day < 3; day++)
        {
            portal.Clock.SetUtcNow(new DateTimeOffset(2027, 12, 1 + day, 3, 0, 0, TimeSpan.FromHours(8)));
            Assert.True(await schedule.RunIfDueAsync(CancellationToken.None));
            portal.Clock.Advance(TimeSpan.FromHours(2));
            Assert.False(await schedule.RunIfDueAsync(CancellationToken.None));
        }

        var kept = Directory.GetDirectories(portal.Backups).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, kept.Count);
        Assert.All(kept, folder => Assert.True(File.Exists(Path.Combine(folder, BackupManifest.FileName))));
        Assert.StartsWith("bazhoutalent-20271201-19", Path.GetFileName(kept[0]));

        var admin = await ReviewKit.SignInAsync(portal, "admin");
        var page = await admin.GetAsync("/Admin/Backups");
        var last = page.Document.QuerySelector("#last-backup")!.TextContent;
        Assert.Contains("成功", last);
        Assert.Contains(kept[1], last);
        Assert.Contains("2027-12-03", last);
        Assert.Equal(3, page.Document.QuerySelectorAll("tbody tr").Length);
    }
}
