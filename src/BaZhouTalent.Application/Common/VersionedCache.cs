using BaZhouTalent.Application.Abstractions;
using Microsoft.Extensions.Caching.Memory;

namespace BaZhouTalent.Application.Common;

/// <summary>
/// Figures kept in memory under the <see cref="DataVersion"/> they were computed at: any change saved on this instance
/// makes the next request compute them afresh, and another instance's changes show when the entry's lifetime ends.
/// The key must name everything besides the data that decides the figures.
/// </summary>
public sealed class VersionedCache(IMemoryCache cache, DataVersion version)
{
    public async Task<T> KeepAsync<T>(object key, TimeSpan lifetime, Func<Task<T>> compute)
    {
        // The version is read before computing, so a change saved meanwhile is computed by the next request.
        return (await cache.GetOrCreateAsync((key, version.Current), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = lifetime;
            return compute();
        }))!;
    }
}
