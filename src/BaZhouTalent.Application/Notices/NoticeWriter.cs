using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Application.Notices;

/// <summary>What a notice says: the same text goes to the message centre and, as plain text, by e-mail.</summary>
public sealed record NoticeText(string Title, string Body, string Link);

/// <summary>
/// Writes notices for a step. It only adds rows to the current context — the step's own SaveChanges stores them
/// with the step, so a notice exists exactly when its step does (the outbox). E-mail rows are written only while
/// SMTP is configured: a mail switched on later should not flood people with weeks-old hand-overs.
/// </summary>
public sealed class NoticeWriter(IAppDbContext db, IOptions<NoticeOptions> options, TimeProvider clock)
{
    public const string MailFooter = "此邮件由巴中市哲学社会科学规划项目结项管理系统自动发送，请勿回复。";

    /// <summary>
    /// Adds (does not save) one notice per recipient and, with mail on, one outbox row per recipient with an e-mail
    /// address. <paramref name="key"/> identifies the event: the outbox refuses a second row with the same key and
    /// recipient, so the same event can never be mailed twice.
    /// </summary>
    public async Task AddAsync(IEnumerable<string> recipientUserIds, NoticeText text, string? key, CancellationToken cancellationToken)
    {
        var recipients = recipientUserIds.Where(id => !string.IsNullOrEmpty(id)).Distinct(StringComparer.Ordinal).ToList();
        if (recipients.Count == 0)
            return;
        var now = clock.GetUtcNow();
        foreach (var recipient in recipients)
        {
            db.Notices.Add(new Notice
            {
                RecipientUserId = recipient,
                Title = Clip(text.Title, 200),
                Body = Clip(text.Body, 2000),
                Link = text.Link,
                CreatedAt = now,
            });
        }

        if (!options.Value.Smtp.IsConfigured)
            return;
        key ??= Guid.NewGuid().ToString("N");
        // An expert's pool entry may hold the only address known for them.
        var addresses = await db.Users.Where(u => recipients.Contains(u.Id))
            .Select(u => new
            {
                u.Id,
                u.Email,
                PoolEmail = db.ExpertProfiles.Where(p => p.UserId == u.Id).Select(p => p.Email).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        foreach (var address in addresses)
        {
            var to = !string.IsNullOrWhiteSpace(address.Email) ? address.Email.Trim() : address.PoolEmail?.Trim();
            if (string.IsNullOrEmpty(to) || !to.Contains('@', StringComparison.Ordinal))
                continue;
            db.OutboxMessages.Add(new OutboxMessage
            {
                IdempotencyKey = Clip($"{key}:{address.Id}", 200),
                ToAddress = to,
                Subject = Clip(text.Title, 200),
                Body = MailBody(text),
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }
    }

    /// <summary>Plain text: the notice, where to act, and that nobody reads replies.</summary>
    public string MailBody(NoticeText text)
    {
        var baseUrl = options.Value.PortalBaseUrl?.Trim().TrimEnd('/');
        var where = string.IsNullOrEmpty(baseUrl)
            ? "请登录巴中市哲学社会科学规划项目结项管理系统办理。"
            : $"办理地址：{baseUrl}{text.Link}";
        return Clip($"{text.Body}\n\n{where}\n\n{MailFooter}", 4000);
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];
}
