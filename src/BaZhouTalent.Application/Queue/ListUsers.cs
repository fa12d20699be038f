using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Queue;

/// <summary>
/// 用户管理: accounts with their roles, unit or region, and whether they are locked — searched (用户名, 姓名, 单位),
/// filtered by role, sorted and paged on the server.
/// </summary>
public static class ListUsers
{
    /// <param name="Role">One of <see cref="Security.Roles.All"/>, or null for every account.</param>
    public sealed record Query(ListRequest Listing, string? Role = null);

    public sealed record Row(
        string UserName,
        string DisplayName,
        string? UnitName,
        string? RegionName,
        IReadOnlyList<string> Roles,
        bool MustChangePassword,
        bool IsLockedOut,
        string RealName = "",
        string Post = "",
        bool IsDisabled = false,
        bool TwoFactorEnabled = false)
    {
        public string RoleNames => string.Join("、", Roles.Select(Security.Roles.ToChinese));
    }

    /// <summary>Sort keys by their query-string names; the user name (unique) breaks ties.</summary>
    public static readonly SortMap<AppUser> Sorts = SortMap<AppUser>.TieBrokenBy(u => u.NormalizedUserName)
        .Add("username", u => u.NormalizedUserName)
        .Add("name", u => EF.Property<string>(u, AppUser.SortName))
        .Add("unit", u => u.Unit != null ? u.Unit.Name : u.Region != null ? u.Region.Name : null);

    private sealed record Found(string Id, string? UserName, string DisplayName, string RealName, string Post,
        string? UnitName, string? RegionName, bool MustChangePassword, DateTimeOffset? LockoutEnd, bool IsDisabled, bool TwoFactorEnabled);

    /// <remarks>
    /// One page-limited query over the accounts, then one query for the roles of that page's accounts only
    /// (Identity's role lookup through <c>UserManager</c> loads every member of a role).
    /// </remarks>
    public sealed class Handler(IAppDbContext db, TimeProvider clock, ListCounts counts, ITextSearch search)
    {
        public async Task<Paged<Row>> HandleAsync(Query query, CancellationToken cancellationToken = default)
        {
            var users = db.Users.AsNoTracking();
            if (Security.Roles.All.Contains(query.Role))
            {
                // By the role's id, read first: each account's membership is then one primary-key probe (UserId, RoleId),
                // and PostgreSQL's planner knows how many accounts hold it (a subquery it cannot estimate made it sort
                // every match instead of reading a page along the sort's index).
                var role = query.Role;
                var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken) ?? "";
                users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
            }
            var term = query.Listing.Term;
            // A search or role over every account checks each one: counted once per change (the same for every viewer).
            var candidates = term is null ? null : Candidates(term);
            var total = await counts.CountAsync(term is null ? users : Among(Matching(users, term), candidates),
                (nameof(ListUsers), query.Role, term), cancellationToken);
            if (term is not null)
            {
                users = Matching(users, term);
                // A rare term's few accounts are named by the index first, and the page reads each by key: given the
                // candidates as a subquery, PostgreSQL's planner (unable to estimate them) compared every account's
                // names instead. A common term (a unit's name, "load") fills the page early along the list's order with
                // the plain comparison, not through the index's thousands of candidates (ProjectSearch.CommonTerm).
                if (total <= ProjectSearch.CommonTerm && candidates is not null)
                {
                    var named = await candidates.ToListAsync(cancellationToken);
                    users = users.Where(u => named.Contains(u.Id));
                }
            }
            var page = await users.ToPageAsync(query.Listing, Sorts, u => new Found(
                    u.Id, u.UserName, u.DisplayName, u.RealName, u.Post,
                    u.Unit == null ? null : u.Unit.Name,
                    u.Region == null ? null : u.Region.Name,
                    u.MustChangePassword, u.LockoutEnd, u.IsDisabled, u.TwoFactorEnabled),
                total, cancellationToken);

            var ids = page.Rows.Select(u => u.Id).ToList();
            var roles = (await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                    .ToListAsync(cancellationToken))
                .ToLookup(r => r.UserId, r => r.Name ?? "");

            var now = clock.GetUtcNow();
            var rows = page.Rows.Select(u => new Row(
                    u.UserName ?? "",
                    u.DisplayName,
                    u.UnitName,
                    u.RegionName,
                    Security.Roles.All.Where(roles[u.Id].Contains).ToList(),
                    u.MustChangePassword,
                    u.LockoutEnd is { } end && end > now,
                    u.RealName,
                    u.Post,
                    u.IsDisabled,
                    u.TwoFactorEnabled))
                .ToList();
            return new Paged<Row>(rows, page.Page, page.PageSize, page.Total);
        }

        /// <summary>Accounts whose 用户名, 姓名 or display name contains the term, or whose unit or region does.</summary>
        private IQueryable<AppUser> Matching(IQueryable<AppUser> users, string term)
        {
            var (units, regions) = Named(term);
            return users.Where(u => u.UserName!.ToLower().Contains(term) || u.RealName.ToLower().Contains(term) || u.DisplayName.ToLower().Contains(term)
                || units.Contains(u.UnitId) || regions.Contains(u.RegionId));
        }

        /// <summary>
        /// The keys of every account the term may match, by the search index (and the accounts of the units and regions
        /// it names), or null where the provider has no index for it; <see cref="Matching"/> still decides.
        /// </summary>
        private IQueryable<string>? Candidates(string term)
        {
            if (search.Accounts(term) is not { } named)
                return null;
            var (units, regions) = Named(term);
            return named
                .Union(db.Users.Where(u => units.Contains(u.UnitId)).Select(u => u.Id))
                .Union(db.Users.Where(u => regions.Contains(u.RegionId)).Select(u => u.Id));
        }

        /// <summary>The few units and regions the term names, found once rather than joined for every account.</summary>
        private (IQueryable<int?> Units, IQueryable<int?> Regions) Named(string term) => (
            db.Units.Where(x => x.Name.ToLower().Contains(term)).Select(x => (int?)x.Id),
            db.Regions.Where(x => x.Name.ToLower().Contains(term)).Select(x => (int?)x.Id));

        /// <summary>The exact comparison run only on the index's candidates, so a rare name does not read every account.</summary>
        private static IQueryable<AppUser> Among(IQueryable<AppUser> matching, IQueryable<string>? candidates) =>
            candidates is null ? matching : matching.Where(u => candidates.Contains(u.Id));
    }
}
