using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using BaZhouTalent.Application.Domain;

namespace BaZhouTalent.Application.Workflow;

/// <summary>
/// The content of an application in one canonical JSON form (fixed property order, participants in
/// their order), so the same content always gives the same SHA-256 fingerprint. Submissions freeze it
/// as a revision; sign-offs record its fingerprint; /verify compares it with the content today.
/// </summary>
public static class ApplicationSnapshot
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public sealed record Person(
        string Name, string Gender, string Ethnicity, int? BirthYear, int? BirthMonth, string Unit,
        string AdministrativePost, string ProfessionalTitle, string Address, string Phone);

    public sealed record Member(string Name, string Unit, string Title, string Phone);

    /// <summary>A supporting file frozen with a revision: what it is and the SHA-256 of its bytes.</summary>
    public sealed record FrozenFile(string Kind, string FileName, string Sha256, long Size, bool BlindSafe);

    public sealed record Content(
        string ProjectCode,
        string ProjectTitle,
        string FillDate,
        bool? Sensitive,
        bool? Classified,
        bool DeclarationConfirmed,
        string ResultTitle,
        string CurrentOutputForm,
        string? ActualCompletion,
        Person CurrentLeader,
        IReadOnlyList<Member> CurrentParticipants,
        string ReportText,
        // Written only by AttachmentFreezer into a revision, so the revision's fingerprint covers the files;
        // left out when null, so sign-off fingerprints and revisions without files keep their JSON unchanged.
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<FrozenFile>? Attachments = null);

    /// <summary>The content; the application must be loaded with its Project.</summary>
    public static Content Capture(ClosureApplication application)
    {
        var leader = application.CurrentLeader;
        return new Content(
            application.Project.Code,
            application.Project.Title,
            application.FillDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            application.Sensitive,
            application.Classified,
            application.DeclarationConfirmed,
            application.ResultTitle,
            application.CurrentOutputForm,
            application.ActualCompletion?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            new Person(leader.Name, leader.Gender, leader.Ethnicity, leader.BirthYear, leader.BirthMonth, leader.Unit,
                leader.AdministrativePost, leader.ProfessionalTitle, leader.Address, leader.Phone),
            application.CurrentParticipants.OrderBy(p => p.SortOrder)
                .Select(p => new Member(p.Name, p.Unit, p.Title, p.Phone)).ToList(),
            application.ReportText.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    public static string ToJson(ClosureApplication application) => ToJson(Capture(application));

    public static string ToJson(Content content) => JsonSerializer.Serialize(content, Options);

    public static Content? FromJson(string json)
    {
        try { return JsonSerializer.Deserialize<Content>(json, Options); }
        catch (JsonException) { return null; }
    }

    public static string FingerprintOf(string json) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));

    /// <summary>SHA-256 (lower-case hex) of the canonical JSON of the application's content now.</summary>
    public static string Fingerprint(ClosureApplication application) => FingerprintOf(ToJson(application));
}
