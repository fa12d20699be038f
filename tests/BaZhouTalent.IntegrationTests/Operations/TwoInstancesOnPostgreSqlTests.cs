using System.Net;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.IntegrationTests.Hardening;
using BaZhouTalent.IntegrationTests.Notices;
using BaZhouTalent.IntegrationTests.Researcher;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Operations;

/// <summary>
/// Two real portal processes on one PostgreSQL database, with nothing between them but their ports: started together
/// on an empty database, a user signed in on A acts on B, a hand-over saved on A is in the next reviewer's 待办 on B at
/// once, and the notice and the reminder that both instances' workers race for are each sent once.
/// </summary>
public sealed class TwoInstancesOnPostgreSqlTests : IDisposable
{
    private const string Code = "BZ25TI001";
    private readonly string folder = Path.Combine(Path.GetTempPath(), "bazhoutalent-tests", "two-" + Guid.NewGuid().ToString("N"));
    private TestDatabase? database;

    [SkippableFact]
    public async Task Two_instances_on_one_PostgreSQL_database_share_sign_in_data_and_work_and_send_each_mail_once()
    {
        database = PostgreSqlServer.Require().CreateDatabase();
        await using var mail = new MailCatcher(MailCatcher.FreePort());
        await mail.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["Notices:Smtp:Host"] = "127.0.0.1", ["Notices:Smtp:Port"] = mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notices:Smtp:Security"] = "None", ["Notices:Smtp:SenderAddress"] = "noreply@skl.bazhong.test",
            ["Notices:DeliveryIntervalSeconds"] = "1", ["Notices:ReminderHour"] = "0", ["Portal:PublicBaseUrl"] = "https://skl.bazhong.test",
        };

        var (a, b) = await StartTogetherAsync(settings);
        await using (var db = database.Open())
        {
            await StartupTests.AssertEachSeedRowOnceAsync(db);
            await ReadyDrafts.AddAsync(db, [Code]);
            foreach (var name in new[] { "unit.bzdx", "skl.bazhou" })
                await db.Users.Where(u => u.UserName == name).ExecuteUpdateAsync(s => s.SetProperty(u => u.Email, NoticeKit.AddressOf(name)));
        }

        // Signed in on A, the researcher submits on B: one cookie, one key ring in the database.
        var researcher = SharedSession(a, b);
        Assert.Equal(HttpStatusCode.OK, (await researcher.OnA.SignInAsync("yangzhuo", Researchers.DemoPassword)).Status);
        var submit = await researcher.OnB.GetAsync($"/applications/{Code}/submit");
        Assert.Equal(HttpStatusCode.OK, submit.Status);
        var submitted = await researcher.OnB.SubmitAsync(submit, new Dictionary<string, string>(), ".form-actions form[method=post]");
        Assert.True(submitted.Status == HttpStatusCode.Redirect, submitted.Text);

        // The county reviewer's 待办 on B is read (and its counts kept) before the unit hands over on A …
        var county = SharedSession(a, b);
        Assert.Equal(HttpStatusCode.OK, (await county.OnB.SignInAsync("skl.bazhou", Password)).Status);
        Assert.DoesNotContain(Code, (await county.OnB.GetAsync("/")).Text);
        var unit = SharedSession(a, b);
        Assert.Equal(HttpStatusCode.OK, (await unit.OnA.SignInAsync("unit.bzdx", Password)).Status);
        await ActOkAsync(unit.OnA, Code, "unit", Opinion(text: "经审核，同意报送。"));
        // … and B's very next answer has it.
        Assert.Contains(Code, (await county.OnB.GetAsync("/")).Text);
        Assert.Contains(Code, (await county.OnB.GetAsync("/Review/County")).Text);

        // Both instances deliver the outbox every second; each notice goes out once.
        await WaitUntilAsync(() => OutboxAllSentAsync(2), "the two notices were not delivered");
        Assert.Single(mail.To(NoticeKit.AddressOf("unit.bzdx")), m => m.Subject == $"结项申请 {Code} 待您审核");
        Assert.Single(mail.To(NoticeKit.AddressOf("skl.bazhou")), m => (m.Subject ?? "").Contains(Code, StringComparison.Ordinal));

        // A new day with the county review long overdue; both instances start together and remind at once: one reminder.
        a.Dispose();
        b.Dispose();
        await using (var db = database.Open())
        {
            var longAgo = DateTimeOffset.UtcNow.AddDays(-60);
            await db.AuditEntries.Where(h => db.ClosureApplications.Any(x => x.Id == h.ApplicationId && x.Project.Code == Code))
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.At, longAgo));
            await db.ReminderRecords.Where(r => r.Key.StartsWith("run:")).ExecuteDeleteAsync();
            await db.JobLeases.ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, longAgo));
        }
        (a, b) = await StartTogetherAsync(settings);
        using (a)
        using (b)
        {
            await WaitUntilAsync(() => OutboxAllSentAsync(3), "the reminder was not delivered");
            await using var db = database.Open();
            Assert.Single(await db.Notices.Where(n => n.Title.StartsWith("【催办】") && n.Title.Contains(Code)).ToListAsync());
            Assert.Single(mail.To(NoticeKit.AddressOf("skl.bazhou")), m => (m.Subject ?? "").StartsWith("【催办】", StringComparison.Ordinal));
        }
    }

    private async Task<(PortalProcess A, PortalProcess B)> StartTogetherAsync(Dictionary<string, string> settings)
    {
        var a = PortalProcess.Start(database!, Path.Combine(folder, "a"), settings);
        var b = PortalProcess.Start(database!, Path.Combine(folder, "b"), settings);
        var up = await Task.WhenAll(a.WaitUntilHealthyAsync(), b.WaitUntilHealthyAsync());
        Assert.True(up[0], "A did not come up:\n" + a.Output);
        Assert.True(up[1], "B did not come up:\n" + b.Output);
        return (a, b);
    }

    private async Task<bool> OutboxAllSentAsync(int count)
    {
        await using var db = database!.Open();
        var messages = await db.OutboxMessages.Where(m => m.Subject.Contains(Code)).Select(m => m.SentAt).ToListAsync();
        return messages.Count == count && messages.All(sent => sent != null);
    }

    /// <summary>Polls a condition (bounded, so a broken delivery fails instead of hanging).</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string failure)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (await condition()) return;
            await Task.Delay(100);
        }
        Assert.Fail(failure);
    }

    /// <summary>One person's cookies, used against either instance (cookies are per host, not per port).</summary>
    private static (Browser OnA, Browser OnB) SharedSession(PortalProcess a, PortalProcess b)
    {
        var cookies = new CookieContainer();
        Browser On(PortalProcess portal) => new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies })
        {
            BaseAddress = portal.Address,
        });
        return (On(a), On(b));
    }

    public void Dispose()
    {
        database?.Drop();
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { /* a leftover temp folder is harmless */ }
    }
}
