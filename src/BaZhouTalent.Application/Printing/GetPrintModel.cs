using System.Security.Claims;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Applications;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Typesetting.PrintModel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Printing;

/// <summary>The print model of one application, for someone allowed to view it; blind for experts.</summary>
public static class GetPrintModel
{
    public sealed record Result(ApplicationPrintModel Model, string ProjectCode, bool Blind);

    public sealed class Handler(IAppDbContext db, IAuthorizationService authorization)
    {
        /// <returns>Null when there is no such application or the user may not view it (both answer 404).</returns>
        public async Task<Result?> HandleAsync(string projectCode, ClaimsPrincipal user, CancellationToken cancellationToken = default)
        {
            var application = await db.ClosureApplications
                .Include(a => a.Project).ThenInclude(p => p.Category)
                .Include(a => a.Project).ThenInclude(p => p.Unit).ThenInclude(u => u.Region)
                .Include(a => a.ExpertAssignments)
                .Include(a => a.Opinions)
                .AsSplitQuery()
                .SingleOrDefaultAsync(a => a.Project.Code == projectCode, cancellationToken);
            if (application is null
                || !(await authorization.AuthorizeAsync(user, application, ApplicationOperations.View)).Succeeded)
                return null;

            var blind = !(await authorization.AuthorizeAsync(user, application, ApplicationOperations.SeeIdentities)).Succeeded;
            var changes = ChangeRecord.Compute(application.Project, application).Lines;
            return new Result(ApplicationPrintMapper.Map(application, changes, blind), application.Project.Code, blind);
        }
    }
}
