using BaZhouTalent.Application.Seeding;
using BaZhouTalent.Typesetting.PrintModel;
using BaZhouTalent.Typesetting.Reports;

namespace BaZhouTalent.Benchmarks;

/// <summary>The reference application as a print model, read from the seed copied beside the benchmarks.</summary>
internal static class SeedModel
{
    public static ApplicationPrintModel Load()
    {
        var r = ReferenceSeedParser.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds/000_61e57fa0fe31f5a0.txt")));
        return new ApplicationPrintModel(
            new CoverPrint(r.ProjectCode, r.Category, r.ProjectTitle, r.LeaderName, r.UnitName, r.FillDate, r.FormMonth),
            new DeclarationPrint(r.Sensitive, r.Classified),
            new ChangeRecordPrint(
                r.ProjectTitle, r.ResultTitle, r.Changed, r.ChangeDescription,
                r.PlannedOutputForm, r.CurrentOutputForm, r.PlannedCompletion, r.ActualCompletion,
                Leader(r.OriginalLeader), Leader(r.CurrentLeader),
                [.. r.OriginalParticipants.Select(Participant)], [.. r.CurrentParticipants.Select(Participant)]),
            null, null, null, null,
            ReportMarkup.Parse(r.ReportText));
    }

    private static LeaderPrint Leader(SeedLeader l) =>
        new(l.Name, l.Gender, l.Ethnicity, l.BirthYear, l.BirthMonth, l.Unit, l.AdministrativePost, l.ProfessionalTitle, l.Address, l.Phone);

    private static ParticipantPrint Participant(SeedParticipant p) => new(p.Name, p.Unit, p.Title, p.Phone);
}
