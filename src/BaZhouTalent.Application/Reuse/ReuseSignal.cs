namespace BaZhouTalent.Application.Reuse;

/// <summary>Wakes the reuse worker when a submission has queued a check, so the result does not wait a whole interval.</summary>
public sealed class ReuseSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Poke()
    {
        if (signal.CurrentCount == 0)
        {
            try { signal.Release(); }
            catch (SemaphoreFullException) { }
        }
    }

    /// <summary>Waits for a poke or the interval, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan interval, CancellationToken cancellationToken) =>
        signal.WaitAsync(interval, cancellationToken);
}
