namespace BaZhouTalent.Application.Abstractions;

/// <summary>What the store answers to a write: the opaque key to read the content back by, and its SHA-256.</summary>
public sealed record StoredFile(string Key, string Sha256, long Length);

/// <summary>A stored file whose content no longer has the SHA-256 recorded for it (changed or damaged on disk).</summary>
public sealed class StoredFileCorruptException(string key) : IOException($"Stored file {key} does not match its recorded SHA-256.")
{
    public string Key { get; } = key;
}

/// <summary>
/// Where uploaded files live, outside the database: a local folder by default, a network share in production.
/// Files are kept under keys the store makes up, never under a name a user chose.
/// </summary>
public interface IFileStore
{
    /// <summary>Stores the content completely or not at all (a reader never sees half a file).</summary>
    Task<StoredFile> SaveAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>
    /// The content under <paramref name="key"/>, checked against <paramref name="sha256"/>: null when there is
    /// no such file, <see cref="StoredFileCorruptException"/> when the bytes are not the ones recorded.
    /// </summary>
    Task<byte[]?> ReadAsync(string key, string sha256, CancellationToken cancellationToken = default);

    /// <summary>
    /// The content under <paramref name="key"/> to copy from, checked against <paramref name="sha256"/> before it is
    /// returned, as <see cref="ReadAsync"/> answers. By default the content read whole; a folder streams it from disk, so
    /// an archive of thousands of files never holds one whole in memory.
    /// </summary>
    async Task<Stream?> OpenReadAsync(string key, string sha256, CancellationToken cancellationToken = default) =>
        await ReadAsync(key, sha256, cancellationToken) is { } content ? new MemoryStream(content, writable: false) : null;

    /// <summary>Removes the file; nothing happens when it is already gone.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken = default);
}
