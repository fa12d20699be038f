namespace BaZhouTalent.Application.Seeding;

/// <summary>A person as the change table records them (原/现负责人).</summary>
public sealed record SeedLeader(
    string Name,
    string Gender,
    string Ethnicity,
    int BirthYear,
    int BirthMonth,
    string Unit,
    string AdministrativePost,
    string ProfessionalTitle,
    string Address,
    string Phone);

/// <summary>One row of 原/现参与人员.</summary>
public sealed record SeedParticipant(string Name, string Unit, string Title, string Phone);

/// <summary>Everything the seed file (a text export of the Word form) says about one closure application.</summary>
public sealed record ReferenceApplication(
    string ProjectCode,
    string Category,
    string ProjectTitle,
    string LeaderName,
    string UnitName,
    DateOnly FillDate,
    string FormMonth,
    bool? Sensitive,
    bool? Classified,
    string ResultTitle,
    bool Changed,
    string ChangeDescription,
    string PlannedOutputForm,
    string CurrentOutputForm,
    DateOnly PlannedCompletion,
    DateOnly ActualCompletion,
    SeedLeader OriginalLeader,
    SeedLeader CurrentLeader,
    IReadOnlyList<SeedParticipant> OriginalParticipants,
    IReadOnlyList<SeedParticipant> CurrentParticipants,
    string ReportText);
