namespace BaZhouTalent.Application.Common;

/// <summary>Wakes a background worker when a request has queued work for it, so the work does not wait a whole interval.</summary>
public abstract class WorkerSignal
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
