namespace BaZhouTalent.Application.Reuse;

/// <summary>A passage of the checked report found in a source: normalised [From, To) in both texts.</summary>
public sealed record PassageMatch(int From, int To, int SourceFrom, int SourceTo)
{
    public int Characters => To - From;
}

/// <summary>One source and the passages taken from it, in the checked report's order.</summary>
public sealed record SourceMatch(int SourceDocument, ReuseText Text, int SharedCharacters, IReadOnlyList<PassageMatch> Passages);

/// <summary>The outcome of one check: the report's length, how much of it lies inside matched passages, the sources ranked.</summary>
public sealed record ReuseResult(int Characters, int MatchedCharacters, IReadOnlyList<SourceMatch> Sources)
{
    public double Percent => Characters == 0 ? 0 : Math.Round(MatchedCharacters * 100.0 / Characters, 1);
}

/// <summary>
/// The comparison of one report with the candidate sources the fingerprint table found. Pure: the caller brings
/// the texts. For each candidate every k-gram of the report that is also a k-gram of the source (and not common
/// text) marks its characters; marked stretches no more than <see cref="MergeGap"/> apart form one passage (sentences
/// copied in a different order stay one passage); a passage counts when it is at least the minimum length and holds at
/// least one of the source's stored fingerprints (an anchor), so text that reaches the source only through common
/// phrases never counts.
/// </summary>
public static class ReuseMatcher
{
    /// <summary>Marked stretches this close (in normalised characters) are one passage: a sentence shorter than k
    /// between two copied ones does not split a copied passage.</summary>
    public const int MergeGap = ReuseFingerprints.K;

    /// <param name="target">The checked report.</param>
    /// <param name="targetHashes">Its k-gram hashes (<see cref="ReuseFingerprints.KGramHashes"/>).</param>
    /// <param name="commonText">The report's characters that are common text (<see cref="ReuseCandidates.CommonText"/>): never part of a match.</param>
    /// <param name="candidates">Each candidate's text and the report's k-gram positions that hit its stored fingerprints.</param>
    /// <param name="minPassage">The shortest passage that counts, in normalised characters.</param>
    public static ReuseResult Compare(
        ReuseText target,
        long[] targetHashes,
        bool[] commonText,
        IEnumerable<(int Document, ReuseText Text, IReadOnlyCollection<int> Anchors)> candidates,
        int minPassage)
    {
        var matched = new bool[target.Length];
        var sources = new List<SourceMatch>();
        var sourceAt = new int[target.Length];
        foreach (var (document, text, anchors) in candidates)
        {
            var passages = Passages(target, targetHashes, commonText, text, anchors, minPassage, sourceAt);
            if (passages.Count == 0)
                continue;
            foreach (var p in passages)
                Array.Fill(matched, true, p.From, p.Characters);
            sources.Add(new SourceMatch(document, text, passages.Sum(p => p.Characters), passages));
        }
        return new ReuseResult(target.Length, matched.Count(m => m),
            [.. sources.OrderByDescending(s => s.SharedCharacters).ThenBy(s => s.SourceDocument)]);
    }

    private static List<PassageMatch> Passages(
        ReuseText target, long[] targetHashes, bool[] commonText, ReuseText source, IReadOnlyCollection<int> anchors,
        int minPassage, int[] sourceAt)
    {
        var k = ReuseFingerprints.K;
        var sourceHashes = ReuseFingerprints.KGramHashes(source.Characters);
        var occurrences = new Dictionary<long, List<int>>(sourceHashes.Length);
        for (var j = 0; j < sourceHashes.Length; j++)
        {
            if (!occurrences.TryGetValue(sourceHashes[j], out var list))
                occurrences[sourceHashes[j]] = list = [];
            list.Add(j);
        }

        Array.Fill(sourceAt, -1);
        var last = -1;
        for (var i = 0; i < targetHashes.Length; i++)
        {
            if (commonText[i] || commonText[i + k - 1] || !occurrences.TryGetValue(targetHashes[i], out var found))
                continue;
            var j = found.Count == 1 ? found[0] : Pick(found, i, last, targetHashes, sourceHashes);
            last = j;
            for (var c = 0; c < k; c++)
            {
                if (sourceAt[i + c] < 0)
                    sourceAt[i + c] = j + c;
            }
        }

        var anchorSet = anchors as IReadOnlySet<int> ?? anchors.ToHashSet();
        var passages = new List<PassageMatch>();
        var n = target.Length;
        var at = 0;
        while (at < n)
        {
            if (sourceAt[at] < 0) { at++; continue; }
            int from = at, to = at, sourceFrom = int.MaxValue, sourceTo = 0;
            // Extend over marked characters, bridging gaps up to MergeGap.
            var c = at;
            while (c < n)
            {
                if (sourceAt[c] >= 0)
                {
                    to = c + 1;
                    sourceFrom = Math.Min(sourceFrom, sourceAt[c]);
                    sourceTo = Math.Max(sourceTo, sourceAt[c] + 1);
                    c++;
                }
                else if (c - to < MergeGap)
                    c++;
                else
                    break;
            }
            at = to;
            if (to - from < minPassage)
                continue;
            var anchored = false;
            for (var p = from; p + k <= to && !anchored; p++)
                anchored = anchorSet.Contains(p);
            if (anchored)
                passages.Add(new PassageMatch(from, to, sourceFrom, sourceTo));
        }
        return passages;
    }

    /// <summary>
    /// Where in the source a k-gram found there more than once is taken from: the continuation of the k-gram before it,
    /// else an occurrence whose next k-gram also continues the report's, nearest the last one taken — so a phrase the
    /// source repeats (its title in the abstract and in the body) does not stretch a passage's place across the source.
    /// </summary>
    private static int Pick(List<int> at, int i, int last, long[] targetHashes, long[] sourceHashes)
    {
        if (last >= 0 && at.Contains(last + 1))
            return last + 1;
        var continuing = at.Where(j => i + 1 < targetHashes.Length && j + 1 < sourceHashes.Length && sourceHashes[j + 1] == targetHashes[i + 1]).ToList();
        return (continuing.Count > 0 ? continuing : at).MinBy(j => last >= 0 ? Math.Abs(j - last) : j);
    }
}

/// <summary>What the fingerprint table's answers mean, shared by the check and the tests that simulate it.</summary>
public static class ReuseCandidates
{
    /// <summary>Sources compared in full with one report, the most anchored first: enough for any real case, and a bound
    /// on the work a report sharing common phrases with thousands of others could cause.</summary>
    public const int MaxCandidates = 40;

    /// <summary>A fingerprint found in more reports than this is common text.</summary>
    public static int CommonLimit(ReuseOptions options, int indexedReports) =>
        Math.Max(options.CommonMinReports, (int)Math.Floor(options.CommonShare * indexedReports));

    /// <summary>
    /// The report's characters that are common text: inside a k-gram whose hash is stored for more than
    /// <paramref name="limit"/> reports, or where more than <paramref name="limit"/> different reports have a stored
    /// fingerprint within k characters. The second rule catches a common sentence shorter than the guarantee threshold,
    /// whose fingerprints differ from report to report with what surrounds it.
    /// </summary>
    public static bool[] CommonText(int length, long[] targetHashes, IReadOnlySet<long> common, IReadOnlyList<(long Hash, int Document)> hits, int limit)
    {
        var k = ReuseFingerprints.K;
        var result = new bool[length];
        var positions = Positions(targetHashes);
        foreach (var hash in common)
        {
            foreach (var i in positions.GetValueOrDefault(hash, []))
                Array.Fill(result, true, i, k);
        }
        // Per report, the stretches its fingerprints touch (each hit widened by k on both sides), merged; then how many
        // reports touch each character.
        var depth = new int[length + 1];
        foreach (var group in hits.GroupBy(h => h.Document))
        {
            var spans = group.SelectMany(h => positions.GetValueOrDefault(h.Hash, []))
                .Select(i => (From: Math.Max(0, i - k), To: Math.Min(length, i + 2 * k))).OrderBy(s => s.From).ToList();
            int from = -1, to = -1;
            foreach (var span in spans.Append((From: int.MaxValue, To: int.MaxValue)))
            {
                if (span.From <= to) { to = Math.Max(to, span.To); continue; }
                if (from >= 0) { depth[from]++; depth[to]--; }
                (from, to) = span;
            }
        }
        var reports = 0;
        for (var c = 0; c < length; c++)
        {
            reports += depth[c];
            if (reports > limit) result[c] = true;
        }
        return result;
    }

    /// <summary>For each source document, the positions of the report's k-grams that hit one of its stored
    /// fingerprints, outside common text.</summary>
    public static Dictionary<int, HashSet<int>> Anchors(long[] targetHashes, IEnumerable<(long Hash, int Document)> hits, bool[] commonText)
    {
        var positions = Positions(targetHashes);
        var anchors = new Dictionary<int, HashSet<int>>();
        foreach (var (hash, document) in hits)
        {
            if (!positions.TryGetValue(hash, out var at))
                continue;
            if (!anchors.TryGetValue(document, out var set))
                anchors[document] = set = [];
            set.UnionWith(at.Where(i => !commonText[i]));
        }
        foreach (var empty in anchors.Where(a => a.Value.Count == 0).Select(a => a.Key).ToList())
            anchors.Remove(empty);
        return anchors;
    }

    private static Dictionary<long, List<int>> Positions(long[] targetHashes)
    {
        var positions = new Dictionary<long, List<int>>();
        for (var i = 0; i < targetHashes.Length; i++)
        {
            if (!positions.TryGetValue(targetHashes[i], out var list))
                positions[targetHashes[i]] = list = [];
            list.Add(i);
        }
        return positions;
    }

    /// <summary>The candidates worth comparing in full: the most anchored first, at most <see cref="MaxCandidates"/>.</summary>
    public static IReadOnlyList<int> Rank(Dictionary<int, HashSet<int>> anchors) =>
        [.. anchors.OrderByDescending(a => a.Value.Count).ThenBy(a => a.Key).Take(MaxCandidates).Select(a => a.Key)];
}
