namespace BaZhouTalent.Application.Reuse;

/// <summary>
/// The stored fingerprints as a check needs them. The portal's is the indexed table (<c>ReuseFingerprints</c>); the
/// tests' corpus has one in memory. Only <see cref="TextsAsync"/> reads another report's text, and only the
/// candidates' that the fingerprints found.
/// </summary>
public interface IFingerprintIndex
{
    /// <summary>How many reports are indexed (for the common-text share).</summary>
    Task<int> ReportCountAsync(CancellationToken cancellationToken);

    /// <summary>For each of <paramref name="hashes"/> that is stored, in how many stored fingerprints.</summary>
    Task<IReadOnlyList<(long Hash, int Count)>> CountsAsync(List<long> hashes, CancellationToken cancellationToken);

    /// <summary>The stored reports holding each of <paramref name="hashes"/>, except those the checked report may not be compared with.</summary>
    Task<IReadOnlyList<(long Hash, int Document)>> HitsAsync(List<long> hashes, CancellationToken cancellationToken);

    /// <summary>The candidates' texts, normalised.</summary>
    Task<IReadOnlyDictionary<int, ReuseText>> TextsAsync(IReadOnlyList<int> documents, CancellationToken cancellationToken);
}

/// <summary>
/// One report against the archive: every k-gram of the report is looked up among the stored (winnowed) fingerprints —
/// so any stretch the report shares with a stored report of at least <see cref="ReuseFingerprints.GuaranteeThreshold"/>
/// characters is found whatever surrounds it in the report; hashes stored for too many reports are common text; the
/// reports hit are ranked by how many of the report's k-grams hit them, and the best are compared in full
/// (<see cref="ReuseMatcher"/>).
/// </summary>
public static class ReuseComparison
{
    public static async Task<ReuseResult> RunAsync(ReuseText target, IFingerprintIndex index, ReuseOptions options, CancellationToken cancellationToken)
    {
        var hashes = ReuseFingerprints.KGramHashes(target.Characters);
        if (hashes.Length == 0)
            return new ReuseResult(target.Length, 0, []);
        var distinct = hashes.Distinct().ToList();

        var limit = ReuseCandidates.CommonLimit(options, await index.ReportCountAsync(cancellationToken));
        var counts = await index.CountsAsync(distinct, cancellationToken);
        var common = counts.Where(c => c.Count > limit).Select(c => c.Hash).ToHashSet();
        var rare = counts.Where(c => c.Count <= limit).Select(c => c.Hash).ToList();
        if (rare.Count == 0)
            return new ReuseResult(target.Length, 0, []);

        var hits = await index.HitsAsync(rare, cancellationToken);
        var commonText = ReuseCandidates.CommonText(target.Length, hashes, common, hits, limit);
        var anchors = ReuseCandidates.Anchors(hashes, hits, commonText);
        var candidates = ReuseCandidates.Rank(anchors);
        var texts = await index.TextsAsync(candidates, cancellationToken);
        return ReuseMatcher.Compare(target, hashes, commonText,
            candidates.Where(texts.ContainsKey).Select(d => (d, texts[d], (IReadOnlyCollection<int>)anchors[d])),
            options.MinPassageCharacters);
    }
}
