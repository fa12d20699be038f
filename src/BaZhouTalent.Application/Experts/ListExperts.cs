using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;

namespace BaZhouTalent.Application.Experts;

/// <summary>
/// 专家库: every expert account with its pool entry, searchable by name, unit or field, one page at a time. A list needs
/// no one's contact details in full: phones and e-mail addresses are masked here and shown on the expert's own page.
/// </summary>
public static class ListExperts
{
    public sealed record Query(ListRequest List);

    public sealed record Row(
        string UserId, string UserName, string Name, string UnitName, string Title, string Fields,
        string Phone, string Email, string DeclaredConflicts, bool IsDisabled, bool HasPassword, int OpenLoad);

    public sealed class Handler(IAppDbContext db, VersionedCache cache)
    {
        public async Task<Paged<Row>> HandleAsync(Query query, CancellationToken cancellationToken = default)
        {
            var ids = await ExpertPool.ExpertIdsAsync(db, cancellationToken);
            var experts = db.Users.Where(u => ids.Contains(u.Id));
            if (query.List.Term is { } s)
            {
                experts = experts.Where(u => u.DisplayName.ToLower().Contains(s) || u.UserName!.ToLower().Contains(s)
                    || (u.Unit != null && u.Unit.Name.ToLower().Contains(s))
                    || db.ExpertProfiles.Any(p => p.UserId == u.Id && (p.Fields.ToLower().Contains(s) || p.WorkUnit.ToLower().Contains(s))));
            }
            // Enabled experts first, then by user name (unique, so pages never overlap).
            var sorts = SortMap<AppUser>.TieBrokenBy(u => u.UserName).Add("status", u => db.ExpertProfiles.Any(p => p.UserId == u.Id && p.IsDisabled));
            var page = await experts.ToPagedAsync(query.List, sorts, u => new
            {
                u.Id,
                u.UserName,
                u.DisplayName,
                UnitName = u.Unit != null ? u.Unit.Name : null,
                HasPassword = u.PasswordHash != null,
                Profile = db.ExpertProfiles.FirstOrDefault(p => p.UserId == u.Id),
            }, cancellationToken);

            var load = await ExpertPool.KeptOpenLoadAsync(db, cache, cancellationToken);
            var rows = page.Rows.Select(e => new Row(
                e.Id, e.UserName!, e.DisplayName, e.UnitName ?? e.Profile?.WorkUnit ?? "",
                e.Profile?.ProfessionalTitle ?? "", e.Profile?.Fields ?? "", PersonalData.MaskPhone(e.Profile?.Phone), PersonalData.MaskEmail(e.Profile?.Email),
                e.Profile?.DeclaredConflicts ?? "", e.Profile?.IsDisabled == true, e.HasPassword, load.GetValueOrDefault(e.Id))).ToList();
            return new Paged<Row>(rows, page.Page, page.PageSize, page.Total);
        }
    }
}
