using System.Net;
using System.Security.Cryptography;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Desk;

/// <summary>归档's PDFs made once and kept: the same bytes and checksums in every archive of an application.</summary>
public class ArchiveCopiesTests(ArchiveCopiesTests.Fixture portal) : IClassFixture<ArchiveCopiesTests.Fixture>
{
    public const string Concluded = "BZ25YB874";

    public sealed class Fixture : PortalFactory, IAsyncLifetime
    {
        public SimultaneousGate Gate { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            SimultaneousGate.AddTo(builder, Gate);
        }

        public Task InitializeAsync() => DeskKit.ConcludeAsync(this, Concluded);

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    /// <summary>
    /// The PDFs are made at conclusion and kept: the project zip, the year zip and a second download carry the same
    /// bytes and checksums, and the store holds one copy of each.
    /// </summary>
    [Fact]
    public async Task The_archives_PDFs_are_made_at_conclusion_and_identical_in_the_project_and_year_zips()
    {
        var kept = await portal.WithDbAsync(db => db.ArchivedDocuments.AsNoTracking()
            .Where(d => db.ClosureApplications.Any(a => a.Id == d.ApplicationId && a.Project.Code == Concluded)).Select(d => d.Name).ToListAsync());
        // Made when the federation concluded, before anyone asked for an archive.
        Assert.Equal(["最终成果.pdf", "结项申请书-A3双面对折.pdf", "结项申请书-A4.pdf", "结项证书.pdf"], kept.Order(StringComparer.Ordinal));

        var admin = await SignInAsync(portal, "admin");
        var project = CertificateTests.ReadZip(await CertificateTests.BytesAsync(admin, $"/Admin/Archive?handler=Project&code={Concluded}"));
        var again = CertificateTests.ReadZip(await CertificateTests.BytesAsync(admin, $"/Admin/Archive?handler=Project&code={Concluded}"));
        var year = CertificateTests.ReadZip(await YearArchiveKit.DownloadAsync(admin, 2025));
        var projectSums = CertificateTests.Checksums(project);
        var yearSums = CertificateTests.Checksums(year);
        foreach (var name in kept)
        {
            Assert.Equal(project[name], again[name]);
            Assert.Equal(project[name], year[$"{Concluded}/{name}"]);
            Assert.Equal(projectSums[name], yearSums[$"{Concluded}/{name}"]);
        }
    }

    /// <summary>
    /// An application concluded before copies were kept gets them on its first archive request; two requests at once
    /// keep one copy of each and both carry its bytes.
    /// </summary>
    [Fact]
    public async Task An_application_concluded_before_copies_were_kept_gets_them_once_on_first_request_even_asked_twice_at_once()
    {
        const string code = "BZ25YB873";
        await DeskKit.ConcludeAsync(portal, code);
        await portal.WithDbAsync(db => db.ArchivedDocuments
            .Where(d => db.ClosureApplications.Any(a => a.Id == d.ApplicationId && a.Project.Code == code)).ExecuteDeleteAsync());

        var admin = await SignInAsync(portal, "admin");
        portal.Gate.Expect("archive", 2);
        var zips = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/Admin/Archive?handler=Project&code={code}");
            request.Headers.Add(SimultaneousGate.Header, "archive");
            var response = await admin.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return CertificateTests.ReadZip(await response.Content.ReadAsByteArrayAsync());
        }));

        var kept = await portal.WithDbAsync(db => db.ArchivedDocuments.AsNoTracking()
            .Where(d => db.ClosureApplications.Any(a => a.Id == d.ApplicationId && a.Project.Code == code)).ToListAsync());
        Assert.Equal(4, kept.Count);
        foreach (var document in kept)
        {
            Assert.Equal(zips[0][document.Name], zips[1][document.Name]);
            Assert.Equal(document.Sha256, Convert.ToHexStringLower(SHA256.HashData(zips[0][document.Name])));
        }
        var later = CertificateTests.ReadZip(await CertificateTests.BytesAsync(admin, $"/Admin/Archive?handler=Project&code={code}"));
        Assert.Equal(zips[0]["结项申请书-A4.pdf"], later["结项申请书-A4.pdf"]);
    }

    /// <summary>
    /// The year's 归档 copies what was kept at conclusion and does not lay the form out again: an application whose title
    /// was later given a character no font has (what a 更正登记 could do) still carries its kept PDFs, not the
    /// 无法打印的字符.txt a fresh rendering would give.
    /// </summary>
    [Fact]
    public async Task The_years_archive_carries_the_kept_PDFs_without_rendering_the_application_again()
    {
        const string code = "BZ25YB872";
        await DeskKit.ConcludeAsync(portal, code);
        var kept = await portal.WithDbAsync(db => db.ArchivedDocuments.AsNoTracking()
            .Where(d => db.ClosureApplications.Any(a => a.Id == d.ApplicationId && a.Project.Code == code)).ToDictionaryAsync(d => d.Name, d => d.Sha256));
        const string unprintable = "\U0002A6A5"; // a CJK Extension C character no bundled font has (PrintModelVariationTests)
        await portal.WithDbAsync(async db =>
        {
            await db.FundedProjects.Where(p => p.Code == code).ExecuteUpdateAsync(s => s.SetProperty(p => p.Title, p => p.Title + unprintable));
            return await db.ClosureApplications.Where(a => a.Project.Code == code)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.ProjectTitle, a => a.ProjectTitle + unprintable));
        });

        var admin = await SignInAsync(portal, "admin");
        var year = CertificateTests.ReadZip(await YearArchiveKit.DownloadAsync(admin, 2025));

        Assert.DoesNotContain($"{code}/无法打印的字符.txt", year.Keys);
        Assert.Equal(4, kept.Count);
        foreach (var (name, sha256) in kept)
            Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(year[$"{code}/{name}"])));
    }
}
