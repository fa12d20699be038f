namespace BaZhouTalent.Application.Applications.Files;

/// <summary>Decoded content grew past its budget: a decompression bomb, refused before it could fill memory.</summary>
public sealed class DecodedTooLargeException() : Exception("Decoded content exceeded its budget.");

/// <summary>How many decoded bytes one inspection may read in all (the parts of a .docx, the streams of a PDF).</summary>
public sealed class DecodeBudget(long bytes)
{
    public long Remaining { get; private set; } = bytes;

    public void Spend(long bytes)
    {
        Remaining -= bytes;
        if (Remaining < 0) throw new DecodedTooLargeException();
    }
}

/// <summary>
/// Reads a (decompressing) stream through, a buffer at a time, spending the budget and looking for byte patterns
/// (the EICAR string, the Packager's stream name) across buffer boundaries; it never holds more than a buffer, so a
/// part inflating to gigabytes costs the time to read it up to the budget, not the memory.
/// </summary>
public sealed class ScanningStream(Stream inner, DecodeBudget budget, params byte[][] patterns) : Stream
{
    private readonly int overlap = patterns.Length == 0 ? 0 : patterns.Max(p => p.Length) - 1;
    // The end of the previous read and the start of this one, where a pattern may straddle two reads; reused.
    private readonly byte[] seam = new byte[2 * Math.Max(0, (patterns.Length == 0 ? 0 : patterns.Max(p => p.Length) - 1))];
    private int tailLength;

    /// <summary>The first bytes read (up to 16), to recognise a program by its signature.</summary>
    public byte[] Head { get; private set; } = [];

    /// <summary>The patterns seen so far, by index into the constructor's list.</summary>
    public HashSet<int> Found { get; } = [];

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        if (read == 0) return 0;
        budget.Spend(read);
        var data = buffer[..read];
        if (Head.Length < 16) Head = [.. Head, .. data[..Math.Min(16 - Head.Length, read)]];
        var head = Math.Min(overlap, read);
        data[..head].CopyTo(seam.AsSpan(tailLength));
        var joined = seam.AsSpan(0, tailLength + head);
        for (var i = 0; i < patterns.Length; i++)
            if (data.IndexOf(patterns[i]) >= 0 || joined.IndexOf(patterns[i]) >= 0) Found.Add(i);
        // Keep the last bytes for the next seam (from the joined seam when this read was shorter than the overlap).
        Span<byte> last = read >= overlap ? data[(read - overlap)..] : joined[Math.Max(0, joined.Length - overlap)..];
        last.CopyTo(seam);
        tailLength = last.Length;
        return read;
    }

    /// <summary>Reads to the end, for content nobody parses.</summary>
    public void Drain()
    {
        var buffer = new byte[81920];
        while (Read(buffer) > 0) { }
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
