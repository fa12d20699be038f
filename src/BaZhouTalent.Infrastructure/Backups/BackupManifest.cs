using System.Security.Cryptography;
using System.Text.Json;

namespace BaZhouTalent.Infrastructure.Backups;

/// <summary>One file of a backup, by its path inside the backup folder.</summary>
public sealed record BackupFile(string Path, long Bytes, string Sha256);

/// <summary>
/// What a backup holds (manifest.json): the schema it was taken at (the last migration), the rows per table at that
/// moment, and every file with its SHA-256. manifest.sha256 beside it holds the manifest's own hash, so no byte of a
/// backup can change unnoticed.
/// </summary>
public sealed record BackupManifest(
    int Format,
    DateTimeOffset TakenAt,
    string Provider,
    string SchemaVersion,
    IReadOnlyDictionary<string, long> Rows,
    IReadOnlyList<BackupFile> Files)
{
    public const string FileName = "manifest.json";
    public const string HashFileName = "manifest.sha256";
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public async Task WriteAsync(string folder, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(this, Json);
        await File.WriteAllBytesAsync(System.IO.Path.Combine(folder, FileName), bytes, cancellationToken);
        await File.WriteAllTextAsync(System.IO.Path.Combine(folder, HashFileName), Hash(bytes) + "\n", cancellationToken);
    }

    /// <summary>The manifest of a backup folder, refused (<see cref="BackupRefusedException"/>) when missing or changed.</summary>
    public static async Task<BackupManifest> ReadAsync(string folder, CancellationToken cancellationToken)
    {
        var path = System.IO.Path.Combine(folder, FileName);
        var hashPath = System.IO.Path.Combine(folder, HashFileName);
        if (!File.Exists(path) || !File.Exists(hashPath))
            throw new BackupRefusedException($"{folder} 不是完整的备份：缺少 {FileName} 或 {HashFileName}。");
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        if (Hash(bytes) != (await File.ReadAllTextAsync(hashPath, cancellationToken)).Trim())
            throw new BackupRefusedException($"备份已损坏：{FileName} 与其校验值不符。");
        return JsonSerializer.Deserialize<BackupManifest>(bytes, Json)
            ?? throw new BackupRefusedException($"备份已损坏：{FileName} 无法读取。");
    }

    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static async Task<BackupFile> DescribeAsync(string folder, string relativePath, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(System.IO.Path.Combine(folder, relativePath));
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        return new BackupFile(relativePath.Replace('\\', '/'), stream.Length, hash);
    }
}

/// <summary>A backup that must not be restored (damaged, incomplete, from a newer version) or a target that is not empty; nothing was restored.</summary>
public sealed class BackupRefusedException(string message) : Exception(message);
