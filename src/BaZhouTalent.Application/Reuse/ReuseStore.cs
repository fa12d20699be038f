using BaZhouTalent.Application.Domain;

namespace BaZhouTalent.Application.Reuse;

/// <summary>A report to fingerprint: one submitted round's report text.</summary>
public sealed record IndexedReport(int ApplicationId, int Round, ReuseText Text);

/// <summary>The fingerprint index as one check sees it: the latest indexed round of every other application.</summary>
public interface IArchiveView : IFingerprintIndex
{
    /// <summary>Which application and round a document returned by the lookups is.</summary>
    (int ApplicationId, int Round) SourceOf(int document);
}

/// <summary>Where fingerprints are kept (the <see cref="ReuseFingerprint"/> table, written in bulk).</summary>
public interface IReuseStore
{
    /// <summary>
    /// Fingerprints the reports not yet indexed, in one transaction: their <see cref="ReuseDocument"/> rows and every
    /// fingerprint, or nothing. Reports indexed meanwhile by someone else are skipped (the unique round refuses them).
    /// </summary>
    /// <returns>How many reports this call indexed.</returns>
    Task<int> IndexAsync(IReadOnlyList<IndexedReport> reports, CancellationToken cancellationToken);

    /// <summary>The index as a check of <paramref name="applicationId"/>'s report sees it: never the application's own rounds.</summary>
    IArchiveView ViewFor(int applicationId);
}
