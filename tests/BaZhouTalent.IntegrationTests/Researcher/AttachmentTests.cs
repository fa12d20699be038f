using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using BaZhouTalent.Application.Applications;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Application.Workflow;
using BaZhouTalent.IntegrationTests.Hardening;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Researcher;

/// <summary>The portal with small attachment limits, so “too large”, “too many” and “too much in total” are quick to reach.</summary>
public sealed class AttachmentPortal : PortalFactory
{
    public const int MaxFileBytes = 1024 * 1024;
    public const int MaxTotalBytes = 2560 * 1024;
    public const int MaxCount = 4;

    /// <summary>Where the store keeps files by default: beside the SQLite file.</summary>
    public string StoreRoot => Path.Combine(Folder, "attachments");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Attachments:MaxFileBytes", MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Attachments:MaxTotalBytes", MaxTotalBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Attachments:MaxCount", MaxCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// Supporting files (附件) through the real pages with multipart uploads: stored outside the database under their
/// hash, refused by content with the reason, frozen with the round at submission, and downloadable by whoever the
/// disclosure policy lists them for.
/// </summary>
public class AttachmentTests(AttachmentPortal portal) : IClassFixture<AttachmentPortal>
{
    [Fact]
    public async Task A_file_is_stored_outside_the_database_under_its_hash_and_downloads_byte_for_byte()
    {
        const string code = "BZ25YB940";
        await DraftsAsync(code);
        var researcher = await SignInAsync(portal, "yangzhuo");
        var bytes = Pdf("stored");

        var uploaded = await UploadAsync(researcher, code, AttachmentKind.Summary, blindSafe: true, "../../杨卓 成果简介.pdf", bytes);
        Assert.True(uploaded.Status == HttpStatusCode.Redirect, uploaded.Text);

        var row = Assert.Single(await FilesAsync(code));
        Assert.Equal(Sha256(bytes), row.Sha256);
        Assert.Equal(bytes.Length, row.Size);
        Assert.Equal("杨卓 成果简介.pdf", row.FileName); // no folder part survives
        Assert.Equal("application/pdf", row.ContentType);
        Assert.True(row.BlindSafe);
        Assert.Null(row.FrozenRound);
        Assert.Equal(await UserIdAsync(portal, "yangzhuo"), row.UploadedByUserId);
        // On disk under an opaque key, not the user's name, and its bytes hash to the row's SHA-256.
        var onDisk = Assert.Single(Directory.GetFiles(portal.StoreRoot, "*", SearchOption.AllDirectories), f => f.Contains(row.StorageKey[2..], StringComparison.Ordinal));
        Assert.DoesNotContain("成果简介", onDisk);
        Assert.Equal(row.Sha256, Sha256(await File.ReadAllBytesAsync(onDisk)));

        var page = await researcher.GetAsync($"/applications/{code}/edit/attachments");
        var link = page.Links.Single(l => l.StartsWith($"/applications/{code}/attachments/", StringComparison.Ordinal));
        var download = await researcher.Client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("杨卓 成果简介.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));

        // The bytes changed behind the portal's back: the read is checked, and nothing is served.
        await File.WriteAllBytesAsync(onDisk, Pdf("tampered"));
        var tampered = await researcher.Client.GetAsync(link);
        Assert.Equal(HttpStatusCode.InternalServerError, tampered.StatusCode);
        var text = await tampered.Content.ReadAsStringAsync();
        Assert.Contains("SHA-256", text);
        Assert.Contains("附件无法读取", text);
        await File.WriteAllBytesAsync(onDisk, bytes);
        Assert.Equal(HttpStatusCode.OK, (await researcher.Client.GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task A_name_with_direction_overrides_is_stored_and_shown_without_them()
    {
        const string code = "BZ25YB939";
        await DraftsAsync(code);
        var researcher = await SignInAsync(portal, "yangzhuo");
        await UploadOkAsync(researcher, code, AttachmentKind.Summary, false, "成果简介\u202Egnp.pdf", Pdf("bidi"));
        var row = Assert.Single(await FilesAsync(code));
        Assert.Equal("成果简介gnp.pdf", row.FileName);

        // A name stored before the rule (straight into the database) is cleaned where it is shown and downloaded.
        await portal.WithDbAsync(db => db.Attachments.Where(a => a.Id == row.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.FileName, "旧\u202Egnp\u2066.pdf")));
        var page = await researcher.GetAsync($"/applications/{code}/edit/attachments");
        Assert.Contains("旧gnp.pdf", page.Text);
        Assert.DoesNotContain(page.Html, c => c is '\u202E' or '\u2066');
        var download = await researcher.Client.GetAsync($"/applications/{code}/attachments/{row.Id}");
        Assert.Equal("旧gnp.pdf", download.Content.Headers.ContentDisposition!.FileNameStar);
    }

    public static TheoryData<string, string, string> BadFiles() => new()
    {
        { "too-large", "成果简介.pdf", "超过每个附件 1 MB 的上限" },
        { "unknown", "说明.txt", "不接受扩展名为“.txt”的文件" },
        { "not-a-type", "简介.pdf", "内容不是其中任何一种" },
        { "mismatch", "简介.pdf", "内容是PNG 图片，两者不符" },
        { "eicar", "查重报告.pdf", "EICAR" },
        { "exe-as-pdf", "查重报告.pdf", "可执行程序" },
        { "elf-as-png", "截图.png", "可执行程序" },
        { "macro-docx", "成果简介.docx", "含有宏" },
        { "package-docx", "成果简介.docx", "嵌入了程序、程序包" },
        { "pdf-javascript", "查重报告.pdf", "PDF 文件中含有可自动运行的脚本，存在安全风险" },
        { "pdf-hidden-launch", "查重报告.pdf", "PDF 文件中含有可启动其他程序的动作" },
        { "pdf-embedded-file", "查重报告.pdf", "PDF 文件中含有嵌入的其他文件" },
        { "zip-as-docx", "成果简介.docx", "不是 Word 文档" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Bad_files_are_refused_by_content_with_the_reason_and_nothing_else_is_lost(string kind, string fileName, string message)
    {
        // A draft of its own per case, so a file wrongly accepted in one case cannot change the next.
        var code = "BZ25YB" + (950 + BadFiles().Select(row => (string)row[0]).ToList().IndexOf(kind));
        await DraftsAsync(code);
        var researcher = await SignInAsync(portal, "yangzhuo");
        var before = await LoadAsync(portal, code);
        var filesBefore = StoredFiles();

        var page = await UploadAsync(researcher, code, AttachmentKind.SimilarityReport, blindSafe: true, fileName, BadFile(kind));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var error = Forms.ErrorFor(page, "Upload") ?? "";
        Assert.Contains($"“{fileName}”未上传", error);
        Assert.Contains(message, error);
        // What the researcher chose comes back as chosen.
        Assert.Equal(nameof(AttachmentKind.SimilarityReport), page.Document.QuerySelector<IHtmlSelectElement>("select[name='Input.Kind']")!.Value);
        Assert.True(page.Document.QuerySelector<IHtmlInputElement>("input[name='Input.BlindSafe']")!.IsChecked);
        // Nothing stored, nothing else of the draft touched.
        Assert.Empty(await FilesAsync(code));
        Assert.Equal(filesBefore, StoredFiles());
        var after = await LoadAsync(portal, code);
        Assert.Equal(before.ReportText, after.ReportText);
        Assert.Equal(before.ConcurrencyStamp, after.ConcurrencyStamp);
        Assert.Equal(before.CurrentLeader.Phone, after.CurrentLeader.Phone);
    }

    [Fact]
    public async Task A_blind_safe_file_as_the_expert_downloads_it_carries_none_of_the_leaders_or_units_strings_in_any_metadata()
    {
        const string code = "BZ25YB938";
        await DraftsAsync(code);
        // Name, unit, phone, e-mail, ID number: planted in every kind of metadata each file type has.
        string[] identity = ["杨卓", PartySchoolBazhou, "13980001234", "yangzhuo@bzdx.example.cn", "51190219900101123X"];
        var all = string.Join(" ", identity);
        var xmp = Encoding.UTF8.GetBytes($"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"><dc:creator>{all}</dc:creator><pdf:Keywords>{all}</pdf:Keywords></rdf:Description></rdf:RDF></x:xmpmeta>");
        var files = new (string Name, byte[] Bytes)[]
        {
            ("成果简介.pdf", PdfFiles.Page("Summary", catalogExtra: "/Metadata 6 0 R",
                info: $"<< /Author {PdfFiles.Utf16(identity[0])} /Title {PdfFiles.Utf16(identity[1])} /Subject {PdfFiles.Utf16(identity[3])} /Keywords {PdfFiles.Utf16(all)} /Creator ({identity[4]}) /Producer ({identity[2]}) /Company {PdfFiles.Utf16(all)} >>",
                extra: new PdfFiles.Obj("<< /Type /Metadata /Subtype /XML >>", xmp))),
            ("成果简介.docx", DocxFiles.WithProperties(identity)),
            ("查重截图.png", ImageFiles.Png(7, 0, ImageFiles.Text("Author", identity[2] + " " + identity[3] + " " + identity[4]),
                ImageFiles.InternationalText("Description", all), ImageFiles.CompressedText("Comment", identity[3]), ImageFiles.Exif(all))),
            ("证书照片.jpg", ImageFiles.JpegWithMetadata(all)),
        };
        var researcher = await SignInAsync(portal, "yangzhuo");
        foreach (var (name, bytes) in files)
            await UploadOkAsync(researcher, code, AttachmentKind.Summary, blindSafe: true, name, bytes);
        var page = await researcher.GetAsync($"/applications/{code}/edit/attachments");
        Assert.Contains("系统会自动去除文件的文档属性", page.Document.QuerySelector("#blind-metadata")!.TextContent);
        await SubmitThroughThePageAsync(researcher, code);
        await ToExpertReviewAsync(portal, code);

        var expert = await SignInAsync(portal, "expert.1");
        var stored = await FilesAsync(code);
        foreach (var file in stored)
        {
            var received = await (await expert.Client.GetAsync($"/applications/{code}/attachments/{file.Id}")).Content.ReadAsByteArrayAsync();
            var readable = ReadableText(received, file.ContentType);
            foreach (var value in identity)
                Assert.False(readable.Contains(value, StringComparison.OrdinalIgnoreCase), $"{file.FileName} as the expert receives it still says “{value}”");
            // The content itself is still there.
            switch (file.ContentType)
            {
                case "application/pdf":
                    using (var pdf = UglyToad.PdfPig.PdfDocument.Open(received)) Assert.Contains("Summary", pdf.GetPage(1).Text);
                    break;
                case "image/png":
                    Assert.Equal(Chunks(files[2].Bytes).Where(c => c.Type == "IDAT").Select(c => c.Crc), Chunks(received).Where(c => c.Type == "IDAT").Select(c => c.Crc));
                    Assert.All(Chunks(received), c => Assert.Contains(c.Type, new[] { "IHDR", "IDAT", "IEND" }));
                    break;
                case "image/jpeg":
                    Assert.Equal([0xFF, 0xD8], received[..2]);
                    Assert.Equal([0xFF, 0xD9], received[^2..]);
                    break;
                default:
                    using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(received), false))
                        Assert.Contains("成果简介", word.MainDocumentPart!.Document!.InnerText);
                    break;
            }
            // Those who see the applicant get the file exactly as uploaded.
            Assert.Equal(file.Sha256, Sha256(await (await researcher.Client.GetAsync($"/applications/{code}/attachments/{file.Id}")).Content.ReadAsByteArrayAsync()));
        }
    }

    /// <summary>
    /// Everything a program could read out of the file, as text: its bytes as UTF-8, UTF-16 (both orders) and Latin-1;
    /// for a PDF every object's strings and every stream decoded (PdfPig), for a .docx every part, for a PNG its compressed text.
    /// </summary>
    private static string ReadableText(byte[] bytes, string contentType)
    {
        var text = new StringBuilder();
        void Add(byte[] data)
        {
            text.Append(Encoding.UTF8.GetString(data)).Append(Encoding.BigEndianUnicode.GetString(data)).Append(Encoding.Unicode.GetString(data))
                .Append(Encoding.Unicode.GetString(data.Skip(1).ToArray())).Append(Encoding.BigEndianUnicode.GetString(data.Skip(1).ToArray())).Append(Encoding.Latin1.GetString(data));
        }
        Add(bytes);
        if (contentType == "application/pdf")
        {
            using var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes);
            foreach (var reference in pdf.Structure.CrossReferenceTable.ObjectOffsets.Keys)
            {
                var token = pdf.Structure.GetObject(reference)?.Data;
                text.Append(token);
                if (token is UglyToad.PdfPig.Tokens.StreamToken stream)
                    Add(UglyToad.PdfPig.PdfExtensions.Decode(stream, UglyToad.PdfPig.Filters.DefaultFilterProvider.Instance).ToArray());
            }
            text.Append(string.Join(" ", pdf.Information.DocumentInformationDictionary?.Data.Values ?? []));
            if (pdf.TryGetXmpMetadata(out var metadata)) Add(metadata.GetXmlBytes().ToArray());
        }
        if (contentType == AttachmentFileType.Docx.ContentType)
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            foreach (var entry in zip.Entries)
            {
                text.Append(entry.FullName);
                using var part = entry.Open();
                using var copy = new MemoryStream();
                part.CopyTo(copy);
                Add(copy.ToArray());
            }
        }
        if (contentType == "image/png")
            foreach (var chunk in Chunks(bytes).Where(c => c.Type == "zTXt"))
            {
                using var zlib = new ZLibStream(new MemoryStream(chunk.Data[(Array.IndexOf(chunk.Data, (byte)0) + 2)..]), CompressionMode.Decompress);
                using var copy = new MemoryStream();
                zlib.CopyTo(copy);
                Add(copy.ToArray());
            }
        return text.ToString();
    }

    private static List<(string Type, byte[] Data, uint Crc)> Chunks(byte[] png)
    {
        var chunks = new List<(string, byte[], uint)>();
        for (var at = 8; at + 12 <= png.Length;)
        {
            var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            chunks.Add((Encoding.ASCII.GetString(png, at + 4, 4), png[(at + 8)..(at + 8 + length)], System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length))));
            at += 12 + length;
        }
        return chunks;
    }

    public static TheoryData<string, string, string> HostileUploads() => HostileFiles.Cases();

    [Theory]
    [MemberData(nameof(HostileUploads))]
    public async Task Each_hostile_file_is_refused_on_upload_and_nothing_is_stored(string kind, string fileName, string reason)
    {
        var code = "BZ25YB7" + HostileFiles.Cases().Select(row => (string)row[0]).ToList().IndexOf(kind).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
        await DraftsAsync(code);
        var researcher = await SignInAsync(portal, "yangzhuo");

        var page = await UploadAsync(researcher, code, AttachmentKind.Summary, blindSafe: false, fileName, HostileFiles.Make(kind));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(reason, Forms.ErrorFor(page, "Upload") ?? "");
        Assert.Empty(await FilesAsync(code));
    }

    [Theory]
    [MemberData(nameof(HostileUploads))]
    public async Task Each_hostile_docx_is_refused_by_the_report_import_and_nothing_is_kept(string kind, string fileName, string reason)
    {
        if (!fileName.EndsWith(".docx", StringComparison.Ordinal)) return; // the import takes Word files only
        var code = "BZ25YB8" + HostileFiles.Cases().Select(row => (string)row[0]).ToList().IndexOf(kind).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
        await DraftsAsync(code);
        var researcher = await SignInAsync(portal, "yangzhuo");
        var before = (await LoadAsync(portal, code)).ReportText;

        var page = await Forms.PostAsync(researcher, await researcher.GetAsync($"/applications/{code}/edit/report"), new Dictionary<string, string?>(),
            handler: "Import", file: (fileName, HostileFiles.Make(kind)));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(reason, page.Text);
        Assert.Empty(await OriginalsAsync(code));
        Assert.Equal(before, (await LoadAsync(portal, code)).ReportText);
    }

    [Fact]
    public async Task Too_many_files_and_too_much_in_total_are_refused_with_the_limit()
    {
        const string code = "BZ25YB942";
        await DraftsAsync(code);
        var researcher = await SignInAsync(portal, "yangzhuo");
        var large = AttachmentPortal.MaxFileBytes - 100 * 1024; // 0.9 MB each

        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(researcher, code, AttachmentKind.Other, false, $"材料{i}.pdf", Pdf($"large{i}", large))).Status);
        var total = await UploadAsync(researcher, code, AttachmentKind.Other, false, "材料2.pdf", Pdf("large2", large));
        Assert.Equal(HttpStatusCode.OK, total.Status);
        Assert.Contains("附件合计不能超过 2.5 MB", Forms.ErrorFor(total, "Upload"));

        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(researcher, code, AttachmentKind.Other, false, $"小{i}.png", Png($"small{i}"))).Status);
        Assert.Equal(AttachmentPortal.MaxCount, (await FilesAsync(code)).Count);
        var many = await UploadAsync(researcher, code, AttachmentKind.Other, false, "小9.png", Png("small9"));
        Assert.Equal(HttpStatusCode.OK, many.Status);
        Assert.Contains($"最多 {AttachmentPortal.MaxCount} 个附件", Forms.ErrorFor(many, "Upload"));
        Assert.Equal(AttachmentPortal.MaxCount, (await FilesAsync(code)).Count);
    }

    [Fact]
    public async Task Files_are_frozen_with_the_round_at_submission_and_a_returned_application_keeps_them()
    {
        const string code = "BZ25YB943";
        await DraftsAsync(code);
        var researcher = await SignInAsync(portal, "yangzhuo");
        await UploadOkAsync(researcher, code, AttachmentKind.Summary, true, "成果简介.pdf", Pdf("summary"));
        await UploadOkAsync(researcher, code, AttachmentKind.Other, false, "写错的.png", Png("mistake"));
        // A draft file can be removed, from the page and from the store.
        var mistake = (await FilesAsync(code)).Single(f => f.FileName == "写错的.png");
        var deleted = await DeleteAsync(researcher, code, mistake.Id);
        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);
        Assert.DoesNotContain(await FilesAsync(code), f => f.Id == mistake.Id);
        Assert.DoesNotContain(StoredFiles(), f => f.Contains(mistake.StorageKey[2..], StringComparison.Ordinal));
        await UploadOkAsync(researcher, code, AttachmentKind.SimilarityReport, false, "查重报告.pdf", Pdf("similarity"));

        // Not submitted yet: the unit does not see the researcher's drafts.
        var unit = await SignInAsync(portal, "unit.bzdx");
        await SubmitThroughThePageAsync(researcher, code);
        var round1 = await FilesAsync(code);
        Assert.All(round1, f => Assert.Equal(1, f.FrozenRound));
        var revision1 = await RevisionAsync(code, 1);
        Assert.Equal(ApplicationSnapshot.FingerprintOf(revision1.Content), revision1.Fingerprint);
        var frozen = ApplicationSnapshot.FromJson(revision1.Content)!.Attachments!;
        Assert.Equal(round1.Select(f => f.Sha256).Order(), frozen.Select(f => f.Sha256).Order());

        // Under review: the researcher can no longer delete, the unit reads both files.
        var summary = round1.Single(f => f.Kind == AttachmentKind.Summary);
        var refused = await researcher.PostPageWithOwnTokenAsync($"/applications/{code}/edit/attachments?handler=Delete&id={summary.Id}");
        Assert.Equal($"/applications/{code}", refused.RedirectTarget);
        Assert.Equal(2, (await FilesAsync(code)).Count);
        var unitPage = await unit.GetAsync($"/applications/{code}");
        Assert.Equal(2, AttachmentLinks(unitPage, code).Count);
        foreach (var link in AttachmentLinks(unitPage, code))
            Assert.Equal(HttpStatusCode.OK, (await unit.Client.GetAsync(link)).StatusCode);

        await ActOkAsync(unit, code, "return", new Dictionary<string, string> { ["Input.Reason"] = "请补充查重报告的说明。" });
        Assert.Equal(ApplicationStatus.Returned, (await LoadAsync(portal, code)).Status);

        // Returned: frozen files stay (refused with the reason), new files can be added and removed again.
        var page = await DeleteAsync(researcher, code, summary.Id);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(DeleteAttachment.FrozenMessage, page.Text);
        Assert.Equal(2, (await FilesAsync(code)).Count);
        Assert.Empty(page.Document.QuerySelectorAll($"form[action*='id={summary.Id}']"));
        await UploadOkAsync(researcher, code, AttachmentKind.Other, false, "补充说明.docx", DocxFiles.FromMarkup("补充说明\n正文。"));
        var added = (await FilesAsync(code)).Single(f => f.FrozenRound is null);
        Assert.Equal(2, AttachmentLinks(await unit.GetAsync($"/applications/{code}"), code).Count); // still a draft
        Assert.Equal(HttpStatusCode.NotFound, (await unit.Client.GetAsync($"/applications/{code}/attachments/{added.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await researcher.Client.GetAsync($"/applications/{code}/attachments/{summary.Id}")).StatusCode);

        await SubmitThroughThePageAsync(researcher, code);
        var round2 = await FilesAsync(code);
        Assert.Equal(1, round2.Single(f => f.Id == summary.Id).FrozenRound);
        Assert.Equal(2, round2.Single(f => f.Id == added.Id).FrozenRound);
        Assert.Equal(3, ApplicationSnapshot.FromJson((await RevisionAsync(code, 2)).Content)!.Attachments!.Count);
        // The first round's revision still lists exactly its own files.
        Assert.Equal(revision1.Content, (await RevisionAsync(code, 1)).Content);
        Assert.Equal(3, AttachmentLinks(await unit.GetAsync($"/applications/{code}"), code).Count);
    }

    [Fact]
    public async Task Each_role_downloads_exactly_what_the_disclosure_policy_lists_for_it()
    {
        const string code = "BZ25YB944";
        await DraftsAsync(code);
        await CreateUserAsync(portal, "unit.foreign", "组织部审核人", Roles.UnitReviewer, OrganisationDepartmentBazhou);
        var researcher = await SignInAsync(portal, "yangzhuo");
        await UploadOkAsync(researcher, code, AttachmentKind.Summary, true, "杨卓-成果简介.pdf", Pdf("blind-safe"));
        await UploadOkAsync(researcher, code, AttachmentKind.ExemptionEvidence, false, "杨卓获奖证书.png", Png("award"));
        await SubmitThroughThePageAsync(researcher, code);
        await ToExpertReviewAsync(portal, code);
        var files = await FilesAsync(code);
        var safe = files.Single(f => f.BlindSafe);
        var named = files.Single(f => !f.BlindSafe);

        foreach (var (user, seesSafe, seesNamed) in new[]
        {
            ("admin", true, true), ("yangzhuo", true, true), ("unit.bzdx", true, true), ("skl.bazhou", true, true),
            ("expert.1", true, false), ("expert.2", true, false), ("expert.3", true, false), ("unit.foreign", false, false),
        })
        {
            var browser = await SignInAsync(portal, user);
            foreach (var (file, sees) in new[] { (safe, seesSafe), (named, seesNamed) })
            {
                var response = await browser.Client.GetAsync($"/applications/{code}/attachments/{file.Id}");
                Assert.True(response.StatusCode == (sees ? HttpStatusCode.OK : HttpStatusCode.NotFound), $"{user} file {file.FileName}: {response.StatusCode}");
                if (!sees) continue;
                // Experts receive the copy without metadata (see the test below); everyone else the bytes as uploaded.
                var received = await response.Content.ReadAsByteArrayAsync();
                if (user.StartsWith("expert", StringComparison.Ordinal)) Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(received, 0, 5));
                else Assert.Equal(file.Sha256, Sha256(received));
                // Experts read a neutral name: the uploaded one names the author.
                var name = response.Content.Headers.ContentDisposition!.FileNameStar!;
                if (user.StartsWith("expert", StringComparison.Ordinal)) Assert.Equal("成果简介-1.pdf", name);
                else Assert.Equal(file.FileName, name);
            }
            // Nobody but the researcher gets the upload page or its posts.
            var edit = await browser.Client.GetAsync($"/applications/{code}/edit/attachments");
            Assert.True(edit.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Redirect, $"{user} edit page: {edit.StatusCode}");
        }

        var anonymous = await portal.CreateBrowser().GetAsync($"/applications/{code}/attachments/{safe.Id}");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/Account/Login", anonymous.Headers.Location!.ToString());
        // A file of another application, asked for under this application's code, is not found either.
        await DraftsAsync("BZ25YB945");
        await UploadOkAsync(researcher, "BZ25YB945", AttachmentKind.Other, true, "别的.png", Png("elsewhere"));
        var elsewhere = Assert.Single(await FilesAsync("BZ25YB945"));
        Assert.Equal(HttpStatusCode.OK, (await researcher.Client.GetAsync($"/applications/BZ25YB945/attachments/{elsewhere.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await researcher.Client.GetAsync($"/applications/{code}/attachments/{elsewhere.Id}")).StatusCode);
    }

    [Fact]
    public async Task The_archive_of_a_concluded_project_holds_its_attachments_with_their_SHA256_in_the_manifest()
    {
        const string code = "BZ25YB946";
        await DraftsAsync(code);
        var researcher = await SignInAsync(portal, "yangzhuo");
        var summary = Pdf("archived summary");
        var award = Png("archived award");
        await UploadOkAsync(researcher, code, AttachmentKind.Summary, true, "成果简介.pdf", summary);
        await UploadOkAsync(researcher, code, AttachmentKind.ExemptionEvidence, false, "获奖证书.png", award);
        await SubmitThroughThePageAsync(researcher, code);
        await ConcludeSubmittedAsync(portal, code);

        var archive = await ArchiveAsync(code);
        Assert.Equal(summary, archive["附件/01-成果简介-成果简介.pdf"]);
        Assert.Equal(award, archive["附件/02-免于鉴定证明材料-获奖证书.png"]);
        var manifest = Encoding.UTF8.GetString(archive["SHA256SUMS"]);
        Assert.Contains($"{Sha256(summary)}  附件/01-成果简介-成果简介.pdf", manifest);
        Assert.Contains($"{Sha256(award)}  附件/02-免于鉴定证明材料-获奖证书.png", manifest);
    }

    [Fact]
    public async Task The_docx_a_report_was_imported_from_is_kept_once_its_text_is_saved_and_archived_byte_for_byte()
    {
        const string code = "BZ25YB947";
        await DraftsAsync(code);
        var researcher = await SignInAsync(portal, "yangzhuo");
        var reportPage = $"/applications/{code}/edit/report";
        const string firstText = "数字乡村建设研究\n摘要：本文考察数字乡村建设。\n关键词：数字乡村\n一、现状\n第一稿正文。";
        const string secondText = "数字乡村建设研究\n摘要：本文考察数字乡村建设。\n关键词：数字乡村\n一、现状\n第二稿正文。";
        var first = DocxFiles.FromMarkup(firstText);
        var second = DocxFiles.FromMarkup(secondText);
        bool Stored(string key) => StoredFiles().Any(f => f.Contains(key[2..], StringComparison.Ordinal));

        // Over an existing report the researcher is asked first: the file waits, nothing is kept yet.
        var asked = await Forms.PostAsync(researcher, await researcher.GetAsync(reportPage), new Dictionary<string, string?>(),
            handler: "Import", file: ("第一稿.docx", first));
        Assert.NotNull(asked.Document.QuerySelector("#import-confirm"));
        var waiting = Assert.Single(await OriginalsAsync(code));
        Assert.True(waiting.Pending);
        Assert.Equal(Sha256(first), waiting.Sha256);
        Assert.True(Stored(waiting.StorageKey));

        // A second import left unanswered replaces the waiting file, on disk too.
        var askedAgain = await Forms.PostAsync(researcher, await researcher.GetAsync(reportPage), new Dictionary<string, string?>(),
            handler: "Import", file: ("杨卓 成果第二稿.docx", second));
        var waitingNow = Assert.Single(await OriginalsAsync(code));
        Assert.True(waitingNow.Pending);
        Assert.Equal(Sha256(second), waitingNow.Sha256);
        Assert.False(Stored(waiting.StorageKey));

        // Confirmed: that file is the kept original, and the page says so.
        var replaced = await Forms.FollowAsync(researcher, await researcher.SubmitAsync(askedAgain, new Dictionary<string, string>(), "#import-confirm form"));
        var kept = Assert.Single(await OriginalsAsync(code));
        Assert.Equal((waitingNow.Id, false, "杨卓 成果第二稿.docx"), (kept.Id, kept.Pending, kept.FileName));
        Assert.Contains("“杨卓 成果第二稿.docx”", replaced.Document.QuerySelector("#kept-original")!.TextContent);

        // Imported again with the same text, it is saved at once and its file replaces the kept one.
        var direct = await Forms.FollowAsync(researcher, await Forms.PostAsync(researcher, replaced, new Dictionary<string, string?>(),
            handler: "Import", file: ("定稿", second)));
        Assert.Contains("已导入 Word 文档并保存", direct.Text);
        var final = Assert.Single(await OriginalsAsync(code));
        Assert.Equal((false, "定稿"), (final.Pending, final.FileName));
        Assert.False(Stored(kept.StorageKey));
        Assert.True(Stored(final.StorageKey));

        await SubmitThroughThePageAsync(researcher, code);
        await ConcludeSubmittedAsync(portal, code);
        var archive = await ArchiveAsync(code);
        Assert.Equal(second, archive["成果Word原件/定稿.docx"]);
        var manifest = Encoding.UTF8.GetString(archive["SHA256SUMS"]);
        Assert.Contains($"{Sha256(second)}  成果Word原件/定稿.docx", manifest);
        Assert.DoesNotContain(archive.Keys, k => k.Contains("无法归档", StringComparison.Ordinal));
    }

    // ---- helpers

    /// <summary>The project's 归档 .zip as the federation downloads it, entry by entry.</summary>
    private async Task<Dictionary<string, byte[]>> ArchiveAsync(string code)
    {
        var response = await (await SignInAsync(portal, "admin")).Client.GetAsync($"/Admin/Archive?handler=Project&code={code}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        var entries = new Dictionary<string, byte[]>();
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            entries[entry.FullName] = copy.ToArray();
        }
        return entries;
    }

    private async Task DraftsAsync(string code)
    {
        if (await portal.WithDbAsync(db => db.FundedProjects.AnyAsync(p => p.Code == code))) return;
        await portal.WithDbAsync(async db => { await ReadyDrafts.AddAsync(db, [code]); return 0; });
    }

    internal static async Task<Browser.Page> UploadAsync(Browser browser, string code, AttachmentKind kind, bool blindSafe, string fileName, byte[] bytes)
    {
        var page = await browser.GetAsync($"/applications/{code}/edit/attachments");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var form = page.Document.QuerySelector<IHtmlFormElement>("form[enctype='multipart/form-data']")!;
        var values = Browser.FormValues(form);
        values["Input.Kind"] = kind.ToString();
        if (blindSafe) values["Input.BlindSafe"] = "true";
        else values.Remove("Input.BlindSafe");
        var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in values) multipart.Add(new StringContent(value), name);
        var file = new ByteArrayContent(bytes);
        // What the browser claims is ignored: the portal reads the bytes.
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        multipart.Add(file, "Upload", fileName);
        var url = $"/applications/{code}/edit/attachments?handler=Upload";
        return await Browser.Page.ReadAsync(await browser.Client.PostAsync(url, multipart), url);
    }

    internal static async Task UploadOkAsync(Browser browser, string code, AttachmentKind kind, bool blindSafe, string fileName, byte[] bytes)
    {
        var page = await UploadAsync(browser, code, kind, blindSafe, fileName, bytes);
        Assert.True(page.Status == HttpStatusCode.Redirect, $"upload of {fileName}: {page.Status}\n{page.Text}");
    }

    /// <summary>The delete button of the file's row on the attachments page, as the researcher presses it.</summary>
    private static async Task<Browser.Page> DeleteAsync(Browser browser, string code, int id)
    {
        var page = await browser.GetAsync($"/applications/{code}/edit/attachments");
        var form = page.Document.QuerySelector($"form[action*='id={id}']");
        if (form is null) return await browser.PostPageWithOwnTokenAsync($"/applications/{code}/edit/attachments?handler=Delete&id={id}");
        return await browser.SubmitAsync(page, new Dictionary<string, string>(), $"form[action*='id={id}']");
    }

    private static List<string> AttachmentLinks(Browser.Page page, string code) =>
        page.Links.Where(l => l.StartsWith($"/applications/{code}/attachments/", StringComparison.Ordinal)).Distinct().ToList();

    private Task<List<Attachment>> FilesAsync(string code) =>
        portal.WithDbAsync(db => db.Attachments.AsNoTracking()
            .Where(f => db.ClosureApplications.Any(a => a.Id == f.ApplicationId && a.Project.Code == code))
            .OrderBy(f => f.Id).ToListAsync());

    private Task<List<ImportedReport>> OriginalsAsync(string code) =>
        portal.WithDbAsync(db => db.ImportedReports.AsNoTracking()
            .Where(f => db.ClosureApplications.Any(a => a.Id == f.ApplicationId && a.Project.Code == code))
            .OrderBy(f => f.Id).ToListAsync());

    private Task<ApplicationRevision> RevisionAsync(string code, int round) =>
        portal.WithDbAsync(db => db.ApplicationRevisions.AsNoTracking()
            .SingleAsync(r => r.Round == round && db.ClosureApplications.Any(a => a.Id == r.ApplicationId && a.Project.Code == code)));

    private List<string> StoredFiles() =>
        Directory.Exists(portal.StoreRoot) ? Directory.GetFiles(portal.StoreRoot, "*", SearchOption.AllDirectories).Order().ToList() : [];

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>A small real PDF (one page), distinct per marker, padded to <paramref name="size"/> bytes when asked.</summary>
    internal static byte[] Pdf(string marker, int size = 0) => PdfFiles.Page(new string(marker.Where(char.IsAsciiLetterOrDigit).ToArray()) + marker.GetHashCode(StringComparison.Ordinal), size);

    internal static byte[] Png(string marker) => ImageFiles.Png(marker.GetHashCode(StringComparison.Ordinal));

    private static byte[] BadFile(string kind) => kind switch
    {
        "too-large" => Pdf("large", AttachmentPortal.MaxFileBytes + 1),
        "unknown" => Encoding.UTF8.GetBytes("只是一段文字"),
        "not-a-type" => Encoding.UTF8.GetBytes("GIF89a 其实是别的东西"),
        "mismatch" => Png("mismatch"),
        "eicar" => [.. Pdf("eicar"), .. Encoding.ASCII.GetBytes(@"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*")],
        "exe-as-pdf" => [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, .. Encoding.ASCII.GetBytes("This program cannot be run in DOS mode. %PDF-1.4")],
        "elf-as-png" => [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0],
        "macro-docx" => DocxFiles.WithEntry(DocxFiles.FromMarkup("成果简介\n正文。"), "word/vbaProject.bin", [0xD0, 0xCF, 0x11, 0xE0]),
        "package-docx" => DocxFiles.WithEntry(DocxFiles.FromMarkup("成果简介\n正文。"), "word/embeddings/oleObject1.bin",
            [0xD0, 0xCF, 0x11, 0xE0, .. Encoding.Unicode.GetBytes("\u0001Ole10Native"), .. "MZ"u8.ToArray()]),
        "pdf-javascript" => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"),
        "pdf-hidden-launch" => PdfFiles.WithObjectStream("/OpenAction 7 0 R", "FlateDecode", ["<< /Type /Action /S /Launch /F (cmd.exe) >>"]),
        "pdf-embedded-file" => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Names << /Embedded#46iles 2 0 R >> >>\nendobj\n%%EOF\n"),
        _ => ZipWith("readme.txt", "不是 Word 文档"u8.ToArray()),
    };

    private static byte[] ZipWith(string entryName, byte[] content)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry(entryName).Open();
            entry.Write(content);
        }
        return stream.ToArray();
    }
}
