using System.IO.Compression;
using System.Text;
using BaZhouTalent.Application.Archive;
using BaZhouTalent.Application.Common;

namespace BaZhouTalent.UnitTests.Common;

/// <summary>
/// The archive's own zip writer read back by .NET's reader (which checks each file's CRC-32 as it reads it to the end):
/// stored and deflated files with Chinese names, more files than the classic directory counts (65,535), and files past
/// 4 GiB into the zip (the offsets in ZIP64 records) — written to a sparse file, so the test takes no disk.
/// </summary>
public sealed class ZipStreamWriterTests
{
    private static readonly DateTime Made = new(2026, 12, 7, 9, 30, 12);

    [Fact]
    public async Task Stored_and_deflated_files_with_Chinese_names_read_back_whole_from_a_stream_that_cannot_seek()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7 " + new string('x', 100_000));
        var csv = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("时间,轮次,操作\n", 5_000)));
        var output = new MemoryStream();
        await using (var zip = new ZipStreamWriter(new ForwardOnly(output), Made))
        {
            await zip.AddAsync("BZ25YB027/结项申请书-A4.pdf", pdf, compress: false, CancellationToken.None);
            await zip.AddAsync("BZ25YB027/审核历史.csv", new MemoryStream(csv), compress: true, CancellationToken.None);
            await zip.AddAsync("空文件.txt", [], compress: true, CancellationToken.None);
            await zip.CompleteAsync(CancellationToken.None);
            Assert.Equal(output.Length, zip.Length);
        }

        using var archive = new ZipArchive(new MemoryStream(output.ToArray()), ZipArchiveMode.Read);
        Assert.Equal(["BZ25YB027/结项申请书-A4.pdf", "BZ25YB027/审核历史.csv", "空文件.txt"], archive.Entries.Select(e => e.FullName));
        Assert.Equal(pdf, Read(archive.GetEntry("BZ25YB027/结项申请书-A4.pdf")!));
        Assert.Equal(csv, Read(archive.GetEntry("BZ25YB027/审核历史.csv")!));
        Assert.Empty(Read(archive.GetEntry("空文件.txt")!));
        var csvEntry = archive.GetEntry("BZ25YB027/审核历史.csv")!;
        Assert.True(csvEntry.CompressedLength < csv.Length / 10, "the CSV was deflated");
        Assert.Equal(pdf.Length, archive.GetEntry("BZ25YB027/结项申请书-A4.pdf")!.CompressedLength); // stored as it is
        Assert.Equal(Made, csvEntry.LastWriteTime.DateTime);
    }

    [Fact]
    public async Task More_files_than_the_classic_directory_counts_are_all_found()
    {
        const int files = 70_000;
        var output = new MemoryStream();
        await using (var zip = new ZipStreamWriter(output, Made))
        {
            for (var i = 0; i < files; i++)
                await zip.AddAsync($"{i:D5}/审核历史.csv", Encoding.UTF8.GetBytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), compress: false, CancellationToken.None);
            await zip.CompleteAsync(CancellationToken.None);
        }

        output.Position = 0;
        using var archive = new ZipArchive(output, ZipArchiveMode.Read);
        Assert.Equal(files, archive.Entries.Count);
        Assert.Equal("69999", Encoding.UTF8.GetString(Read(archive.GetEntry("69999/审核历史.csv")!)));
    }

    [Fact]
    public async Task Files_past_four_gibibytes_into_the_zip_are_found_at_their_offsets()
    {
        const long big = 2_200_000_000; // two of these put the third file past 4 GiB
        var path = Path.Combine(Path.GetTempPath(), $"zip64-{Guid.NewGuid():N}.zip");
        try
        {
            var last = Encoding.UTF8.GetBytes("最后一个文件");
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite))
            {
                var sparse = new Sparse(file);
                await using (var zip = new ZipStreamWriter(sparse, Made))
                {
                    await zip.AddAsync("大文件1.pdf", new Zeros(big), compress: false, CancellationToken.None);
                    await zip.AddAsync("大文件2.pdf", new Zeros(big), compress: false, CancellationToken.None);
                    await zip.AddAsync("最后.txt", last, compress: false, CancellationToken.None);
                    await zip.CompleteAsync(CancellationToken.None);
                    Assert.True(zip.Length > uint.MaxValue);
                }
                sparse.Finish();
            }

            using var archive = ZipFile.OpenRead(path);
            Assert.Equal(["大文件1.pdf", "大文件2.pdf", "最后.txt"], archive.Entries.Select(e => e.FullName));
            Assert.Equal(big, archive.GetEntry("大文件2.pdf")!.Length);
            Assert.Equal(last, Read(archive.GetEntry("最后.txt")!));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>A response body: writes only, no position, no seeking.</summary>
    private sealed class ForwardOnly(Stream inner) : WriteOnlyStream
    {
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
        public override void Flush() => inner.Flush();
    }

    /// <summary>Writes a run of zeros as a hole in the file (no disk used), anything else as written.</summary>
    private sealed class Sparse(FileStream file) : WriteOnlyStream
    {
        public override void Write(byte[] buffer, int offset, int count)
        {
            if (buffer.AsSpan(offset, count).IndexOfAnyExcept((byte)0) < 0) file.Seek(count, SeekOrigin.Current);
            else file.Write(buffer, offset, count);
        }

        /// <summary>A hole at the very end still makes the file that long.</summary>
        public void Finish() => file.SetLength(Math.Max(file.Length, file.Position));

        public override void Flush() => file.Flush();
    }

    /// <summary><paramref name="length"/> zero bytes, never held.</summary>
    private sealed class Zeros(long length) : Stream
    {
        private long left = length;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, left);
            Array.Clear(buffer, offset, n);
            left -= n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
