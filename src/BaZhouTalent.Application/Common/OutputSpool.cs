namespace BaZhouTalent.Application.Common;

/// <summary>
/// A write-only, forward-only stream holding what a synchronous writer (a zip, MiniExcel) wrote until it is drained to
/// the output asynchronously — the output may be a response body, which refuses synchronous writes. Memory holds what
/// was written since the last drain.
/// </summary>
public sealed class OutputSpool : WriteOnlyStream
{
    private readonly MemoryStream held = new();

    /// <summary>How many bytes wait for the next drain.</summary>
    public long Held => held.Length;

    public override void Write(byte[] buffer, int offset, int count) => held.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => held.Write(buffer);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer, offset, count);
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Writes what is held to <paramref name="output"/>, flushes it, and holds nothing.</summary>
    public async Task DrainAsync(Stream output, CancellationToken cancellationToken)
    {
        if (held.Length == 0) return;
        await output.WriteAsync(held.GetBuffer().AsMemory(0, (int)held.Length), cancellationToken);
        await output.FlushAsync(cancellationToken);
        held.SetLength(0);
    }
}
