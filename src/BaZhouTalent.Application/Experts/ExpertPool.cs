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

    /// <summary>The ids of the Expert role's accounts, as a query: the role first, then its links by the role index
    /// (a test of each link's role read every account's, researchers' too: it grew with the projects). Identity's
    /// GetUsersInRoleAsync would load every expert's whole account, tracked.</summary>
    public static IQueryable<string> ExpertIds(IAppDbContext db) =>
        from link in db.UserRoles
        join role in db.Roles on link.RoleId equals role.Id
        where role.Name == Roles.Expert
        select link.UserId;

    public static async Task<IReadOnlyList<string>> ExpertIdsAsync(IAppDbContext db, CancellationToken cancellationToken = default) =>
        await ExpertIds(db).ToListAsync(cancellationToken);

    /// <summary>The pool as it stands now, read in one query (the assignment checks against this, inside its transaction).</summary>
    public static async Task<IReadOnlyList<Member>> LoadMembersAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        var rows = await (
                from u in db.Users.AsNoTracking()
                where ExpertIds(db).Contains(u.Id)
                join p in db.ExpertProfiles.AsNoTracking() on u.Id equals p.UserId into profiles
                from profile in profiles.DefaultIfEmpty()
                orderby u.UserName
                select new { u.Id, u.DisplayName, u.UnitId, UnitName = u.Unit != null ? u.Unit.Name : null, Profile = profile })
            .ToListAsync(cancellationToken);
        return rows
            .Where(r => r.Profile is not { IsDisabled: true })
            .Select(r => new Member(
                new ExpertCandidate(r.Id, r.DisplayName, r.UnitId, r.UnitName ?? r.Profile?.WorkUnit ?? "", false, r.Profile?.ConflictList),
                r.Profile?.ProfessionalTitle ?? "",
                r.Profile?.FieldList ?? []))
            .ToList();
    }

    /// <summary>
    /// <see cref="LoadMembersAsync"/> as 受理并分配's suggestions show it: read once per data change (<see cref="VersionedCache"/>;
    /// an account, role or pool entry changes only by a save, which moves the stamp every instance reads).
    /// </summary>
    public static Task<IReadOnlyList<Member>> KeptMembersAsync(IAppDbContext db, VersionedCache cache, CancellationToken cancellationToken) =>
        cache.KeepAsync((nameof(ExpertPool), "members"), OpenLoadLifetime, () => LoadMembersAsync(db, cancellationToken));

    /// <summary>The enabled experts as the assignment and the conflict rule need them.</summary>
    public static async Task<IReadOnlyList<ExpertCandidate>> LoadAsync(IAppDbContext db, CancellationToken cancellationToken) =>
        (await LoadMembersAsync(db, cancellationToken)).Select(m => m.Candidate).ToList();

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
