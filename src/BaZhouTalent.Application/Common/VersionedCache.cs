using BaZhouTalent.Application.Abstractions;
using Microsoft.Extensions.Caching.Memory;

namespace BaZhouTalent.Application.Common;

/// <summary>
/// Figures kept in memory under the data-change stamp (<see cref="IDataVersion"/>) they were computed at: a change saved
/// on any instance moves the stamp, so the next request anywhere computes them afresh; the entry's lifetime only bounds
/// memory. The key must name everything besides the data that decides the figures.
/// </summary>
/// <remarks>
/// One computation per key and stamp at a time (single flight): requests that miss while it runs wait for it rather
/// than computing again. With <c>staleWhileComputing</c>, they are answered at once with the figures of the previous
/// stamp instead, so only the request that started the computation waits for it; figures are then at most one
/// computation behind the data, and a page showing them says when they were taken. A computation that fails is not
/// kept: the requests that waited for it start one of their own.
/// </remarks>
public sealed class VersionedCache(IMemoryCache cache, IDataVersion version)
{
    private static readonly Lock Gate = new();

    public async Task<T> KeepAsync<T>(object key, TimeSpan lifetime, Func<Task<T>> compute, bool staleWhileComputing = false)
    {
        // The stamp is read before computing, so a change saved meanwhile is computed by the next request.
        var current = await version.CurrentAsync();
        var versioned = (key, current);
        var latest = (key, "latest");
        while (true)
        {
            TaskCompletionSource<T>? flight = null;
            Task<T>? kept;
            Latest<T>? stale = null;
            lock (Gate)
            {
                if (!cache.TryGetValue(versioned, out kept) || kept is null)
                {
                    flight = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
                    kept = flight.Task;
                    cache.Set(versioned, kept, lifetime);
                }
                else if (staleWhileComputing && !kept.IsCompleted)
                {
                    stale = cache.Get<Latest<T>>(latest);
                }
            }
            if (flight is not null) return await ComputeAsync(flight, compute, versioned, latest, current, lifetime);
            if (stale is not null) return stale.Value;
            try
            {
                return await kept;
            }
            catch when (kept.IsFaulted || kept.IsCanceled)
            {
                // The request that computed it failed (or was cancelled) and removed it: compute afresh.
            }
        }
    }

    private async Task<T> ComputeAsync<T>(TaskCompletionSource<T> flight, Func<Task<T>> compute, object versioned, object latest, long current,
        TimeSpan lifetime)
    {
        try
        {
            var value = await compute();
            flight.SetResult(value);
            lock (Gate)
            {
                if (cache.Get<Latest<T>>(latest) is not { } previous || previous.Stamp <= current)
                    cache.Set(latest, new Latest<T>(current, value), lifetime);
            }
            return value;
        }
        catch (Exception e)
        {
            lock (Gate) cache.Remove(versioned);
            if (e is OperationCanceledException) flight.SetCanceled(CancellationToken.None);
            else flight.SetException(e);
            _ = flight.Task.Exception; // observed: the waiters retry, none may be left to read it
            throw;
        }
    }

    /// <summary>The figures of the newest stamp computed, served while a newer one is computed.</summary>
    private sealed record Latest<T>(long Stamp, T Value);
}
