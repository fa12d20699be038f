using System.Security.Cryptography;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaZhouTalent.Infrastructure.Files;

/// <summary>
/// Files kept in the database itself (table StoredBlobs, bytea / varbinary(max)): the store for the server databases,
/// so every instance sees every file without a shared folder, and one database backup (pg_dump) holds files and rows
/// alike, consistent to the same moment. Each call uses a context of its own, so a file is saved whole, before and apart
/// from the row that will point to it — as the folder store does.
/// </summary>
public sealed class DatabaseFileStore(IServiceScopeFactory scopes) : IFileStore
{
    public async Task<StoredFile> SaveAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.StoredBlobs.Add(new StoredBlob { Key = key, Content = content.ToArray() });
        await db.SaveChangesAsync(cancellationToken);
        return new StoredFile(key, Convert.ToHexStringLower(SHA256.HashData(content.Span)), content.Length);
    }

    public async Task<byte[]?> ReadAsync(string key, string sha256, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var content = await db.StoredBlobs.AsNoTracking().Where(b => b.Key == Checked(key)).Select(b => b.Content).SingleOrDefaultAsync(cancellationToken);
        if (content is null) return null;
        if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(content)), sha256, StringComparison.OrdinalIgnoreCase))
            throw new StoredFileCorruptException(key);
        return content;
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.StoredBlobs.Where(b => b.Key == Checked(key)).ExecuteDeleteAsync(cancellationToken);
    }

    private static string Checked(string key) => LocalFileStore.IsKey(key) ? key : throw new ArgumentException("Not a file store key.", nameof(key));
}
