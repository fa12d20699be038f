using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Security;

namespace BaZhouTalent.Application.Notices;

/// <summary>Who holds an application at each stage, as user ids (one query each; locked-out accounts are still told).</summary>
public sealed class NoticeRecipients(IAppDbContext db)
{
    public IQueryable<string> UnitReviewers(int unitId) =>
        db.Users.Where(u => u.UnitId == unitId && InRole(Roles.UnitReviewer).Contains(u.Id)).Select(u => u.Id);

    public IQueryable<string> CountyReviewers(int regionId) =>
        db.Users.Where(u => u.RegionId == regionId && InRole(Roles.CountyFederation).Contains(u.Id)).Select(u => u.Id);

    public IQueryable<string> Federation() => InRole(Roles.MunicipalFederation);

    private IQueryable<string> InRole(string role) =>
        from link in db.UserRoles
        join r in db.Roles on link.RoleId equals r.Id
        where r.Name == role
        select link.UserId;
}
