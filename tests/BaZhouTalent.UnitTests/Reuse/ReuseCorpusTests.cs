using BaZhouTalent.Application.Reuse;
using BaZhouTalent.Application.Seeding;
using Xunit.Abstractions;

namespace BaZhouTalent.UnitTests.Reuse;

/// <summary>
/// 自建库查重 measured on a corpus the test writes (<see cref="ReuseCorpus"/>): the seed's report and 200 others, half of
/// the later ones with passages of 30–400 characters planted from the archive and disguised (sentences shuffled,
/// punctuation changed, spaces inserted, full/half-width swapped). Every report is indexed, then each later report is
/// checked against all the others through the same comparison the portal runs.
/// </summary>
public sealed class ReuseCorpusTests(ITestOutputHelper output)
{
    private static readonly string SeedText = ReferenceSeedParser.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "000_61e57fa0fe31f5a0.txt"))).ReportText;

    private sealed record Measured(ReuseCorpus Corpus, ReuseOptions Options, IReadOnlyDictionary<int, ReuseResult> Results, IReadOnlyList<ReuseText> Texts);

    private static async Task<Measured> MeasureAsync(ReuseOptions options, int seed)
    {
        var corpus = ReuseCorpus.Generate(SeedText, 200, 4_000, 10_000, seed);
        var texts = corpus.Reports.Select(r => ReuseText.Of(r, options.Headings)).ToList();
        var index = new MemoryFingerprintIndex();
        for (var i = 0; i < texts.Count; i++)
            index.Add(i, texts[i]);
        var results = new Dictionary<int, ReuseResult>();
        foreach (var report in corpus.Reusers.Concat(corpus.Clean))
        {
            index.Checking = report;
            results[report] = await ReuseComparison.RunAsync(texts[report], index, options, CancellationToken.None);
        }
        return new Measured(corpus, options, results, texts);
    }

    /// <summary>The planted passage's characters, normalised, in its report — without the boilerplate it may have carried
    /// along from its source, which is common text and not counted as reuse by anyone.</summary>
    private static List<int> Planted(Measured m, ReuseCorpus.Plant plant)
    {
        var text = m.Texts[plant.Target];
        var from = Array.FindIndex(text.Offsets, o => o >= plant.Start);
        var to = Array.FindLastIndex(text.Offsets, o => o < plant.Start + plant.Length) + 1;
        var boilerplate = Boilerplate(m, plant.Target);
        return [.. Enumerable.Range(from, to - from).Where(c => !boilerplate[c])];
    }

    private static bool[] Boilerplate(Measured m, int report)
    {
        var text = m.Texts[report].Characters;
        var marked = new bool[text.Length];
        foreach (var sentence in m.Corpus.Boilerplate.Select(b => ReuseText.Of(b, []).Characters))
        {
            for (var at = 0; at + sentence.Length <= text.Length; at++)
            {
                if (text.AsSpan(at, sentence.Length).SequenceEqual(sentence))
                    Array.Fill(marked, true, at, sentence.Length);
            }
        }
        return marked;
    }

    [Theory]
    [InlineData(24)]
    [InlineData(2026)]
    public async Task Planted_passages_are_found_their_share_is_measured_and_clean_reports_have_no_source(int seed)
    {
        var m = await MeasureAsync(new ReuseOptions(), seed);

        // Recall: a planted passage of 50 characters or more is found when most of it lies in passages of its source.
        // (A passage that was mostly boilerplate leaves less than a minimum passage of its own: it is not reuse to find.)
        var planted = m.Corpus.Plants.Where(p => p.OriginalLength >= 50)
            .Select(p => (Plant: p, Characters: Planted(m, p)))
            .Where(p => p.Characters.Count >= m.Options.MinPassageCharacters).ToList();
        var found = planted.Count(p =>
        {
            var passages = m.Results[p.Plant.Target].Sources.Where(s => s.SourceDocument == p.Plant.Source).SelectMany(s => s.Passages).ToList();
            var covered = p.Characters.Count(c => passages.Any(x => x.From <= c && c < x.To));
            return covered * 2 >= p.Characters.Count;
        });
        var recall = found * 100.0 / planted.Count;

        // Share: the reported percentage against the share of the report's characters that were planted.
        var errors = m.Corpus.Reusers.Select(r =>
        {
            var text = m.Texts[r];
            var inPlants = new bool[text.Length];
            foreach (var c in m.Corpus.Plants.Where(p => p.Target == r).SelectMany(p => Planted(m, p)))
                inPlants[c] = true;
            var plantedShare = inPlants.Count(x => x) * 100.0 / text.Length;
            return (Report: r, Planted: plantedShare, Reported: m.Results[r].Percent);
        }).ToList();

        var cleanWithSources = m.Corpus.Clean.Where(c => m.Results[c].Sources.Count > 0).ToList();

        output.WriteLine($"seed {seed}, k = {ReuseFingerprints.K}, window = {ReuseFingerprints.Window}: {planted.Count} planted passages ≥ 50 characters, found {found} ({recall:F1} %)");
        output.WriteLine($"share error: max {errors.Max(e => Math.Abs(e.Planted - e.Reported)):F2} points, mean {errors.Average(e => Math.Abs(e.Planted - e.Reported)):F2} over {errors.Count} reports");
        output.WriteLine($"clean reports: {m.Corpus.Clean.Count()}, with any source: {cleanWithSources.Count}");
        Assert.True(planted.Count >= 100, $"the corpus plants too few passages to measure ({planted.Count})");
        Assert.True(recall >= 95, $"recall {recall:F1} % of {planted.Count} planted passages ≥ 50 characters");
        Assert.All(errors, e => Assert.True(Math.Abs(e.Planted - e.Reported) <= 5,
            $"report {e.Report}: planted {e.Planted:F1} %, reported {e.Reported:F1} %"));
        Assert.Empty(cleanWithSources);
        Assert.True(m.Corpus.Clean.Count() >= 40);
    }

    [Fact]
    public async Task Without_the_common_text_rule_the_boilerplate_would_be_reported_as_reuse()
    {
        // The corpus carries boilerplate sentences longer than the minimum passage in many reports: only the common-text
        // rule keeps them from being reported. Switch it off (a share above one) and the clean reports get sources.
        var m = await MeasureAsync(new ReuseOptions { CommonShare = 1, CommonMinReports = 100_000 }, 24);

        Assert.Contains(m.Corpus.Clean, c => m.Results[c].Sources.Count > 0);
    }
}
