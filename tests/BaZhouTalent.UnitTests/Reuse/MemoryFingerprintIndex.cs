using BaZhouTalent.Application.Reuse;

namespace BaZhouTalent.UnitTests.Reuse;

/// <summary>The fingerprint table in memory: each report's winnowed fingerprints, as the portal stores them.</summary>
internal sealed class MemoryFingerprintIndex : IFingerprintIndex
{
    private readonly Dictionary<long, List<int>> table = [];
    private readonly Dictionary<int, ReuseText> texts = [];

    /// <summary>The report being checked: never its own source.</summary>
    public int? Checking { get; set; }

    public void Add(int document, ReuseText text)
    {
        texts[document] = text;
        foreach (var fingerprint in ReuseFingerprints.Winnow(ReuseFingerprints.KGramHashes(text.Characters)))
        {
            if (!table.TryGetValue(fingerprint.Hash, out var documents))
                table[fingerprint.Hash] = documents = [];
            documents.Add(document);
        }
    }

    public int Fingerprints => table.Values.Sum(d => d.Count);

    public Task<int> ReportCountAsync(CancellationToken cancellationToken) => Task.FromResult(texts.Count);

    public Task<IReadOnlyList<(long Hash, int Count)>> CountsAsync(List<long> hashes, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<(long, int)>>([.. hashes.Where(table.ContainsKey).Select(h => (h, table[h].Count))]);

    public Task<IReadOnlyList<(long Hash, int Document)>> HitsAsync(List<long> hashes, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<(long, int)>>(
            [.. hashes.Where(table.ContainsKey).SelectMany(h => table[h].Where(d => d != Checking).Select(d => (h, d)))]);

    public Task<IReadOnlyDictionary<int, ReuseText>> TextsAsync(IReadOnlyList<int> documents, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<int, ReuseText>>(documents.ToDictionary(d => d, d => texts[d]));
}
