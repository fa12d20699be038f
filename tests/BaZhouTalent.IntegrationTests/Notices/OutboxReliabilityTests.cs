using BaZhouTalent.Infrastructure.Data;
using BaZhouTalent.IntegrationTests.Support;
using BaZhouTalent.Infrastructure.Notices;
using Microsoft.EntityFrameworkCore;
using static BaZhouTalent.IntegrationTests.Notices.NoticeKit;

namespace BaZhouTalent.IntegrationTests.Notices;

/// <summary>
/// The outbox keeps its promise: a mail server that is down loses nothing (the step succeeds, the attempt is
/// recorded, the message goes once the server is back and the backoff has passed); a host that dies between the
/// step and the delivery leaves the message for the next host, which sends it once; a worker that died holding a
/// claim delays the message only until the claim expires, and it is still sent once.
/// </summary>
public class OutboxReliabilityTests
{
    /// <summary>The engine these tests run on (a subclass runs them on PostgreSQL).</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [SkippableFact]
    public async Task With_the_mail_server_down_the_step_succeeds_and_the_outbox_delivers_once_the_server_is_back()
    {
        using var portal = new NoticePortal { Provider = Provider };
        const string code = "BZ25YB961";
        await SetEmailsAsync(portal, "unit.bzdx");
        await SubmitThroughPageAsync(portal, code); // nobody listens on the SMTP port

        Assert.Equal(0, await portal.DeliverAsync());
        var failed = Assert.Single(await OutboxAsync(portal, code));
        Assert.Equal(AddressOf("unit.bzdx"), failed.ToAddress);
        Assert.Null(failed.SentAt);
        Assert.Equal(1, failed.Attempts);
        Assert.False(string.IsNullOrEmpty(failed.LastError));
        Assert.True(failed.NextAttemptAt > portal.Clock.GetUtcNow());
        Assert.Null(failed.LockedUntil);

        // Within the backoff nothing is tried, even with the server up again.
        await using var mail = new MailCatcher(portal.SmtpPort);
        await mail.StartAsync();
        Assert.Equal(0, await portal.DeliverAsync());
        Assert.Empty(mail.Received);
        Assert.Equal(1, Assert.Single(await OutboxAsync(portal, code)).Attempts);

        portal.Clock.Advance(OutboxDelivery.Backoff(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await portal.DeliverAsync());
        var sent = Assert.Single(await OutboxAsync(portal, code));
        Assert.NotNull(sent.SentAt);
        Assert.Equal(2, sent.Attempts);
        var delivered = Assert.Single(mail.To(AddressOf("unit.bzdx")), m => m.Subject == $"结项申请 {code} 待您审核");
        Assert.EndsWith("@notices.bazhoutalent", delivered.MessageId, StringComparison.Ordinal);

        portal.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await portal.DeliverAsync());
        Assert.Single(mail.Received);
    }

    [SkippableFact]
    public async Task A_host_that_dies_between_the_step_and_the_delivery_leaves_the_mail_to_the_next_host_which_sends_it_once()
    {
        var folder = Path.Combine(Path.GetTempPath(), "bazhoutalent-tests", "shared-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = TestDatabase.New(Provider, folder);
        const string code = "BZ25YB962";
        var port = MailCatcher.FreePort();
        try
        {
            using (var first = new NoticePortal { SharedDatabase = database, SmtpPort = port })
            {
                await SetEmailsAsync(first, "unit.bzdx");
                await SubmitThroughPageAsync(first, code);
                Assert.Null(Assert.Single(await OutboxAsync(first, code)).SentAt);
            } // the host is gone before any delivery

            await using var mail = new MailCatcher(port);
            await mail.StartAsync();
            using var second = new NoticePortal { SharedDatabase = database, SmtpPort = port };
            Assert.Equal(1, await second.DeliverAsync());
            Assert.Equal(0, await second.DeliverAsync());
            Assert.Single(mail.To(AddressOf("unit.bzdx")), m => m.Subject == $"结项申请 {code} 待您审核");
            Assert.NotNull(Assert.Single(await OutboxAsync(second, code)).SentAt);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            database.Drop();
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { /* a leftover temp folder is harmless */ }
        }
    }

    [SkippableFact]
    public async Task A_message_claimed_by_a_worker_that_crashed_is_sent_once_its_claim_expires_and_never_twice()
    {
        using var portal = new NoticePortal { Provider = Provider };
        await using var mail = new MailCatcher(portal.SmtpPort);
        await mail.StartAsync();
        const string code = "BZ25YB963";
        await SetEmailsAsync(portal, "unit.bzdx");
        await SubmitThroughPageAsync(portal, code);

        // Another instance claimed the row and died before sending.
        var claimedUntil = portal.Clock.GetUtcNow() + OutboxDelivery.ClaimDuration;
        await portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.Subject.Contains(code))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, claimedUntil).SetProperty(m => m.LockedBy, "crashed-instance").SetProperty(m => m.Attempts, 1)));
        Assert.Equal(0, await portal.DeliverAsync());
        Assert.Empty(mail.Received);

        portal.Clock.Advance(OutboxDelivery.ClaimDuration + TimeSpan.FromSeconds(1));
        // Two passes at once (two workers): the conditional claim lets one of them have it.
        var passes = await Task.WhenAll(portal.DeliverAsync(), portal.DeliverAsync());
        Assert.Equal(1, passes.Sum());
        Assert.Single(mail.Received);
        var sent = Assert.Single(await OutboxAsync(portal, code));
        Assert.NotNull(sent.SentAt);
        Assert.Equal(2, sent.Attempts);

        portal.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await portal.DeliverAsync());
        Assert.Single(mail.Received);
    }

    [SkippableFact]
    public async Task Without_a_mail_server_configured_no_mail_is_queued_but_the_notice_is_written()
    {
        using var portal = new Support.PortalFactory();
        const string code = "BZ25YB964";
        await SetEmailsAsync(portal, "unit.bzdx");
        await SubmitThroughPageAsync(portal, code);
        Assert.Empty(await OutboxAsync(portal, code));
        Assert.Single(await NoticesAsync(portal, "unit.bzdx", code));
    }
}
