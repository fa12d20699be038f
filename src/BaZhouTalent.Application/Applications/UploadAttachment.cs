using System.Globalization;
using System.Text;
using BaZhouTalent.Typesetting;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Application.Applications;

/// <summary>
/// 上传附件: a supporting file is judged by its content (<see cref="AttachmentInspector"/>) and the limits per
/// file and per application, stored in the file store under an opaque key, and recorded with its original
/// name, kind, type, size, SHA-256, uploader, time and whether experts may read it. Only while the researcher
/// may edit (草稿 or 被退回); the page checks that the caller is the leader.
/// </summary>
public static class UploadAttachment
{
    public sealed record Command(string ProjectCode, AttachmentKind Kind, bool BlindSafe, string FileName, Stream Content, long Length);

    public enum Outcome { Uploaded, Refused, NotEditable, NotFound }

    public sealed record Result(Outcome Outcome, string? Refusal = null, Attachment? Attachment = null)
    {
        public static Result Refuse(string message) => new(Outcome.Refused, message);
    }

    public const string NotStrippable = "系统无法去除该文件的文档属性（作者、单位等元数据），不能标为“可供盲审”。请另存或重新生成（PDF 不设密码）后上传，或不勾选“可供盲审”。";

    /// <summary>The longest original name kept (the rest of a longer one is cut before the extension).</summary>
    public const int MaxFileNameLength = 120;

    public sealed class Handler(IAppDbContext db, IFileStore store, ICurrentUser currentUser, TimeProvider clock,
        IOptions<AttachmentOptions> options, ILogger<Handler> log)
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            var limits = options.Value;
            var name = CleanFileName(command.FileName);
            string Refused(string reason) => $"“{(name.Length == 0 ? "所选文件" : name)}”未上传：{reason}";
            if (!Enum.IsDefined(command.Kind)) return Result.Refuse("请选择附件类别。");
            if (name.Length == 0) return Result.Refuse(Refused("文件名无效，请重命名后重新选择。"));
            if (command.Length > limits.MaxFileBytes) return Result.Refuse(Refused(TooLarge(command.Length, limits)));

            var application = await db.ClosureApplications.AsNoTracking()
                .Where(a => a.Project.Code == command.ProjectCode)
                .Select(a => new { a.Id, a.Status })
                .SingleOrDefaultAsync(cancellationToken);
            if (application is null || currentUser.UserId is not { } userId) return new Result(Outcome.NotFound);
            if (application.Status is not (ApplicationStatus.Draft or ApplicationStatus.Returned)) return new Result(Outcome.NotEditable);

            // An early answer before the file is read; the answer that counts is given under the lock below.
            var (count, existingTotal) = await UsageAsync(application.Id, cancellationToken);
            if (CountRefusal(count, limits) is { } tooMany) return Result.Refuse(Refused(tooMany));

            // Read at most one byte past the limit, whatever the declared length said.
            var content = await ReadAtMostAsync(command.Content, limits.MaxFileBytes + 1, cancellationToken);
            if (content.Length > limits.MaxFileBytes) return Result.Refuse(Refused(TooLarge(content.Length, limits)));
            if (content.Length == 0) return Result.Refuse(Refused("文件是空的，请重新选择。"));
            if (TotalRefusal(existingTotal + content.Length, limits) is { } tooMuch) return Result.Refuse(Refused(tooMuch));

            var inspection = AttachmentInspector.Inspect(content, name, limits);
            if (inspection.Refusal is not null)
            {
                log.LogWarning("Attachment refused for {ProjectCode}: {Reason}", command.ProjectCode, inspection.Refusal);
                return Result.Refuse(Refused(inspection.Refusal));
            }

            // Experts will receive a copy without its metadata: a blind-safe file must be one that copy can be made of.
            if (command.BlindSafe && Files.BlindCopy.Strip(content, inspection.Type!.ContentType) is null)
                return Result.Refuse(Refused(NotStrippable));

            var stored = await store.SaveAsync(content, cancellationToken);
            var attachment = new Attachment
            {
                ApplicationId = application.Id,
                Kind = command.Kind,
                FileName = name,
                ContentType = inspection.Type!.ContentType,
                Size = stored.Length,
                Sha256 = stored.Sha256,
                StorageKey = stored.Key,
                BlindSafe = command.BlindSafe,
                UploadedByUserId = userId,
                UploadedAt = clock.GetUtcNow(),
            };
            string? overLimit;
            try
            {
                // Simultaneous uploads to one application pass this one at a time, each counting what the others
                // saved: the count and the total cannot be passed however many arrive together.
                overLimit = await db.InTransactionAsync(async token =>
                {
                    await db.LockApplicationAsync(application.Id, token);
                    var (countNow, totalNow) = await UsageAsync(application.Id, token);
                    if ((CountRefusal(countNow, limits) ?? TotalRefusal(totalNow + attachment.Size, limits)) is { } refusal) return refusal;
                    db.Attachments.Add(attachment);
                    await db.SaveChangesAsync(token);
                    return null;
                }, cancellationToken);
            }
            catch
            {
                // No row, no file: a file nobody can reach would only take space.
                await store.DeleteAsync(stored.Key, CancellationToken.None);
                throw;
            }
            if (overLimit is not null)
            {
                db.DiscardChanges();
                await store.DeleteAsync(stored.Key, CancellationToken.None);
                return Result.Refuse(Refused(overLimit));
            }
            log.LogInformation("Attachment {Id} ({Kind}, {Size} bytes, {Sha256}) added to {ProjectCode}",
                attachment.Id, attachment.Kind, attachment.Size, attachment.Sha256, command.ProjectCode);
            return new Result(Outcome.Uploaded, null, attachment);
        }

        /// <summary>How many files the application holds and their size in total.</summary>
        private async Task<(int Count, long Total)> UsageAsync(int applicationId, CancellationToken cancellationToken)
        {
            var files = db.Attachments.Where(a => a.ApplicationId == applicationId);
            return (await files.CountAsync(cancellationToken), await files.SumAsync(a => (long?)a.Size, cancellationToken) ?? 0);
        }
    }

    private static string? CountRefusal(int count, AttachmentOptions limits) => count >= limits.MaxCount
        ? $"每份申请书最多 {limits.MaxCount} 个附件，现已有 {count} 个。请先删除不需要的附件。"
        : null;

    private static string? TotalRefusal(long total, AttachmentOptions limits) => total > limits.MaxTotalBytes
        ? $"一份申请书的附件合计不能超过 {limits.MaxTotalMegabytes} MB，加上此文件将达到 {Megabytes(total)} MB。请压缩文件或删除不需要的附件。"
        : null;

    private static string TooLarge(long size, AttachmentOptions limits) =>
        $"文件大小超过每个附件 {limits.MaxFileMegabytes} MB 的上限（此文件约 {Megabytes(size)} MB）。请压缩或拆分后重新上传。";

    private static string Megabytes(long bytes) => AttachmentOptions.Megabytes(bytes);

    /// <summary>
    /// The name without any folder, path or invisible characters, at most <see cref="MaxFileNameLength"/> long; it is
    /// only ever displayed. Invisible means controls, format characters (the bidirectional overrides and isolates such
    /// as U+202E, which would show “成果简介‮gnp.pdf” as “…fdp.png”, zero-width characters, BOM), line and paragraph
    /// separators, private-use, unassigned and broken (lone surrogate) code points. Applied when a name is stored and
    /// again when one is shown, so a name stored before this rule shows clean too.
    /// </summary>
    public static string CleanFileName(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var clean = new StringBuilder();
        // Runes first: a lone surrogate comes out as U+FFFD (dropped below) instead of failing normalisation.
        foreach (var rune in name.EnumerateRunes())
        {
            if (PrintableText.IsInvisible(rune) || rune == Rune.ReplacementChar
                || Rune.GetUnicodeCategory(rune) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                    or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate
                || rune.Value is '"' or '<' or '>' or '|' or ':' or '*' or '?')
                continue;
            clean.Append(rune.ToString());
        }
        clean = new StringBuilder(clean.ToString().Normalize(NormalizationForm.FormC));
        var result = clean.ToString().Trim().TrimStart('.');
        if (result.Length > MaxFileNameLength)
        {
            var extension = Path.GetExtension(result);
            if (extension.Length > 10) extension = "";
            result = result[..(MaxFileNameLength - extension.Length)] + extension;
        }
        return result;
    }

    private static async Task<byte[]> ReadAtMostAsync(Stream source, long max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < max && (read = await source.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, max - buffer.Length)), cancellationToken)) > 0)
            buffer.Write(chunk, 0, read);
        return buffer.ToArray();
    }
}
