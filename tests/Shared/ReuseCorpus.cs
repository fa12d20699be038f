using System.Text;

namespace BaZhouTalent.Tests.Shared;

/// <summary>
/// A corpus of closure reports written by the test, for 自建库查重: report 0 is the seed's, the others are generated
/// from words cut out of it (so they read like the seed without sharing its sentences), with the form's headings and a
/// few boilerplate sentences that many reports carry. Reports 1 … <see cref="PoolSize"/> − 1 are the archive that reuse
/// is taken from; of the later reports every other one plants passages copied from the archive — changed on the way:
/// sentence order shuffled, punctuation changed, spaces inserted, full/half-width swapped — and the rest are clean.
/// </summary>
internal sealed class ReuseCorpus
{
    /// <summary>A passage planted in <see cref="Target"/>: [Start, Start + Length) of its text, copied from
    /// [SourceStart, SourceStart + OriginalLength) of <see cref="Source"/>'s.</summary>
    public sealed record Plant(int Target, int Source, int Start, int Length, int SourceStart, int OriginalLength);

    public required IReadOnlyList<string> Reports { get; init; }
    public required IReadOnlyList<Plant> Plants { get; init; }
    public required int PoolSize { get; init; }

    /// <summary>Sentences that many reports carry (common text, not evidence of reuse).</summary>
    public required IReadOnlyList<string> Boilerplate { get; init; }

    public IEnumerable<int> Reusers => Enumerable.Range(PoolSize, Reports.Count - PoolSize).Where(i => Plants.Any(p => p.Target == i));

    public IEnumerable<int> Clean => Enumerable.Range(PoolSize, Reports.Count - PoolSize).Where(i => Plants.All(p => p.Target != i));

    private static readonly string[] FixedHeadings = ["一、引言", "二、研究背景", "三、存在的问题", "四、对策建议", "五、结语", "参考文献"];

    /// <param name="seedReport">The seed's final report (report 0).</param>
    /// <param name="others">How many reports besides the seed's.</param>
    /// <param name="minLength">Shortest generated report, in characters.</param>
    /// <param name="maxLength">Longest generated report, in characters.</param>
    /// <param name="plantLength">Planted passages' lengths, in characters of the source.</param>
    public static ReuseCorpus Generate(string seedReport, int others, int minLength, int maxLength, int seed = 24,
        (int Min, int Max)? plantLength = null, bool withReuse = true)
    {
        var random = new Random(seed);
        var words = Words(seedReport);
        var boilerplate = Enumerable.Range(0, 6).Select(_ => Sentence(random, words, 45, 60)).ToArray();
        var reports = new List<string> { seedReport };
        var plants = new List<Plant>();
        var poolSize = withReuse ? others / 2 + 1 : others + 1;
        var (minPlant, maxPlant) = plantLength ?? (30, 400);
        for (var i = 1; i <= others; i++)
        {
            var paragraphs = Paragraphs(random, words, boilerplate, random.Next(minLength, maxLength + 1));
            var planted = new List<(int Paragraph, string Text, int Source, int SourceStart, int Length)>();
            if (i >= poolSize && i % 2 == 1)
            {
                for (var n = random.Next(1, 6); n > 0; n--)
                {
                    var source = random.Next(0, poolSize);
                    var text = reports[source];
                    var length = random.Next(minPlant, maxPlant + 1);
                    var start = random.Next(0, Math.Max(1, text.Length - length));
                    var copied = text.Substring(start, Math.Min(length, text.Length - start));
                    planted.Add((random.Next(paragraphs.Count), Disguise(random, copied.Replace("\n", "", StringComparison.Ordinal)), source, start, copied.Length));
                }
            }
            var builder = new StringBuilder();
            for (var p = 0; p < paragraphs.Count; p++)
            {
                if (p > 0) builder.Append('\n');
                builder.Append(paragraphs[p]);
                foreach (var plant in planted.Where(x => x.Paragraph == p))
                {
                    plants.Add(new Plant(i, plant.Source, builder.Length, plant.Text.Length, plant.SourceStart, plant.Length));
                    builder.Append(plant.Text);
                }
            }
            reports.Add(builder.ToString());
        }
        return new ReuseCorpus { Reports = reports, Plants = plants, PoolSize = poolSize, Boilerplate = boilerplate };
    }

    /// <summary>One report of about <paramref name="length"/> characters written from the seed's words, sharing none of its sentences.</summary>
    public static string Essay(string seedReport, int length, int seed)
    {
        var random = new Random(seed);
        return string.Join('\n', Paragraphs(random, Words(seedReport), [], length));
    }

    private static (string Seed, string[] Words)? lastWords;

    /// <summary>Han words of two to four characters cut from the seed, most frequent first (the last seed's kept).</summary>
    private static string[] Words(string seed)
    {
        if (lastWords is { } last && ReferenceEquals(last.Seed, seed))
            return last.Words;
        var words = CutWords(seed);
        lastWords = (seed, words);
        return words;
    }

    private static string[] CutWords(string seed)
    {
        var counts = new Dictionary<string, int>();
        var run = new StringBuilder();
        foreach (var c in seed + "。")
        {
            if (c is >= '\u4e00' and <= '\u9fff') { run.Append(c); continue; }
            var s = run.ToString();
            for (var i = 0; i + 2 <= s.Length; i += 2)
            {
                var word = s.Substring(i, Math.Min(2 + (i % 3 == 0 ? 1 : 0), s.Length - i));
                counts[word] = counts.GetValueOrDefault(word) + 1;
            }
            run.Clear();
        }
        return [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key)];
    }

    private static string Word(Random random, string[] words)
    {
        // Frequent words more often (roughly Zipf), now and then a number or a Latin term, as real reports have.
        var r = random.NextDouble();
        if (r < 0.02) return $"{random.Next(2015, 2027)}年";
        if (r < 0.03) return random.Next(3) switch { 0 => "GDP", 1 => "5G", _ => $"{random.Next(2, 99)}%" };
        return words[(int)(words.Length * Math.Pow(random.NextDouble(), 2.2))];
    }

    private static string Sentence(Random random, string[] words, int minLength, int maxLength)
    {
        var target = random.Next(minLength, maxLength + 1);
        var sentence = new StringBuilder();
        while (sentence.Length < target)
        {
            sentence.Append(Word(random, words));
            if (random.NextDouble() < 0.12 && sentence.Length < target - 4) sentence.Append('，');
        }
        sentence.Append(random.NextDouble() < 0.9 ? '。' : '；');
        return sentence.ToString();
    }

    private static List<string> Paragraphs(Random random, string[] words, string[] boilerplate, int length)
    {
        var paragraphs = new List<string>();
        var total = 0;
        var headings = 0;
        while (total < length)
        {
            string paragraph;
            if (paragraphs.Count % 5 == 0 && headings < FixedHeadings.Length && random.NextDouble() < 0.8)
                paragraph = FixedHeadings[headings++];
            else
            {
                var builder = new StringBuilder();
                if (boilerplate.Length > 0 && random.NextDouble() < 0.12)
                    builder.Append(boilerplate[random.Next(boilerplate.Length)]);
                for (var n = random.Next(2, 7); n > 0; n--)
                    builder.Append(Sentence(random, words, 12, 40));
                paragraph = builder.ToString();
            }
            paragraphs.Add(paragraph);
            total += paragraph.Length + 1;
        }
        return paragraphs;
    }

    private const string Terminators = "。！？；";
    private static readonly char[] Punctuation = ['，', '、', '；', '。', '：', ',', ';', '.', ':'];

    /// <summary>What someone reusing text does to hide it: shuffle its sentences, change punctuation, insert spaces,
    /// swap full- and half-width forms.</summary>
    public static string Disguise(Random random, string passage)
    {
        var sentences = new List<string>();
        var current = new StringBuilder();
        foreach (var c in passage)
        {
            current.Append(c);
            if (Terminators.Contains(c)) { sentences.Add(current.ToString()); current.Clear(); }
        }
        if (current.Length > 0) sentences.Add(current.ToString());
        if (sentences.Count > 1)
        {
            var original = sentences.ToList();
            for (var attempt = 0; attempt < 5 && sentences.SequenceEqual(original); attempt++)
                sentences = [.. sentences.OrderBy(_ => random.Next())];
        }

        var result = new StringBuilder(passage.Length + passage.Length / 8);
        foreach (var c in string.Concat(sentences))
        {
            var changed = c;
            if (Punctuation.Contains(c) || Terminators.Contains(c))
            {
                if (random.NextDouble() < 0.5) changed = Punctuation[random.Next(Punctuation.Length)];
            }
            else if (c is >= '!' and <= '~' && random.NextDouble() < 0.6)
                changed = (char)(c + 0xFEE0);
            else if (c is >= '\uFF01' and <= '\uFF5E' && random.NextDouble() < 0.6)
                changed = (char)(c - 0xFEE0);
            result.Append(changed);
            if (random.NextDouble() < 0.08)
                result.Append(random.Next(3) switch { 0 => ' ', 1 => '\u3000', _ => '\u00A0' });
        }
        return result.ToString();
    }
}
