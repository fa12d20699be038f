using System.Net;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Applications;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Infrastructure.Notices;
using BaZhouTalent.IntegrationTests.Researcher;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Moq;
using static BaZhouTalent.IntegrationTests.Notices.NoticeKit;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Hardening;

/// <summary>
/// Faults injected with Moq where the outside world fails: the file store failing mid-write, the database refusing
/// the attachment's row after its file was stored (the file is removed again), and the mail server refusing a
/// message (the step stands, the outbox retries, the message goes once). Each upload answers with the Chinese
/// message on the attachments page, never the error page, and keeps nothing.
/// </summary>
public sealed class StoreAndMailFaultTests : IDisposable
{
    private static readonly byte[] File = AttachmentTests.Pdf("injected-fault");

    private readonly Mock<IFileStore> store = new(MockBehavior.Strict);
    private readonly FaultyPortal portal;

    public StoreAndMailFaultTests() => portal = new FaultyPortal { FileStore = store };

    [Fact]
    public async Task A_file_store_failing_mid_write_keeps_nothing_and_says_so_in_Chinese()
    {
        const string code = "BZ25YB983";
        await portal.WithDbAsync(async db => { await ReadyDrafts.AddAsync(db, [code]); return 0; });
        store.Setup(s => s.SaveAsync(It.IsAny<ReadOnlyMemory<byte>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new IOException("No space left on device"));
        var researcher = await SignInAsync(portal, "yangzhuo");

        var answer = await AttachmentTests.UploadAsync(researcher, code, AttachmentKind.Summary, false, "成果简介.pdf", File);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("“成果简介.pdf”未上传：" + UploadAttachment.NotSaved, answer.Text);
        Assert.DoesNotContain("系统出错", answer.Text);
        Assert.Empty((await LoadAsync(portal, code)).Attachments);
        store.Verify(s => s.SaveAsync(It.Is<ReadOnlyMemory<byte>>(m => m.Length == File.Length), It.IsAny<CancellationToken>()), Times.Once);
        store.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_row_the_database_refuses_after_the_file_was_stored_takes_the_file_away_again()
    {
        const string code = "BZ25YB984";
        await portal.WithDbAsync(async db => { await ReadyDrafts.AddAsync(db, [code]); return 0; });
        var stored = new StoredFile("ab/stored-by-the-test", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File)), File.Length);
        store.Setup(s => s.SaveAsync(It.IsAny<ReadOnlyMemory<byte>>(), It.IsAny<CancellationToken>())).ReturnsAsync(stored);
        store.Setup(s => s.DeleteAsync(stored.Key, It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        var researcher = await SignInAsync(portal, "yangzhuo");

        portal.RefuseCommands("INSERT INTO \"Attachments\"");
        var answer = await AttachmentTests.UploadAsync(researcher, code, AttachmentKind.Summary, false, "成果简介.pdf", File);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains(UploadAttachment.NotSaved, answer.Text);
        Assert.DoesNotContain("系统出错", answer.Text);
        Assert.Empty((await LoadAsync(portal, code)).Attachments);
        store.Verify(s => s.DeleteAsync(stored.Key, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_message_the_mail_server_refuses_is_retried_after_the_backoff_and_sent_once()
    {
        const string code = "BZ25YB985";
        await SetEmailsAsync(portal, "unit.bzdx");
        var refusal = new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxBusy,
            new MailboxAddress("", AddressOf("unit.bzdx")), "4.2.1 Mailbox busy, try again later");
        portal.Mail.SetupSequence(m => m.SendAsync(It.IsAny<OutboxMessage>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(refusal)
            .Returns(Task.CompletedTask);

        await SubmitThroughPageAsync(portal, code); // the step itself succeeds whatever the mail server says

        Assert.Equal(0, await portal.DeliverAsync());
        var refused = Assert.Single(await OutboxAsync(portal, code));
        Assert.Null(refused.SentAt);
        Assert.Equal(1, refused.Attempts);
        Assert.Contains("Mailbox busy", refused.LastError);
        // The next attempt after the backoff (to the database's precision).
        Assert.InRange(refused.NextAttemptAt!.Value - (portal.Clock.GetUtcNow() + OutboxDelivery.Backoff(1)), TimeSpan.FromMilliseconds(-1), TimeSpan.Zero);
        Assert.Equal(ApplicationStatus.UnitReview, (await LoadAsync(portal, code)).Status);

        Assert.Equal(0, await portal.DeliverAsync()); // within the backoff nothing is tried
        portal.Clock.Advance(OutboxDelivery.Backoff(1));
        Assert.Equal(1, await portal.DeliverAsync());
        Assert.Equal(0, await portal.DeliverAsync());

        var sent = Assert.Single(await OutboxAsync(portal, code));
        Assert.NotNull(sent.SentAt);
        Assert.Null(sent.LastError);
        portal.Mail.Verify(m => m.SendAsync(It.Is<OutboxMessage>(o => o.Id == sent.Id && o.ToAddress == AddressOf("unit.bzdx")), It.IsAny<CancellationToken>()),
            Times.Exactly(2));
    }

    public void Dispose() => portal.Dispose();
}
