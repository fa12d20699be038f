using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Common;
using Microsoft.Extensions.Caching.Memory;
using Moq;

namespace BaZhouTalent.UnitTests.Common;

/// <summary>
/// The kept figures (总览, the lists' counts) under simultaneous requests: one computation per key and data stamp, and,
/// where asked, the previous figures served while the new ones are computed.
/// </summary>
public class VersionedCacheTests
{
    /// <summary>A guard against hanging, not a timing assertion.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(1);

    private readonly MemoryCache memory = new(new MemoryCacheOptions());
    private long stamp = 1;

    private VersionedCache NewCache()
    {
        var version = new Mock<IDataVersion>();
        version.Setup(v => v.CurrentAsync(It.IsAny<CancellationToken>())).ReturnsAsync(() => stamp);
        return new VersionedCache(memory, version.Object);
    }

    /// <summary>A computation that counts its runs and finishes when released.</summary>
    private sealed class HeldComputation(int value)
    {
        private int runs;
        public int Runs => runs;
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<int> RunAsync()
        {
            Interlocked.Increment(ref runs);
            Started.TrySetResult();
            await Released.Task;
            return value;
        }
    }

    [Fact]
    public async Task Simultaneous_misses_share_one_computation()
    {
        var computation = new HeldComputation(42);
        // Eight requests in flight at once: none can finish before the computation is released.
        var requests = Enumerable.Range(0, 8)
            .Select(_ => NewCache().KeepAsync("figures", TimeSpan.FromMinutes(1), computation.RunAsync))
            .ToList();
        await computation.Started.Task.WaitAsync(Guard);
        computation.Released.SetResult();

        Assert.All(await Task.WhenAll(requests).WaitAsync(Guard), value => Assert.Equal(42, value));
        Assert.Equal(1, computation.Runs);
    }

    [Fact]
    public async Task While_new_figures_are_computed_other_requests_get_the_previous_ones_at_once()
    {
        Assert.Equal(1, await NewCache().KeepAsync("figures", TimeSpan.FromMinutes(1), () => Task.FromResult(1), staleWhileComputing: true));
        stamp = 2; // a change was saved

        var computation = new HeldComputation(2);
        var owner = NewCache().KeepAsync("figures", TimeSpan.FromMinutes(1), computation.RunAsync, staleWhileComputing: true);
        await computation.Started.Task.WaitAsync(Guard);
        var others = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => NewCache().KeepAsync("figures", TimeSpan.FromMinutes(1), computation.RunAsync, staleWhileComputing: true))).WaitAsync(Guard);

        Assert.All(others, value => Assert.Equal(1, value));
        Assert.False(owner.IsCompleted);
        computation.Released.SetResult();
        Assert.Equal(2, await owner.WaitAsync(Guard));
        Assert.Equal(2, await NewCache().KeepAsync("figures", TimeSpan.FromMinutes(1), computation.RunAsync, staleWhileComputing: true));
        Assert.Equal(1, computation.Runs);
    }

    [Fact]
    public async Task A_failed_computation_is_not_kept_and_its_waiters_compute_afresh()
    {
        var failing = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var owner = NewCache().KeepAsync("figures", TimeSpan.FromMinutes(1), () => failing.Task);
        var waiter = Task.Run(() => NewCache().KeepAsync("figures", TimeSpan.FromMinutes(1), () => Task.FromResult(7)));
        failing.SetException(new InvalidOperationException("database unavailable"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => owner.WaitAsync(Guard));
        Assert.Equal(7, await waiter.WaitAsync(Guard));
        Assert.Equal(7, await NewCache().KeepAsync("figures", TimeSpan.FromMinutes(1), () => Task.FromResult(8)));
    }
}
