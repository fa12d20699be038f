using System.Net;
using System.Security.Cryptography;
using System.Text;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.IntegrationTests.Hardening;
using BaZhouTalent.IntegrationTests.Researcher;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Desk;

/// <summary>
/// A year's 归档 is written to the response as it is made: the client holds the first application's files while the
/// last application's attachment is still being read (held there by the test). Memory therefore holds one application
/// at a time, whatever the year's size (the figures at 4,000 applications are in docs/benchmarks.md). A zip built
/// whole before its first byte (as before) never answers while the read is held, and the test fails on its guard.
/// </summary>
public class ArchiveStreamingTests(ArchiveStreamingTests.HeldStorePortal portal) : IClassFixture<ArchiveStreamingTests.HeldStorePortal>
{
    private const string First = "BZ25YB881";
    private const string Last = "BZ25YB882";

    /// <summary>A guard against hanging, not a timing assertion.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(3);

    public sealed class HeldStorePortal : PortalFactory
    {
        public HeldFileStore.Gate Gate { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                var original = services.Last(d => d.ServiceType == typeof(IFileStore));
                services.Remove(original);
                services.AddSingleton<IFileStore>(sp => new HeldFileStore(
                    (IFileStore)(original.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!)), Gate));
            });
        }
    }

    /// <summary>The portal's store, except that reading the file of one SHA-256 waits until the test releases it.</summary>
    public sealed class HeldFileStore(IFileStore inner, HeldFileStore.Gate gate) : IFileStore
    {
        public sealed class Gate
        {
            public string? Sha256 { get; set; }
            public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
            public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public Task<StoredFile> SaveAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) => inner.SaveAsync(content, cancellationToken);

        public async Task<byte[]?> ReadAsync(string key, string sha256, CancellationToken cancellationToken = default)
        {
            if (sha256 == gate.Sha256)
            {
                gate.Reached.TrySetResult();
                await gate.Released.Task.WaitAsync(cancellationToken);
            }
            return await inner.ReadAsync(key, sha256, cancellationToken);
        }

        public Task DeleteAsync(string key, CancellationToken cancellationToken = default) => inner.DeleteAsync(key, cancellationToken);
    }

    [Fact]
    public async Task A_years_archive_reaches_the_client_application_by_application_while_the_rest_is_being_made()
    {
        await DeskKit.ConcludeAsync(portal, First);
        await portal.WithDbAsync(async db => { await ReadyDrafts.AddAsync(db, [Last]); return 0; });
        var researcher = await SignInAsync(portal, "yangzhuo");
        var summary = AttachmentTests.Pdf("held summary");
        await AttachmentTests.UploadOkAsync(researcher, Last, AttachmentKind.Summary, true, "成果简介.pdf", summary);
        await BaZhouTalent.IntegrationTests.Review.ReviewKit.SubmitThroughThePageAsync(researcher, Last);
        await BaZhouTalent.IntegrationTests.Review.ReviewKit.ConcludeSubmittedAsync(portal, Last);
        portal.Gate.Sha256 = Convert.ToHexStringLower(SHA256.HashData(summary));

        var admin = await SignInAsync(portal, "admin");
        using var response = await admin.Client.GetAsync("/Admin/Archive?handler=Year&year=2025", HttpCompletionOption.ResponseHeadersRead).WaitAsync(Guard);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);

        // The first application's files arrive while the last application's attachment is held unread.
        await using var body = await response.Content.ReadAsStreamAsync();
        var received = new MemoryStream();
        var firstDone = Encoding.UTF8.GetBytes($"{First}/审核历史.csv");
        var buffer = new byte[16 * 1024];
        while (received.ToArray().AsSpan().IndexOf(firstDone) < 0)
        {
            var read = await body.ReadAsync(buffer).AsTask().WaitAsync(Guard);
            Assert.True(read > 0, "the archive ended before the first application's files");
            received.Write(buffer, 0, read);
        }
        // The held read is on the archive's way: the rest does not arrive until it is released.
        var tail = new MemoryStream();
        var rest = body.CopyToAsync(tail);
        var firstToHappen = await Task.WhenAny(portal.Gate.Reached.Task, rest).WaitAsync(Guard);
        Assert.True(firstToHappen == portal.Gate.Reached.Task,
            "the archive ended without reading the held attachment\n" + portal.ReadLogs());
        Assert.False(rest.IsCompleted);

        portal.Gate.Released.SetResult();
        await rest.WaitAsync(Guard);
        received.Write(tail.ToArray());
        var entries = CertificateTests.ReadZip(received.ToArray());
        CertificateTests.AssertManifestMatches(entries);
        Assert.Contains($"{First}/结项证书.pdf", entries.Keys);
        Assert.Equal(summary, entries[$"{Last}/附件/01-成果简介-成果简介.pdf"]);
    }
}
