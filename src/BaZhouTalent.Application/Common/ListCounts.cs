using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Common;

/// <summary>
/// How many rows a list's filter matches (its 共 N 条), counted once per data version (<see cref="VersionedCache"/>):
/// paging through a list, or several people opening the same one, counts it once, and any change saved
/// (on any instance) makes the next request count afresh. For lists whose matches run into the thousands, where the count costs more than
/// the page.
/// </summary>
/// <remarks>
/// The key must name everything besides the data that decides the count: the list, its filter and search, whose view
/// it is, and the day when the filter depends on it.
/// </remarks>
public sealed class ListCounts(VersionedCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public Task<int> CountAsync<T>(IQueryable<T> rows, object key, CancellationToken cancellationToken) =>
        KeepAsync(key, () => rows.CountAsync(cancellationToken));

    /// <summary>Several counts made together (a list's groups), kept like one.</summary>
    public Task<TCounts> KeepAsync<TCounts>(object key, Func<Task<TCounts>> count) =>
        cache.KeepAsync((nameof(ListCounts), key), Lifetime, count);
}
