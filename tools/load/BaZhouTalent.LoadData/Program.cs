using System.Globalization;
using BaZhouTalent.Infrastructure.Data;
using BaZhouTalent.LoadData;
using Microsoft.EntityFrameworkCore;

// Fills a portal database that the portal itself has created and seeded with demo data (run the portal once on it
// first) with a programme of many years: units with their reviewers, an expert pool, researchers, funded projects and
// closure applications spread over every status, with their notices, attachments, requests and security records.
// Used by tools/load/run.sh; never by the portal or the tests.
//
//   dotnet run -c Release --project tools/load/BaZhouTalent.LoadData -- --database PATH [--projects 20000] [--codes FILE]
//   dotnet run -c Release --project tools/load/BaZhouTalent.LoadData -- --postgresql "Host=…;Database=…" [--projects 20000]
//   … --database PATH --share-archive-copies CODE   (after the portal kept CODE's archive PDFs: every closed application gets them)

var options = LoadOptions.Parse(args);
await using var db = options.Open();
if (options.ShareArchiveCopiesOf is { } source)
{
    await ArchiveCopies.ShareAsync(db, source);
    return;
}
var files = options.FileStore();
var generator = new ProgrammeGenerator(db, files, options.Projects, options.Codes);
await generator.RunAsync();

internal sealed record LoadOptions(string? Database, string? PostgreSql, int Projects, string? Codes, string? ShareArchiveCopiesOf)
{
    public static LoadOptions Parse(string[] args)
    {
        string? database = null, postgreSql = null, codes = null, share = null;
        var projects = 20_000;
        for (var i = 0; i < args.Length - 1; i += 2)
        {
            switch (args[i])
            {
                case "--database": database = args[i + 1]; break;
                case "--postgresql": postgreSql = args[i + 1]; break;
                case "--codes": codes = args[i + 1]; break;
                case "--share-archive-copies": share = args[i + 1]; break;
                case "--projects": projects = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"Unknown option {args[i]}");
            }
        }
        if (postgreSql is null && (database is null || !File.Exists(database)))
            throw new ArgumentException("--database must name an existing portal database (start the portal on it once), or --postgresql a migrated one.");
        return new LoadOptions(database, postgreSql, projects, codes, share);
    }

    public AppDbContext Open() => PostgreSql is not null
        ? new PostgreSqlAppDbContext((DbContextOptions<PostgreSqlAppDbContext>)new DbContextOptionsBuilder<PostgreSqlAppDbContext>()
            .UsePostgreSql(PostgreSql).Options)
        : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite($"Data Source={Database}", DatabaseSetup.SqliteOptions).Options);

    /// <summary>Where the portal keeps attachments: the folder beside the SQLite file, or the database (StoredBlobs).</summary>
    public string? FileStore() => Database is null ? null : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(Database))!, "attachments");
}
