using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Experts;

/// <summary>专家库: every expert account with its pool entry, searchable by name, unit or field, one page at a time.</summary>
public static class ListExperts
{
    public sealed record Query(PageRequest Page, string? Search = null);

    public sealed record Row(
        string UserId, string UserName, string Name, string UnitName, string Title, string Fields,
        string Phone, string Email, string DeclaredConflicts, bool IsDisabled, bool HasPassword, int OpenLoad);

    public sealed class Handler(IAppDbContext db, UserManager<AppUser> users)
    {
        public async Task<Paged<Row>> HandleAsync(Query query, CancellationToken cancellationToken = default)
        {
            var ids = await ExpertPool.ExpertIdsAsync(users);
            var experts = db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
                .Select(u => new { User = u, UnitName = u.Unit != null ? u.Unit.Name : null, Profile = db.ExpertProfiles.FirstOrDefault(p => p.UserId == u.Id) });
            if (!string.IsNullOrWhiteSpace(query.Search))
            {
                var s = query.Search.Trim();
                experts = experts.Where(e => e.User.DisplayName.Contains(s) || e.User.UserName!.Contains(s)
                    || (e.UnitName != null && e.UnitName.Contains(s))
                    || (e.Profile != null && (e.Profile.Fields.Contains(s) || e.Profile.WorkUnit.Contains(s))));
            }
            var page = await experts
                .OrderBy(e => e.Profile != null && e.Profile.IsDisabled).ThenBy(e => e.User.UserName).ThenBy(e => e.User.Id)
                .Select(e => new Row(
                    e.User.Id, e.User.UserName!, e.User.DisplayName,
                    e.UnitName ?? (e.Profile != null ? e.Profile.WorkUnit : ""),
                    e.Profile != null ? e.Profile.ProfessionalTitle : "",
                    e.Profile != null ? e.Profile.Fields : "",
                    e.Profile != null ? e.Profile.Phone : "",
                    e.Profile != null ? e.Profile.Email : "",
                    e.Profile != null ? e.Profile.DeclaredConflicts : "",
                    e.Profile != null && e.Profile.IsDisabled,
                    e.User.PasswordHash != null,
                    0))
                .ToPagedAsync(query.Page, cancellationToken);

            var load = await ExpertPool.OpenLoadAsync(db, cancellationToken);
            return page with { Items = page.Items.Select(r => r with { OpenLoad = load.GetValueOrDefault(r.UserId) }).ToList() };
        }
    }
}
