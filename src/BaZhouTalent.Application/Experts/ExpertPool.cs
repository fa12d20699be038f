using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Application.Workflow;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Experts;

/// <summary>
/// The experts the city federation may choose from: every account in the Expert role whose pool entry is not
/// disabled (an account without an entry yet counts as enabled), with what suggestions rank by.
/// </summary>
public static class ExpertPool
{
    public sealed record Member(ExpertCandidate Candidate, string Title, IReadOnlyList<string> Fields);

    /// <summary>The ids of the Expert role's accounts.</summary>
    /// <remarks>Through <see cref="UserManager{TUser}"/>: the context interface does not expose Identity's join tables.</remarks>
    public static async Task<IReadOnlyList<string>> ExpertIdsAsync(UserManager<AppUser> users) =>
        (await users.GetUsersInRoleAsync(Roles.Expert)).Select(u => u.Id).ToList();

    public static async Task<IReadOnlyList<Member>> LoadMembersAsync(IAppDbContext db, UserManager<AppUser> users, CancellationToken cancellationToken)
    {
        var ids = await ExpertIdsAsync(users);
        var rows = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .OrderBy(u => u.UserName)
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.UnitId,
                UnitName = u.Unit != null ? u.Unit.Name : null,
                Profile = db.ExpertProfiles.FirstOrDefault(p => p.UserId == u.Id),
            })
            .ToListAsync(cancellationToken);
        return rows
            .Where(r => r.Profile is not { IsDisabled: true })
            .Select(r => new Member(
                new ExpertCandidate(r.Id, r.DisplayName, r.UnitId, r.UnitName ?? r.Profile?.WorkUnit ?? "", false, r.Profile?.ConflictList),
                r.Profile?.ProfessionalTitle ?? "",
                r.Profile?.FieldList ?? []))
            .ToList();
    }

    /// <summary>The enabled experts as the assignment and the conflict rule need them.</summary>
    public static async Task<IReadOnlyList<ExpertCandidate>> LoadAsync(IAppDbContext db, UserManager<AppUser> users, CancellationToken cancellationToken) =>
        (await LoadMembersAsync(db, users, cancellationToken)).Select(m => m.Candidate).ToList();

    /// <summary>
    /// Each expert's open load: assignments in the current round of applications still with the experts, not yet
    /// appraised. Driven from the applications in 专家鉴定中 (the status index), so it reads the open rounds' few
    /// assignments, not every assignment ever made.
    /// </summary>
    public static async Task<Dictionary<string, int>> OpenLoadAsync(IAppDbContext db, CancellationToken cancellationToken) =>
        await OpenLoad(db).ToDictionaryAsync(g => g.ExpertUserId, g => g.Count, cancellationToken);

    /// <summary>
    /// <see cref="OpenLoadAsync"/> as the pages show it (专家库, the suggestions of 受理并分配): counted once per data
    /// change (<see cref="VersionedCache"/>), since it walks every application with the experts. The assignment itself
    /// checks its cap against <see cref="OpenLoadAsync"/> inside its transaction.
    /// </summary>
    public static Task<Dictionary<string, int>> KeptOpenLoadAsync(IAppDbContext db, VersionedCache cache, CancellationToken cancellationToken) =>
        cache.KeepAsync((nameof(ExpertPool), "open load"), OpenLoadLifetime, () => OpenLoadAsync(db, cancellationToken));

    /// <summary>How long a kept open load stays in memory (it is recomputed after any change whatever this says).</summary>
    public static readonly TimeSpan OpenLoadLifetime = TimeSpan.FromMinutes(5);

    public sealed record ExpertLoad(string ExpertUserId, int Count);

    /// <summary>The query of <see cref="OpenLoadAsync"/> (its plan is tested).</summary>
    public static IQueryable<ExpertLoad> OpenLoad(IAppDbContext db) =>
        from a in db.ClosureApplications.AsNoTracking()
        where a.Status == ApplicationStatus.ExpertReview
        join e in db.ExpertAssignments.AsNoTracking() on new { ApplicationId = a.Id, a.Round } equals new { e.ApplicationId, e.Round }
        where !db.ReviewOpinions.Any(o => o.ApplicationId == e.ApplicationId && o.Round == e.Round
            && o.Stage == ReviewStage.Expert && o.SignerUserId == e.ExpertUserId)
        group e by e.ExpertUserId into g
        select new ExpertLoad(g.Key, g.Count());
}
