using System.Security.Cryptography;
using System.Text;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Notices;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace BaZhouTalent.Infrastructure.Notices;

/// <summary>Hands one outbox message to the mail server; returns once the server has accepted it, throws otherwise.</summary>
public interface IMailSender
{
    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>SMTP through MailKit with the server, TLS mode, sender and credentials of <c>Notices:Smtp</c>.</summary>
public sealed class SmtpMailSender(IOptions<NoticeOptions> options) : IMailSender
{
    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        var mail = new MimeMessage();
        mail.From.Add(new MailboxAddress(smtp.SenderName, smtp.SenderAddress!));
        mail.To.Add(MailboxAddress.Parse(message.ToAddress));
        mail.Subject = message.Subject;
        // The same for every attempt at this row: a copy resent after a crash between the server's accept and
        // recording it carries the same Message-ID, which mail systems use to drop duplicates.
        var keyHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(message.IdempotencyKey)))[..32];
        mail.MessageId = $"{keyHash}@notices.bazhoutalent";
        mail.Body = new TextPart("plain") { Text = message.Body };

        using var client = new SmtpClient { Timeout = 60_000 };
        await client.ConnectAsync(smtp.Host!, smtp.Port, SocketOptions(smtp.Security), cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        await client.SendAsync(mail, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };
}
