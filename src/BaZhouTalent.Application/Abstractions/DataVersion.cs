namespace BaZhouTalent.Application.Abstractions;

/// <summary>
/// A number that moves whenever this instance saves a change to the database. Cached figures (the dashboard's) are kept
/// under the version they were computed at, so a change made here shows at once instead of when the cache expires.
/// Another instance's changes show when the cached entry expires.
/// </summary>
public sealed class DataVersion
{
    private long value;

    public long Current => Interlocked.Read(ref value);

    public void Changed() => Interlocked.Increment(ref value);
}
