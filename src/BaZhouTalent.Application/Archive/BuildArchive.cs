using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Applications;
using BaZhouTalent.Application.Certificates;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Disclosure;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Printing;
using BaZhouTalent.Application.Review;
using BaZhouTalent.Application.Workflow;
using BaZhouTalent.Typesetting;
using BaZhouTalent.Typesetting.Documents;
using BaZhouTalent.Typesetting.Fonts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Application.Archive;

/// <summary>
/// 归档: a .zip per project (the A4 form, the A3 booklet, the final report, the certificate when concluded and
/// the review history as CSV) or per year (every closed application of the projects funded that year, one folder
/// each), with SHA256SUMS listing each file's SHA-256 in <c>sha256sum -c</c>'s format and 说明.txt saying how to check it.
/// The PDFs of a closed application are made once and kept (<see cref="ArchivedDocument"/>), so every archive of it
/// carries the same bytes. The submitted
/// attachments (附件/) and the .docx the report was last imported from (成果Word原件/) are in it as stored, each
/// checked against the SHA-256 recorded at upload.
/// </summary>
public static class BuildArchive
{
    /// <summary>The checksums of every other file, one “hash  path” line each: <c>sha256sum -c SHA256SUMS</c> checks them.</summary>
    public const string ManifestName = "SHA256SUMS";
    /// <summary>What the archive holds and how to check it, in Chinese.</summary>
    public const string ReadMeName = "说明.txt";
    public const string FormA4 = "结项申请书-A4.pdf";
    public const string FormA3 = "结项申请书-A3双面对折.pdf";
    public const string Report = "最终成果.pdf";
    public const string CertificatePdf = "结项证书.pdf";
    public const string ContentType = "application/zip";

    public static string ProjectFileName(string code) => $"{code}-归档.zip";

    /// <summary>The applications a year's archive holds: closed ones of projects funded that year.</summary>
    public static IQueryable<ClosureApplication> OfYear(IAppDbContext db, int year) =>
        db.ClosureApplications.Where(a => a.Project.Year == year && Closed.Contains(a.Status));

    public static string YearFileName(int year) => $"{year}年度结项归档.zip";

    /// <summary>The applications a year's archive holds: closed ones (concluded or not) of projects funded that year.</summary>
    public static readonly ApplicationStatus[] Closed = [ApplicationStatus.Concluded, ApplicationStatus.Rejected];

    public sealed class Handler(IAppDbContext db, LoadDisclosed.Handler load, IFileStore store, KeepImportedReport.Handler originals,
        IOptions<TypesettingOptions> typesetting, TimeProvider clock, ILogger<Handler> log)
    {
        /// <summary>
        /// Writes one project's archive to the stream <paramref name="open"/> gives once the application is found, as
        /// <paramref name="user"/> (the federation) may see it through the disclosure policy; false (and nothing
        /// opened) when there is no application they may see.
        /// </summary>
        public async Task<bool> ProjectAsync(string code, string baseUrl, ClaimsPrincipal user, Func<Stream> open, CancellationToken cancellationToken = default)
        {
            var loaded = await load.HandleAsync(code, user, cancellationToken);
            if (loaded is null || loaded.Entity.SubmittedAt is null) return false;
            await using var files = new ArchiveWriter(open(), $"立项编号 {code}", clock);
            await AddApplicationAsync(files, loaded, "", baseUrl, cancellationToken);
            await files.CompleteAsync(cancellationToken);
            return true;
        }

        /// <summary>
        /// Writes a year's archive to <paramref name="output"/> as it is made: each application's files are written (and
        /// flushed) before the next application is loaded, and the codes are read a batch at a time, so memory holds one
        /// application's files and no list of the year whatever its size (the zip's directory and the checksums wait in
        /// temporary files). <paramref name="progress"/> hears after each application how many are done and how many
        /// bytes were written. Returns how many applications it holds.
        /// </summary>
        public async Task<int> YearAsync(int year, string baseUrl, ClaimsPrincipal user, Stream output,
            Func<int, long, Task>? progress = null, CancellationToken cancellationToken = default)
        {
            var total = await OfYear(db, year).CountAsync(cancellationToken);
            await using var files = new ArchiveWriter(output, $"{year} 年度立项项目的结项材料（{total} 项）", clock);
            var done = 0;
            string? after = null;
            while (true)
            {
                var codes = await OfYear(db, year).AsNoTracking()
                    .Where(a => after == null || string.Compare(a.Project.Code, after) > 0)
                    .OrderBy(a => a.Project.Code).Select(a => a.Project.Code)
                    .Take(CodesPerBatch).ToListAsync(cancellationToken);
                foreach (var code in codes)
                {
                    // One application at a time, so a large year does not hold every entity in the context at once.
                    try
                    {
                        var loaded = await load.HandleAsync(code, user, cancellationToken);
                        if (loaded is not null)
                        {
                            await AddApplicationAsync(files, loaded, code + "/", baseUrl, cancellationToken);
                            done++;
                        }
                        // Everything it loaded (project, revisions with the report's text, history, opinions…) is let go, not
                        // only the application: the tracker grew by each application's graph and held the year's reports to the end.
                        db.DiscardChanges();
                        await files.FlushAsync(cancellationToken);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        throw new ArchiveApplicationException(code, e);
                    }
                    if (progress is not null) await progress(done, files.Length);
                }
                if (codes.Count < CodesPerBatch) break;
                after = codes[^1];
            }
            await files.CompleteAsync(cancellationToken);
            log.LogInformation("Year archive {Year}: {Count} applications, {Files} files, {Bytes} bytes", year, done, files.Count, files.Length);
            return done;
        }

        /// <summary>Codes read per query while a year is written (the year's list is never held whole).</summary>
        private const int CodesPerBatch = 500;

        private async Task AddApplicationAsync(ArchiveWriter files, LoadDisclosed.Loaded loaded, string folder, string baseUrl,
            CancellationToken cancellationToken)
        {
            var options = typesetting.Value;
            var application = loaded.Entity;
            // A closed application's kept copies are copied as they are: the form is neither laid out nor checked for
            // missing characters again (what made a year's 归档 take minutes), only when a copy is still to be made.
            var kept = Closed.Contains(application.Status)
                ? await db.ArchivedDocuments.AsNoTracking().Where(d => d.ApplicationId == application.Id).ToDictionaryAsync(d => d.Name, cancellationToken)
                : [];
            string[] forms = [FormA4, FormA3, Report];
            if (forms.All(kept.ContainsKey))
            {
                foreach (var name in forms)
                    files.Add(folder + name, await OpenKeptAsync(kept[name], cancellationToken), kept[name].Sha256);
            }
            else
            {
                var print = ApplicationPrintMapper.Map(loaded.View) with { VerifyAddress = baseUrl.TrimEnd('/') + "/verify" };
                var missing = PrintService.FindMissingCharacters(print, options);
                if (missing.Count > 0)
                {
                    files.Add((folder + "无法打印的字符.txt", Encoding.UTF8.GetBytes(string.Join("\n", missing.Select(m => $"{m.Field}\t{m.Character}\t{m.CodePoint}")))));
                }
                else
                {
                    files.Add((folder + FormA4, await KeptAsync(application, kept, FormA4, () => PrintService.RenderA4(print, options), cancellationToken)));
                    files.Add((folder + FormA3, await KeptAsync(application, kept, FormA3, () => PrintService.RenderA3Booklet(print, options), cancellationToken)));
                    files.Add((folder + Report, await KeptAsync(application, kept, Report, () => PrintService.RenderReport(print, options), cancellationToken)));
                }
            }
            if (Certificate.Model(application, baseUrl) is { } certificate
                && (await Announcements.AnnouncementStatus.LoadAsync(db, application.Id, clock, cancellationToken)).CertificateIssued)
            {
                try
                {
                    if (kept.TryGetValue(CertificatePdf, out var copy))
                        files.Add(folder + CertificatePdf, await OpenKeptAsync(copy, cancellationToken), copy.Sha256);
                    else
                        files.Add((folder + CertificatePdf, await KeptAsync(application, kept, CertificatePdf, () => new CertificateDocument(certificate, options).Render(), cancellationToken)));
                }
                catch (MissingCharactersException e)
                {
                    log.LogWarning(e, "Certificate of {Code} not archived", application.Project.Code);
                }
            }
            files.Add((folder + "审核历史.csv", HistoryCsv(application)));
            await AddAttachmentsAsync(files, loaded, folder, cancellationToken);
            await AddImportedReportAsync(files, loaded, folder, cancellationToken);
        }

        /// <summary>
        /// Makes and keeps the archive's PDFs of a closed application at once (called when it concludes), so every
        /// archive carries them; false when there is no closed application <paramref name="user"/> may see.
        /// </summary>
        public async Task<bool> KeepAsync(string code, string baseUrl, ClaimsPrincipal user, CancellationToken cancellationToken = default)
        {
            var loaded = await load.HandleAsync(code, user, cancellationToken);
            if (loaded is null || !Closed.Contains(loaded.Entity.Status)) return false;
            await using var files = new ArchiveWriter(Stream.Null, code, clock);
            await AddApplicationAsync(files, loaded, "", baseUrl, cancellationToken);
            await files.FlushAsync(cancellationToken); // closes the stored files it opened
            return true;
        }

        /// <summary>
        /// The PDF <paramref name="name"/> of a closed application as first made and kept in the file store (made now and
        /// kept when there is none yet: applications concluded before copies were kept get theirs on first request), so
        /// every archive carries the same bytes. An application still in review is rendered afresh and nothing is kept.
        /// Of two requests making the same copy at once, the unique index keeps one and the other reads it.
        /// </summary>
        private async Task<byte[]> KeptAsync(ClosureApplication application, IReadOnlyDictionary<string, ArchivedDocument> kept, string name,
            Func<byte[]> render, CancellationToken cancellationToken)
        {
            if (!Closed.Contains(application.Status)) return render();
            if (kept.TryGetValue(name, out var copy)) return await ReadKeptAsync(copy, cancellationToken);
            var content = render();
            var stored = await store.SaveAsync(content, cancellationToken);
            var document = new ArchivedDocument
            {
                ApplicationId = application.Id, Name = name, StorageKey = stored.Key, Sha256 = stored.Sha256, Size = stored.Length, MadeAt = clock.GetUtcNow(),
            };
            db.ArchivedDocuments.Add(document);
            if (await db.SaveUnlessTakenAsync(cancellationToken))
            {
                db.ArchivedDocuments.Entry(document).State = EntityState.Detached;
                log.LogInformation("Archive copy {Name} of {Code} made and kept", name, application.Project.Code);
                return content;
            }
            await store.DeleteAsync(stored.Key, cancellationToken);
            var other = await db.ArchivedDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.ApplicationId == application.Id && d.Name == name, cancellationToken)
                ?? throw new InvalidOperationException($"Archive copy {name} of application {application.Id} vanished.");
            return await ReadKeptAsync(other, cancellationToken);
        }

        /// <summary>A kept copy, checked against its SHA-256.</summary>
        private async Task<byte[]> ReadKeptAsync(ArchivedDocument kept, CancellationToken cancellationToken) =>
            await store.ReadAsync(kept.StorageKey, kept.Sha256, cancellationToken) ?? throw new StoredFileCorruptException(kept.StorageKey);

        /// <summary>A kept copy to be copied into the archive, checked against its SHA-256.</summary>
        private async Task<Stream> OpenKeptAsync(ArchivedDocument kept, CancellationToken cancellationToken) =>
            await store.OpenReadAsync(kept.StorageKey, kept.Sha256, cancellationToken) ?? throw new StoredFileCorruptException(kept.StorageKey);

        /// <summary>The attachments the archivist may see, as 附件/01-成果简介-name.pdf; one that cannot be read is listed, not skipped silently.</summary>
        private async Task AddAttachmentsAsync(ArchiveWriter files, LoadDisclosed.Loaded loaded, string folder,
            CancellationToken cancellationToken)
        {
            var stored = new List<(string Path, string Key, string Sha256, long Size)>();
            var number = 0;
            foreach (var shown in loaded.View.Attachments)
            {
                var entity = loaded.Entity.Attachments.Single(a => a.Id == shown.Id);
                stored.Add(($"{folder}附件/{++number:00}-{shown.KindName}-{shown.FileName}", entity.StorageKey, entity.Sha256, entity.Size));
            }
            await AddStoredAsync(files, stored, folder + "无法归档的附件.txt", loaded.View.Code, cancellationToken);
        }

        /// <summary>
        /// The .docx the report was last imported from, as 成果Word原件/name.docx. It names the author, so only a
        /// viewer who sees the applicant gets it (the archive is the federation's; this holds whoever asks).
        /// </summary>
        private async Task AddImportedReportAsync(ArchiveWriter files, LoadDisclosed.Loaded loaded, string folder,
            CancellationToken cancellationToken)
        {
            if (loaded.View.Blind) return;
            if (await originals.KeptAsync(loaded.Entity.Id, cancellationToken) is not { } original) return;
            await AddStoredAsync(files, [($"{folder}成果Word原件/{KeepImportedReport.ArchiveName(original)}", original.StorageKey, original.Sha256, original.Size)],
                folder + "无法归档的成果Word原件.txt", loaded.View.Code, cancellationToken);
        }

        /// <summary>Adds stored files checked against their SHA-256; one that cannot be read is listed in <paramref name="problemsPath"/>, not skipped silently.</summary>
        private async Task AddStoredAsync(ArchiveWriter files, IEnumerable<(string Path, string Key, string Sha256, long Size)> stored,
            string problemsPath, string code, CancellationToken cancellationToken)
        {
            var problems = new StringBuilder();
            foreach (var (path, key, sha256, size) in stored)
            {
                Stream? content = null;
                try
                {
                    content = await store.OpenReadAsync(key, sha256, cancellationToken);
                }
                catch (StoredFileCorruptException)
                {
                    // Reported below: the archive must not carry bytes that differ from what was submitted.
                }
                if (content is null)
                {
                    log.LogError("{Path} of {Code} not archived: stored file missing or not matching its SHA-256", path, code);
                    problems.Append(CultureInfo.InvariantCulture, $"{sha256}  {size}  {path}\t存储文件缺失或与记录的 SHA-256 不符，未归档\n");
                    continue;
                }
                files.Add(path, content, sha256);
            }
            if (problems.Length > 0)
                files.Add((problemsPath, Encoding.UTF8.GetBytes(problems.ToString())));
        }

        private static byte[] HistoryCsv(ClosureApplication application)
        {
            var csv = new StringBuilder("时间,轮次,操作,原状态,新状态,操作人,说明\n");
            foreach (var entry in application.History.OrderBy(h => h.At).ThenBy(h => h.Id))
            {
                var action = Enum.TryParse<ReviewTrigger>(entry.Action, out var trigger) ? trigger.ToChinese() : entry.Action;
                string[] cells =
                [
                    entry.At.ToChina().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    entry.Round.ToString(CultureInfo.InvariantCulture), action,
                    entry.FromStatus?.ToChinese() ?? "", entry.ToStatus?.ToChinese() ?? "", entry.ActorName, entry.Note,
                ];
                csv.Append(string.Join(",", cells.Select(Quote))).Append('\n');
            }
            // A byte-order mark, so Excel opens the Chinese text as UTF-8.
            return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
        }

        private static string Quote(string value)
        {
            // A cell starting with = + - @ would run as a formula in Excel; a leading apostrophe keeps it text.
            if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@') value = "'" + value;
            return value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";
        }
    }

    /// <summary>
    /// The zip as it is made: files added are held until the next <see cref="FlushAsync"/>, which writes them (with their
    /// checksum lines) and sends the zip's bytes so far on to the output — a stored file is copied from its stream a buffer
    /// at a time; <see cref="CompleteAsync"/> adds 说明.txt, SHA256SUMS and the zip's directory. Memory holds what was added
    /// since the last flush: the checksum lines wait in a temporary file, as does the zip's directory
    /// (<see cref="ZipStreamWriter"/>). One that fails midway is left without its directory and manifest (never completed),
    /// so a broken download cannot pass for a whole one.
    /// </summary>
    public sealed class ArchiveWriter : IAsyncDisposable
    {
        private readonly ZipStreamWriter zip;
        private readonly FileStream manifestFile;
        private readonly StreamWriter manifest;
        private readonly StringBuilder readMe = new();
        private readonly List<(string Path, byte[]? Content, Stream? Stored, string? Sha256)> pending = [];

        public ArchiveWriter(Stream output, string title, TimeProvider clock)
        {
            var now = clock.GetUtcNow().ToChina();
            zip = new ZipStreamWriter(output, now.DateTime);
            manifestFile = new FileStream(Path.Combine(Path.GetTempPath(), $"bazhou-sha256sums-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew,
                FileAccess.ReadWrite, FileShare.None, 65536, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            manifest = new StreamWriter(manifestFile, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 65536, leaveOpen: true) { NewLine = "\n" };
            readMe.Append("巴中市社会科学界联合会 结项归档\n");
            readMe.Append(CultureInfo.InvariantCulture, $"内容：{title}\n");
            readMe.Append(CultureInfo.InvariantCulture, $"生成时间：{now:yyyy-MM-dd HH:mm:ss}（北京时间）\n");
            readMe.Append(CultureInfo.InvariantCulture, $"文件核对：{ManifestName} 列出其余每个文件的 SHA-256 校验值（每行为校验值、两个空格、文件路径）。解压后在解压目录中运行 sha256sum -c {ManifestName}，每个文件显示 OK 即与归档时一致；Windows 可用 certutil -hashfile 文件名 SHA256 逐个比对。\n");
            readMe.Append("结项申请书、最终成果和结项证书的 PDF 在结项时生成并保存，此后每次归档的这些文件内容和校验值都相同。\n");
            readMe.Append("“成果Word原件”为项目负责人最后一次导入的 .docx，导入后在网页上所作修改以“最终成果.pdf”为准。\n");
        }

        /// <summary>How many files were added.</summary>
        public int Count { get; private set; }

        /// <summary>Bytes of the zip written so far.</summary>
        public long Length => zip.Length;

        public void Add((string Path, byte[] Content) file)
        {
            pending.Add((file.Path, file.Content, null, null));
            Count++;
        }

        /// <summary>
        /// Adds a stored file whose content was checked against <paramref name="sha256"/>: copied from
        /// <paramref name="stored"/> at the next flush (which disposes it), a buffer at a time, never held whole.
        /// </summary>
        public void Add(string path, Stream stored, string sha256)
        {
            pending.Add((path, null, stored, sha256.ToLowerInvariant()));
            Count++;
        }

        public async Task FlushAsync(CancellationToken cancellationToken)
        {
            try
            {
                foreach (var (path, content, stored, sha256) in pending)
                {
                    if (content is not null)
                    {
                        await WriteAsync(path, content, cancellationToken);
                        continue;
                    }
                    await manifest.WriteLineAsync($"{sha256}  {path}");
                    await zip.AddAsync(path, stored!, Deflate(path), cancellationToken);
                }
            }
            finally
            {
                foreach (var file in pending)
                {
                    if (file.Stored is not null) await file.Stored.DisposeAsync();
                }
                pending.Clear();
            }
            await zip.FlushAsync(cancellationToken);
        }

        public async Task CompleteAsync(CancellationToken cancellationToken)
        {
            await FlushAsync(cancellationToken);
            await WriteAsync(ReadMeName, Encoding.UTF8.GetBytes(readMe.ToString()), cancellationToken);
            await manifest.FlushAsync(cancellationToken);
            manifestFile.Position = 0;
            await zip.AddAsync(ManifestName, manifestFile, compress: true, cancellationToken);
            await zip.CompleteAsync(cancellationToken); // writes the zip's directory
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var file in pending)
            {
                if (file.Stored is not null) await file.Stored.DisposeAsync();
            }
            await manifest.DisposeAsync();
            await manifestFile.DisposeAsync();
            await zip.DisposeAsync();
        }

        /// <summary>Writes a file with its checksum line.</summary>
        private async Task WriteAsync(string path, byte[] content, CancellationToken cancellationToken)
        {
            await manifest.WriteLineAsync($"{Convert.ToHexStringLower(SHA256.HashData(content))}  {path}");
            await zip.AddAsync(path, content, Deflate(path), cancellationToken);
        }

        /// <summary>A PDF is compressed inside already: deflating it again saved about 5 % of a year's size for most of its CPU.</summary>
        private static bool Deflate(string path) => !path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>A year's archive stopped at one application: its code, and what went wrong (the inner exception).</summary>
public sealed class ArchiveApplicationException(string code, Exception inner)
    : Exception($"The year archive stopped at {code}: {inner.Message}", inner)
{
    public string Code { get; } = code;
}
