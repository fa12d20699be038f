using BaZhouTalent.Application.Seeding;
using BaZhouTalent.Typesetting.PrintModel;
using BaZhouTalent.Typesetting.Reports;

namespace BaZhouTalent.UnitTests.Typesetting;

/// <summary>The reference application as a print model, read from the seed copied beside the tests.</summary>
public static class SeedPrint
{
    public const string SeedPath = "seeds/000_61e57fa0fe31f5a0.txt";

    private static readonly Lazy<string> Text = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, SeedPath)));
    private static readonly Lazy<ReferenceApplication> Parsed = new(() => ReferenceSeedParser.Parse(Text.Value));

    public static string SeedText => Text.Value;

    public static ReferenceApplication Reference => Parsed.Value;

    public static ApplicationPrintModel Model() => ToModel(Reference);

    public static ApplicationPrintModel ToModel(ReferenceApplication r) => new(
        new CoverPrint(r.ProjectCode, r.Category, r.ProjectTitle, r.LeaderName, r.UnitName, r.FillDate, r.FormMonth),
        new DeclarationPrint(r.Sensitive, r.Classified),
        new ChangeRecordPrint(
            r.ProjectTitle, r.ResultTitle, r.Changed, r.ChangeDescription,
            r.PlannedOutputForm, r.CurrentOutputForm, r.PlannedCompletion, r.ActualCompletion,
            Leader(r.OriginalLeader), Leader(r.CurrentLeader),
            [.. r.OriginalParticipants.Select(Participant)], [.. r.CurrentParticipants.Select(Participant)]),
        UnitOpinion: null,
        CountyOpinion: null,
        ExpertOpinion: null,
        FederationOpinion: null,
        ReportMarkup.Parse(r.ReportText));

    private static LeaderPrint Leader(SeedLeader l) =>
        new(l.Name, l.Gender, l.Ethnicity, l.BirthYear, l.BirthMonth, l.Unit, l.AdministrativePost, l.ProfessionalTitle, l.Address, l.Phone);

    private static ParticipantPrint Participant(SeedParticipant p) => new(p.Name, p.Unit, p.Title, p.Phone);
}
