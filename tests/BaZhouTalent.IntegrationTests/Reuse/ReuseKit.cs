using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Reuse;
using BaZhouTalent.Application.Seeding;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaZhouTalent.IntegrationTests.Reuse;

/// <summary>Reports for the 自建库查重 tests: the seed's report as a source, and reports that reuse parts of it in disguise.</summary>
internal static class ReuseKit
{
    /// <summary>The seed's final report (ReportMarkup), about 8,000 characters.</summary>
    public static readonly string SourceReport = ReferenceSeedParser.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "000_61e57fa0fe31f5a0.txt"))).ReportText;

    /// <summary>The source's passages a reusing report copies: [start, start + length) of <see cref="SourceReport"/>.</summary>
    public static readonly (int Start, int Length)[] Copied = [(1200, 400), (4000, 200)];

    /// <summary>A report of its own (words of the seed, none of its sentences) with <see cref="Copied"/> planted in
    /// disguise (sentences shuffled, punctuation changed, spaces inserted, widths swapped) between its paragraphs.</summary>
    /// <param name="scrub">Rewrites the source and the report's own text before the copies are disguised (e.g. to keep
    /// words a blind test searches for out of both).</param>
    public static string Reusing(int seed, Func<string, string>? scrub = null)
    {
        scrub ??= text => text;
        var source = scrub(SourceReport);
        var own = scrub(ReuseCorpus.Essay(SourceReport, 3000, seed)).Split('\n').ToList();
        var random = new Random(seed);
        for (var i = Copied.Length - 1; i >= 0; i--)
        {
            var (start, length) = Copied[i];
            var passage = source.Substring(start, length).Replace("\n", "", StringComparison.Ordinal).Replace("**", "", StringComparison.Ordinal);
            own.Insert(Math.Min(own.Count, 3 + i * 5), ReuseCorpus.Disguise(random, passage).Replace('\u00A0', ' '));
        }
        return string.Join('\n', own);
    }

    /// <summary>A report of its own only.</summary>
    public static string Clean(int seed) => ReuseCorpus.Essay(SourceReport, 3000, seed);

    /// <summary>The register's record with every field the submission asks for, led by <paramref name="leader"/>.</summary>
    public static Action<FundedProject> Complete(string leader = "杨卓", Action<FundedProject>? more = null) => project =>
    {
        project.OriginalLeader = new PersonDetails
        {
            Name = leader, Gender = "男", Ethnicity = "汉", BirthYear = 1980, BirthMonth = 5, Unit = project.OriginalLeader.Unit,
            AdministrativePost = "科长", ProfessionalTitle = "讲师", Address = "巴中市巴州区江北大道1号", Phone = "13900000000",
        };
        project.OriginalParticipants = [new Participant { SortOrder = 1, Name = "李亚军", Unit = project.OriginalLeader.Unit, Title = "讲师", Phone = "13900000001" }];
        more?.Invoke(project);
    };

    /// <summary>Runs the queued checks as the worker would, until none is due.</summary>
    public static async Task RunChecksAsync(PortalFactory portal)
    {
        while (await portal.WithScopeAsync(sp => sp.GetRequiredService<RunReuseChecks>().RunPendingAsync(CancellationToken.None)) > 0)
        {
        }
    }

    /// <summary>Runs each of <paramref name="runs"/> in its own scope on its own thread, all released at the same moment
    /// (as workers of several instances would be): a plain Task.WhenAll would run SQLite's synchronous calls one after
    /// another.</summary>
    public static Task<T[]> AtOnceAsync<T>(PortalFactory portal, params Func<IServiceProvider, Task<T>>[] runs)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racing = runs.Select(run => Task.Run(async () =>
        {
            await start.Task;
            return await portal.WithScopeAsync(run);
        })).ToList();
        start.SetResult();
        return Task.WhenAll(racing);
    }

    /// <summary>Waits until the portal's own worker has run every queued check (a condition, not a fixed sleep).</summary>
    public static async Task WaitForChecksAsync(PortalFactory portal)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (await portal.WithDbAsync(db => db.ReuseChecks.AnyAsync(c => c.State == ReuseCheckState.Pending)))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("the reuse worker did not finish its checks:\n" + portal.ReadLogs());
            await Task.Delay(100);
        }
    }

    public static Task<ReuseCheck?> CheckAsync(PortalFactory portal, string code) => portal.WithDbAsync(db =>
        db.ReuseChecks.Include(c => c.Sources).ThenInclude(s => s.Passages)
            .Where(c => db.ClosureApplications.Any(a => a.Id == c.ApplicationId && a.Round == c.Round && a.Project.Code == code))
            .SingleOrDefaultAsync());
}
