using System.Security.Cryptography;
using System.Text.Json;
using BaZhouTalent.Application.Audit;
using BaZhouTalent.Infrastructure.Data;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BaZhouTalent.IntegrationTests.Security.SecurityKit;

namespace BaZhouTalent.IntegrationTests.Security;

/// <summary>
/// 审计记录保存 (issue 21): records leave the database only through the archive command, only once older than the
/// retention (180 days), into a file that keeps their hashes; the chain still checks, and the archiving is recorded.
/// </summary>
public class AuditRetentionTests(ClockedSecurePortal portal) : IClassFixture<ClockedSecurePortal>
{
    [Fact]
    public async Task Records_older_than_the_retention_are_archived_to_a_file_and_the_chain_still_checks()
    {
        for (var i = 0; i < 3; i++)
            await new Browser(portal.CreateBrowser()).SignInAsync($"old.{i}", "Wrong2026x");
        var old = await LastSequenceAsync(portal);
        portal.Clock.Advance(TimeSpan.FromDays(179));
        await new Browser(portal.CreateBrowser()).SignInAsync("young", "Wrong2026x");
        var directory = Path.Combine(portal.Folder, "archive");

        // 179 days on, nothing is old enough; a date inside the retention is refused.
        Assert.False((await ArchiveAsync(directory)).Archived);
        portal.Clock.Advance(TimeSpan.FromDays(2));
        var early = await ArchiveAsync(directory, DateOnly.FromDateTime(portal.Clock.GetUtcNow().UtcDateTime.AddDays(-10)));
        Assert.False(early.Archived);
        Assert.Contains("至少保存 180 天", early.Message);

        var archived = await ArchiveAsync(directory);
        Assert.True(archived.Archived, archived.Message);
        var lines = await File.ReadAllLinesAsync(archived.File!);
        Assert.Equal(Enumerable.Range(1, (int)old).Select(i => (long)i),
            lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("Sequence").GetInt64()));
        Assert.All(lines, l => Assert.Equal(64, JsonDocument.Parse(l).RootElement.GetProperty("Hash").GetString()!.Length));
        Assert.Equal(old + 1, await portal.WithDbAsync(db => db.SecurityEvents.MinAsync(e => e.Sequence)));

        var check = await portal.WithScopeAsync(sp => sp.GetRequiredService<VerifySecurityAudit.Handler>().HandleAsync());
        Assert.True(check.Intact, check.Message);
        Assert.Contains($"第 {old} 条及以前已归档", check.Message);
        var record = (await RecordsAfterAsync(portal, old)).Single(r => r.Kind == nameof(SecurityEventKind.AuditArchived));
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(archived.File!)));
        Assert.Equal(("os:test", Path.GetFileName(archived.File!)), (record.Account, record.Target));
        Assert.Contains($"第 1 至 {old} 条", record.Detail);
        Assert.Contains(sha256, record.Detail);

        Assert.False((await ArchiveAsync(directory)).Archived);
    }

    private Task<SecurityAuditArchive.Result> ArchiveAsync(string directory, DateOnly? before = null) =>
        portal.WithScopeAsync(sp => sp.GetRequiredService<SecurityAuditArchive>().ArchiveAsync(directory, before, "os:test"));
}
