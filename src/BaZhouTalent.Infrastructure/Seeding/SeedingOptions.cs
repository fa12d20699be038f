namespace BaZhouTalent.Infrastructure.Seeding;

/// <summary>Bound from the <c>Seeding</c> section.</summary>
public sealed class SeedingOptions
{
    public const string Section = "Seeding";

    /// <summary>Demo units, accounts and the reference project; on in Development only.</summary>
    public bool DemoData { get; set; }

    /// <summary>
    /// The demo programme (some 60 projects of 2024–2026 in every state, with their units, reviewers, researchers and experts),
    /// added on a new database next to <see cref="DemoData"/>; Development only, and only with <see cref="DemoData"/>.
    /// </summary>
    public bool DemoProgramme { get; set; }

    /// <summary>The one password of every demo account (shown in the README).</summary>
    public string DemoPassword { get; set; } = "Bz2025demo";

    /// <summary>
    /// Outside Development: the first password of the city federation's <c>admin</c> account, created when no
    /// MunicipalFederation account exists yet; it must be changed at the first sign-in.
    /// </summary>
    public string? InitialAdminPassword { get; set; }

    /// <summary>The reference application, relative to the content root or the application folder.</summary>
    public string ReferenceFile { get; set; } = Path.Combine("seeds", "000_61e57fa0fe31f5a0.txt");
}
