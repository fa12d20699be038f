using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BaZhouTalent.Infrastructure.Data;

/// <summary>The SQLite file is missing, empty, not a database, or no longer writable; nothing was read or written.</summary>
public sealed class DatabaseFileException(string message) : IOException(message);

/// <summary>
/// Keeps the portal honest about its SQLite file. At start a missing file is created (in WAL mode, as EF
/// would), while an empty or foreign one is refused — SQLite would otherwise treat zero bytes as a new
/// database and migrate into it. While running, every connection checks first that the file is still there
/// and writable: a pooled connection keeps the deleted file's inode open and would go on “succeeding” into
/// a file nobody can read again, and a fresh one would silently create an empty database in its place.
/// </summary>
public sealed class SqliteDatabaseFile : DbConnectionInterceptor
{
    private static readonly byte[] Header = Encoding.ASCII.GetBytes("SQLite format 3\0");

    private const UnixFileMode WriteBits = UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    private SqliteDatabaseFile(string path) => Path = path;

    public string Path { get; }

    /// <summary>The guard for a connection string's file; null for an in-memory database.</summary>
    public static SqliteDatabaseFile? For(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal)
            ? null
            : new SqliteDatabaseFile(System.IO.Path.GetFullPath(dataSource));
    }

    /// <summary>What is wrong with the file for a running portal, or null when it may be used.</summary>
    public string? Problem()
    {
        if (!File.Exists(Path)) return $"The database file {Path} no longer exists.";
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(Path) & WriteBits) == 0)
            return $"The database file {Path} is read-only.";
        return null;
    }

    /// <summary>
    /// Creates a missing file (or refuses to, unless <paramref name="mayCreate"/>); refuses an empty or foreign one.
    /// Run once at start, before the migrations.
    /// </summary>
    public void PrepareForStart(bool mayCreate = true)
    {
        if (!File.Exists(Path) && !mayCreate)
            throw new DatabaseFileException(Directory.Exists(System.IO.Path.GetDirectoryName(Path))
                ? $"The database file {Path} does not exist. For a first start set Database:FirstTimeSetup=true; otherwise restore it from a backup."
                : $"The data folder {System.IO.Path.GetDirectoryName(Path)} does not exist (is the volume mounted?). For a first start set Database:FirstTimeSetup=true.");
        if (!File.Exists(Path) && CreateNew())
            return;
        var header = new byte[Header.Length];
        int read;
        using (var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (read == 0)
            throw new DatabaseFileException($"The database file {Path} is empty (0 bytes): restore it from a backup, or remove it to start a new database.");
        if (read < header.Length || !header.AsSpan().SequenceEqual(Header))
            throw new DatabaseFileException($"The database file {Path} is not a SQLite database (damaged or a different file).");
        if (Problem() is { } problem)
            throw new DatabaseFileException(problem);
    }

    /// <summary>
    /// Creates the database beside its place and moves it in whole, so another instance starting at the same moment
    /// never meets a half-made (empty) file. False when that other instance's file got there first.
    /// </summary>
    private bool CreateNew()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var fresh = $"{Path}.{Guid.NewGuid():N}.new";
        try
        {
            using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = fresh, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false,
            }.ToString()))
            {
                connection.Open();
                using var wal = connection.CreateCommand();
                wal.CommandText = "PRAGMA journal_mode = 'wal';";
                wal.ExecuteNonQuery();
            }
            File.Move(fresh, Path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(Path))
        {
            return false;
        }
        finally
        {
            foreach (var leftover in new[] { fresh, fresh + "-wal", fresh + "-shm" })
                File.Delete(leftover);
        }
    }

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        ThrowIfUnusable();
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        ThrowIfUnusable();
        return ValueTask.FromResult(result);
    }

    private void ThrowIfUnusable()
    {
        if (Problem() is { } problem)
            throw new DatabaseFileException(problem);
    }
}
