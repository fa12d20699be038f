using BaZhouTalent.Application.Abstractions;
using Microsoft.Extensions.Caching.Memory;

namespace BaZhouTalent.Application.Common;

/// <summary>
/// Figures kept in memory under the data-change stamp (<see cref="IDataVersion"/>) they were computed at: a change saved
/// on any instance moves the stamp, so the next request anywhere computes them afresh; the entry's lifetime only bounds
/// memory. The key must name everything besides the data that decides the figures.
/// </summary>
public sealed class VersionedCache(IMemoryCache cache, IDataVersion version)
{
    public async Task<T> KeepAsync<T>(object key, TimeSpan lifetime, Func<Task<T>> compute)
    {
        // The stamp is read before computing, so a change saved meanwhile is computed by the next request.
        var current = await version.CurrentAsync();
        return (await cache.GetOrCreateAsync((key, current), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = lifetime;
            return compute();
        }))!;
    }
}
