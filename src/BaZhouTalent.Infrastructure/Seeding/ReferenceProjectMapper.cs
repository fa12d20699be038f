using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Seeding;

namespace BaZhouTalent.Infrastructure.Seeding;

/// <summary>Turns the parsed seed into the register entry (原) and its draft application (现).</summary>
internal static class ReferenceProjectMapper
{
    public static FundedProject ToFundedProject(ReferenceApplication seed, ProjectCategory category, Unit unit, string? leaderUserId) => new()
    {
        Code = seed.ProjectCode,
        Title = seed.ProjectTitle,
        Year = 2000 + int.Parse(seed.ProjectCode.AsSpan(2, 2)),
        CategoryId = category.Id,
        UnitId = unit.Id,
        PlannedOutputForm = seed.PlannedOutputForm,
        PlannedCompletion = seed.PlannedCompletion,
        OriginalLeader = ToPerson(seed.OriginalLeader),
        OriginalParticipants = ToParticipants(seed.OriginalParticipants),
        LeaderUserId = leaderUserId,
    };

    public static ClosureApplication ToDraftApplication(ReferenceApplication seed, FundedProject project, DateTimeOffset now)
    {
        var application = ClosureApplication.StartFor(project, now);
        application.FillDate = seed.FillDate;
        application.Sensitive = seed.Sensitive;
        application.Classified = seed.Classified;
        application.ResultTitle = seed.ResultTitle;
        application.CurrentOutputForm = seed.CurrentOutputForm;
        application.ActualCompletion = seed.ActualCompletion;
        application.CurrentLeader = ToPerson(seed.CurrentLeader);
        application.CurrentParticipants = ToParticipants(seed.CurrentParticipants);
        application.ReportText = seed.ReportText;
        return application;
    }

    private static PersonDetails ToPerson(SeedLeader leader) => new()
    {
        Name = leader.Name,
        Gender = leader.Gender,
        Ethnicity = leader.Ethnicity,
        BirthYear = leader.BirthYear,
        BirthMonth = leader.BirthMonth,
        Unit = leader.Unit,
        AdministrativePost = leader.AdministrativePost,
        ProfessionalTitle = leader.ProfessionalTitle,
        Address = leader.Address,
        Phone = leader.Phone,
    };

    private static List<Participant> ToParticipants(IReadOnlyList<SeedParticipant> participants) =>
        participants.Select((p, i) => new Participant
        {
            SortOrder = i + 1,
            Name = p.Name,
            Unit = p.Unit,
            Title = p.Title,
            Phone = p.Phone,
        }).ToList();
}
