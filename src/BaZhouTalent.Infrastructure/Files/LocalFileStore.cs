using System.Security.Cryptography;
using BaZhouTalent.Application.Abstractions;
using Microsoft.Extensions.Logging;

namespace BaZhouTalent.Infrastructure.Files;

/// <summary>Where <see cref="LocalFileStore"/> keeps files (section “Attachments”).</summary>
public sealed class FileStoreOptions
{
    public const string Section = "Attachments";

    /// <summary>
    /// The folder (a local path or a mounted network share such as <c>/mnt/skl-files</c> or <c>\\server\share</c>);
    /// empty means <c>attachments</c> beside the SQLite file, or the database itself for SQL Server and PostgreSQL.
    /// </summary>
    public string? Root { get; set; }
}

/// <summary>
/// Files in a folder, each under a random 32-hex key split into two levels (ab/cdef….bin) so no folder grows
/// huge. A key is made here, never taken from a user, and checked before use, so no request can name a path.
/// Writes go to a temporary file in the same folder that is flushed and then moved into place, so a crash
/// leaves either the whole file or none. Reads are checked against the SHA-256 the caller recorded.
/// </summary>
public sealed class LocalFileStore(string root, ILogger<LocalFileStore> log) : IFileStore
{
    public string Root { get; } = Path.GetFullPath(root);

    public async Task<StoredFile> SaveAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(content, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: false);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
        return new StoredFile(key, Convert.ToHexStringLower(SHA256.HashData(content.Span)), content.Length);
    }

    public async Task<byte[]?> ReadAsync(string key, string sha256, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        if (!File.Exists(path)) return null;
        var content = await File.ReadAllBytesAsync(path, cancellationToken);
        if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(content)), sha256, StringComparison.OrdinalIgnoreCase))
            throw new StoredFileCorruptException(key);
        return content;
    }

    /// <summary>The file, hashed through once and then returned from its start; the caller copies and disposes it.</summary>
    public async Task<Stream?> OpenReadAsync(string key, string sha256, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        if (!File.Exists(path)) return null;
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        try
        {
            var hash = await SHA256.HashDataAsync(stream, cancellationToken);
            if (!string.Equals(Convert.ToHexStringLower(hash), sha256, StringComparison.OrdinalIgnoreCase))
                throw new StoredFileCorruptException(key);
            stream.Position = 0;
            return stream;
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        if (File.Exists(path)) File.Delete(path);
        return Task.CompletedTask;
    }

    /// <summary>The file of a key; a key that is not 32 lower-case hex digits is refused, so none can leave the root.</summary>
    internal string PathOf(string key)
    {
        if (!IsKey(key))
            throw new ArgumentException("Not a file store key.", nameof(key));
        return Path.Combine(Root, key[..2], key[2..] + ".bin");
    }

    /// <summary>True for a key a store makes: 32 lower-case hex digits.</summary>
    internal static bool IsKey(string key) => key.Length == 32 && key.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    private void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException e) { log.LogWarning(e, "Temporary file {Path} not removed", path); }
    }
}
