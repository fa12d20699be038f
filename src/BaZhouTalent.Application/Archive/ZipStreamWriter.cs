using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;
using BaZhouTalent.Application.Common;

namespace BaZhouTalent.Application.Archive;

/// <summary>
/// Writes a zip forward only, as each file is added, to any stream (a response body or a file), in memory that does not
/// grow with the number of files: each file's directory record is appended to a temporary spool file as the file is
/// written and copied to the output at the end (where <see cref="ZipArchive"/> keeps an entry object per file until it is
/// disposed: 29,826 for a year of 4,383 applications). Sizes and CRC-32 follow each file's data (a data descriptor, as
/// ZipArchive writes to a stream that cannot seek), names are UTF-8 (general purpose bit 11), and an archive past 4 GiB or
/// 65,535 files gets the ZIP64 directory records readers look for. A single file must stay under 4 GiB (the portal's
/// largest is an attachment of tens of MB).
/// </summary>
public sealed class ZipStreamWriter : IAsyncDisposable
{
    private const uint LocalHeader = 0x04034b50, DataDescriptor = 0x08074b50, DirectoryHeader = 0x02014b50;
    private const uint EndOfDirectory = 0x06054b50, Zip64EndOfDirectory = 0x06064b50, Zip64Locator = 0x07064b50;
    private const ushort Version20 = 20, Version45 = 45;
    // Bit 3: sizes and CRC in a data descriptor after the data; bit 11: the name is UTF-8.
    private const ushort Flags = 0x0808;
    private const ushort Stored = 0, Deflated = 8;

    private readonly Counted output;
    private readonly FileStream directory;
    private readonly ushort dosTime, dosDate;
    private readonly byte[] buffer = new byte[81920];
    private long directoryEntries;
    private bool completed;

    /// <param name="output">Receives the zip; left open.</param>
    /// <param name="modified">The time every file carries (local time as the zip format has it).</param>
    public ZipStreamWriter(Stream output, DateTime modified)
    {
        this.output = new Counted(output);
        directory = new FileStream(Path.Combine(Path.GetTempPath(), $"bazhou-zipdir-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 65536, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var clamped = modified.Year < 1980 ? new DateTime(1980, 1, 1) : modified;
        dosTime = (ushort)((clamped.Hour << 11) | (clamped.Minute << 5) | (clamped.Second / 2));
        dosDate = (ushort)(((clamped.Year - 1980) << 9) | (clamped.Month << 5) | clamped.Day);
    }

    /// <summary>Bytes written to the output so far.</summary>
    public long Length => output.Written;

    /// <summary>Files added so far.</summary>
    public long Count => directoryEntries;

    /// <summary>Adds a file read from <paramref name="content"/> to its end, a buffer at a time (deflated when <paramref name="compress"/>).</summary>
    public async Task AddAsync(string path, Stream content, bool compress, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(completed, this);
        var name = Encoding.UTF8.GetBytes(path);
        var offset = output.Written;
        var method = compress ? Deflated : Stored;

        var header = new byte[30 + name.Length];
        var span = header.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, LocalHeader);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], Version20);
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], Flags);
        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], method);
        BinaryPrimitives.WriteUInt16LittleEndian(span[10..], dosTime);
        BinaryPrimitives.WriteUInt16LittleEndian(span[12..], dosDate);
        // CRC-32 and sizes (14..25) are zero here: they follow the data.
        BinaryPrimitives.WriteUInt16LittleEndian(span[26..], (ushort)name.Length);
        name.CopyTo(span[30..]);
        await output.WriteAsync(header, cancellationToken);

        var crc = new Crc32();
        long size;
        var dataStart = output.Written;
        if (compress)
        {
            await using var deflate = new DeflateStream(output, CompressionLevel.Fastest, leaveOpen: true);
            size = await CopyAsync(content, deflate, crc, cancellationToken);
        }
        else
        {
            size = await CopyAsync(content, output, crc, cancellationToken);
        }
        var compressed = output.Written - dataStart;
        if (size >= uint.MaxValue || compressed >= uint.MaxValue)
            throw new NotSupportedException($"{path}: a file of 4 GiB or more is not written by this zip writer.");
        var checksum = crc.GetCurrentHashAsUInt32();

        var descriptor = new byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor, DataDescriptor);
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor.AsSpan(4), checksum);
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor.AsSpan(8), (uint)compressed);
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor.AsSpan(12), (uint)size);
        await output.WriteAsync(descriptor, cancellationToken);

        await directory.WriteAsync(DirectoryRecord(name, method, checksum, (uint)compressed, (uint)size, offset), cancellationToken);
        directoryEntries++;
    }

    /// <summary>Adds a file held in memory.</summary>
    public Task AddAsync(string path, byte[] content, bool compress, CancellationToken cancellationToken) =>
        AddAsync(path, new MemoryStream(content, writable: false), compress, cancellationToken);

    /// <summary>Sends what was written so far on to the output (a response: to the client).</summary>
    public Task FlushAsync(CancellationToken cancellationToken) => output.FlushAsync(cancellationToken);

    /// <summary>Writes the directory (copied from the spool) and its end records; the zip is whole only after this.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(completed, this);
        completed = true;
        var start = output.Written;
        directory.Position = 0;
        await directory.CopyToAsync(output, cancellationToken);
        var size = output.Written - start;

        var zip64 = directoryEntries >= ushort.MaxValue || start >= uint.MaxValue || size >= uint.MaxValue;
        if (zip64)
        {
            var end64At = output.Written;
            var end64 = new byte[56 + 20];
            var span = end64.AsSpan();
            BinaryPrimitives.WriteUInt32LittleEndian(span, Zip64EndOfDirectory);
            BinaryPrimitives.WriteUInt64LittleEndian(span[4..], 44); // the record's size after this field
            BinaryPrimitives.WriteUInt16LittleEndian(span[12..], Version45);
            BinaryPrimitives.WriteUInt16LittleEndian(span[14..], Version45);
            // This disk and the directory's disk: 0 (16..23).
            BinaryPrimitives.WriteUInt64LittleEndian(span[24..], (ulong)directoryEntries);
            BinaryPrimitives.WriteUInt64LittleEndian(span[32..], (ulong)directoryEntries);
            BinaryPrimitives.WriteUInt64LittleEndian(span[40..], (ulong)size);
            BinaryPrimitives.WriteUInt64LittleEndian(span[48..], (ulong)start);
            var locator = span[56..];
            BinaryPrimitives.WriteUInt32LittleEndian(locator, Zip64Locator);
            BinaryPrimitives.WriteUInt64LittleEndian(locator[8..], (ulong)end64At);
            BinaryPrimitives.WriteUInt32LittleEndian(locator[16..], 1); // disks in all
            await output.WriteAsync(end64, cancellationToken);
        }
        var end = new byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(end, EndOfDirectory);
        var entries = (ushort)Math.Min(directoryEntries, ushort.MaxValue);
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(8), entries);
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(10), entries);
        BinaryPrimitives.WriteUInt32LittleEndian(end.AsSpan(12), (uint)Math.Min(size, uint.MaxValue));
        BinaryPrimitives.WriteUInt32LittleEndian(end.AsSpan(16), (uint)Math.Min(start, uint.MaxValue));
        await output.WriteAsync(end, cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => directory.DisposeAsync();

    private async Task<long> CopyAsync(Stream content, Stream target, Crc32 crc, CancellationToken cancellationToken)
    {
        long size = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            crc.Append(buffer.AsSpan(0, read));
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            size += read;
        }
        return size;
    }

    /// <summary>The file's central directory record; its offset in a ZIP64 extra field once past 4 GiB.</summary>
    private byte[] DirectoryRecord(byte[] name, ushort method, uint crc, uint compressed, uint size, long offset)
    {
        var far = offset >= uint.MaxValue;
        var extra = far ? 12 : 0;
        var record = new byte[46 + name.Length + extra];
        var span = record.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, DirectoryHeader);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], Version45); // made by: MS-DOS attributes, ZIP 4.5
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], far ? Version45 : Version20);
        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], Flags);
        BinaryPrimitives.WriteUInt16LittleEndian(span[10..], method);
        BinaryPrimitives.WriteUInt16LittleEndian(span[12..], dosTime);
        BinaryPrimitives.WriteUInt16LittleEndian(span[14..], dosDate);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], crc);
        BinaryPrimitives.WriteUInt32LittleEndian(span[20..], compressed);
        BinaryPrimitives.WriteUInt32LittleEndian(span[24..], size);
        BinaryPrimitives.WriteUInt16LittleEndian(span[28..], (ushort)name.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(span[30..], (ushort)extra);
        // Comment length, disk, internal and external attributes: 0 (32..41).
        BinaryPrimitives.WriteUInt32LittleEndian(span[42..], far ? uint.MaxValue : (uint)offset);
        name.CopyTo(span[46..]);
        if (far)
        {
            var field = span[(46 + name.Length)..];
            BinaryPrimitives.WriteUInt16LittleEndian(field, 0x0001); // ZIP64 extended information
            BinaryPrimitives.WriteUInt16LittleEndian(field[2..], 8);
            BinaryPrimitives.WriteUInt64LittleEndian(field[4..], (ulong)offset);
        }
        return record;
    }

    /// <summary>The output, buffered, counting what passes (a response body cannot tell its position).</summary>
    private sealed class Counted(Stream inner) : WriteOnlyStream
    {
        private readonly BufferedStream buffered = new(inner, 81920);

        public long Written { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            buffered.Write(buffer, offset, count);
            Written += count;
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await buffered.WriteAsync(buffer, cancellationToken);
            Written += buffer.Length;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() => buffered.Flush();

        public override async Task FlushAsync(CancellationToken cancellationToken)
        {
            await buffered.FlushAsync(cancellationToken);
            await inner.FlushAsync(cancellationToken);
        }
    }
}
