using System.Data.Common;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Infrastructure.Data;
using BaZhouTalent.Infrastructure.Notices;
using BaZhouTalent.IntegrationTests.Notices;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace BaZhouTalent.IntegrationTests.Hardening;

/// <summary>
/// The real portal (mail on, the test's clock) with faults a test switches on, each a Moq mock of a part we own:
/// the database refuses chosen statements (<see cref="RefuseCommands"/>: a
/// <see cref="DbCommandInterceptor"/> around the real SQLite connection, which passes every other command through),
/// the file store (<see cref="FileStore"/>, when a test gives one) and the mail server (<see cref="Mail"/>).
/// </summary>
public sealed class FaultyPortal : NoticePortal
{
    private volatile string? refusedCommand;

    /// <summary>Every command the portal sent, in <see cref="Mock.Invocations"/>; refuses the chosen table's inserts.</summary>
    public Mock<DbCommandInterceptor> Commands { get; } = new() { CallBase = true };

    /// <summary>Stands in for the configured store when given.</summary>
    public Mock<IFileStore>? FileStore { get; init; }

    /// <summary>The mail server as the outbox sees it; accepts everything unless a test says otherwise.</summary>
    public Mock<IMailSender> Mail { get; } = new();

    public FaultyPortal()
    {
        // SQLITE_IOERR, as a failing disk answers.
        var fault = new SqliteException("disk I/O error (injected by the test)", 10);
        Commands.Setup(d => d.ReaderExecutingAsync(It.Is<DbCommand>(c => Refused(c)), It.IsAny<CommandEventData>(),
            It.IsAny<InterceptionResult<DbDataReader>>(), It.IsAny<CancellationToken>())).Throws(fault);
        Commands.Setup(d => d.NonQueryExecutingAsync(It.Is<DbCommand>(c => Refused(c)), It.IsAny<CommandEventData>(),
            It.IsAny<InterceptionResult<int>>(), It.IsAny<CancellationToken>())).Throws(fault);
    }

    private bool Refused(DbCommand command) => refusedCommand is { } refused
        && command.CommandText.TrimStart().StartsWith(refused, StringComparison.Ordinal);

    /// <summary>From now on the database refuses every command that starts with <paramref name="command"/>
    /// (e.g. <c>UPDATE "ClosureApplications"</c>); null heals it.</summary>
    public void RefuseCommands(string? command) => refusedCommand = command;

    /// <summary>The text of every command sent since <paramref name="from"/> (an index into the invocations).</summary>
    public List<string> CommandsSince(int from) => Commands.Invocations.Skip(from)
        .Where(i => i.Method.Name is nameof(DbCommandInterceptor.ReaderExecutingAsync) or nameof(DbCommandInterceptor.NonQueryExecutingAsync))
        .Select(i => ((DbCommand)i.Arguments[0]!).CommandText.TrimStart())
        .ToList();

    /// <summary>Every reading command sent since <paramref name="from"/>, with its parameters (to ask the database for its plan).</summary>
    public List<DbCommand> ReadersSince(int from) => Commands.Invocations.Skip(from)
        .Where(i => i.Method.Name == nameof(DbCommandInterceptor.ReaderExecutingAsync))
        .Select(i => (DbCommand)i.Arguments[0]!)
        .ToList();

    /// <summary>One step of SQLite's query plan: its id, the id of the step it belongs to, and what it does.</summary>
    public sealed record PlanStep(int Id, int Parent, string Detail);

    /// <summary>SQLite's plan of <paramref name="command"/> (its parameters' values copied), one step per line.</summary>
    public Task<List<PlanStep>> PlanAsync(DbCommand command) => WithDbAsync(async db =>
    {
        await db.Database.OpenConnectionAsync();
        await using var explain = db.Database.GetDbConnection().CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        foreach (DbParameter parameter in command.Parameters)
        {
            var copy = explain.CreateParameter();
            copy.ParameterName = parameter.ParameterName;
            copy.Value = parameter.Value;
            explain.Parameters.Add(copy);
        }
        var steps = new List<PlanStep>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync()) steps.Add(new PlanStep(reader.GetInt32(0), reader.GetInt32(1), reader.GetString(3)));
        return steps;
    });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureDbContext<SqliteAppDbContext>(options => options.AddInterceptors(Commands.Object));
            services.AddSingleton(Mail.Object);
            if (FileStore is not null)
                services.AddSingleton(FileStore.Object);
        });
    }
}
