namespace BaZhouTalent.Infrastructure.Files;

/// <summary>A stored file's bytes in the database (<see cref="DatabaseFileStore"/>), under the store's own key.</summary>
public sealed class StoredBlob
{
    public required string Key { get; set; }
    public required byte[] Content { get; set; }
}
