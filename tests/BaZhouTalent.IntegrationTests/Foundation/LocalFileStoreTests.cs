using System.Security.Cryptography;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Infrastructure.Files;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace BaZhouTalent.IntegrationTests.Foundation;

/// <summary>The local-folder file store on a real temporary folder.</summary>
public sealed class LocalFileStoreTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "bazhoutalent-tests", "store-" + Guid.NewGuid().ToString("N"));

    private LocalFileStore Store => new(root, NullLogger<LocalFileStore>.Instance);

    [Fact]
    public async Task A_saved_file_reads_back_checked_and_leaves_no_temporary_file()
    {
        var bytes = RandomNumberGenerator.GetBytes(100_000);
        var stored = await Store.SaveAsync(bytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.Sha256);
        Assert.Matches("^[0-9a-f]{32}$", stored.Key);
        Assert.Equal(bytes, await Store.ReadAsync(stored.Key, stored.Sha256));
        Assert.Single(Directory.GetFiles(root, "*", SearchOption.AllDirectories));

        await Store.DeleteAsync(stored.Key);
        Assert.Null(await Store.ReadAsync(stored.Key, stored.Sha256));
        await Store.DeleteAsync(stored.Key); // already gone: nothing happens
    }

    [Fact]
    public async Task A_changed_file_is_refused_on_read()
    {
        var stored = await Store.SaveAsync("原始内容"u8.ToArray());
        var path = Assert.Single(Directory.GetFiles(root, "*", SearchOption.AllDirectories));
        await File.WriteAllBytesAsync(path, "改过的内容"u8.ToArray());
        await Assert.ThrowsAsync<StoredFileCorruptException>(() => Store.ReadAsync(stored.Key, stored.Sha256));
    }

    [Theory]
    [InlineData("../../../../etc/passwd")]
    [InlineData("0123456789abcdef0123456789abcde/")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("")]
    public async Task A_key_the_store_did_not_make_names_no_file(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ReadAsync(key, ""));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.DeleteAsync(key));
    }

    [Fact]
    public void The_default_folder_is_beside_the_SQLite_file_and_a_configured_root_wins()
    {
        var beside = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = $"Data Source={Path.Combine(root, "db", "portal.db")}",
        }).Build();
        Assert.Equal(Path.Combine(root, "db", "attachments"), FileStoreSetup.RootFor(beside, "/srv/portal"));

        var byDefault = new ConfigurationBuilder().Build();
        Assert.Equal(Path.GetFullPath("/srv/portal/data/attachments"), FileStoreSetup.RootFor(byDefault, "/srv/portal"));

        var share = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Attachments:Root"] = "/mnt/skl-files", ["ConnectionStrings:Default"] = "Data Source=x.db",
        }).Build();
        Assert.Equal("/mnt/skl-files", FileStoreSetup.RootFor(share, "/srv/portal"));
    }

    public void Dispose()
    {
        try { Directory.Delete(root, recursive: true); }
        catch (IOException) { /* a leftover temp folder is harmless; DirectoryNotFoundException is one */ }
    }
}
