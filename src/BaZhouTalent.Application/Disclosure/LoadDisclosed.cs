using System.Security.Claims;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Review;
using BaZhouTalent.Application.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Disclosure;

/// <summary>
/// The common first step of every read of one application: load it, answer null (404) to whoever may not
/// view it, and build what this viewer may see. The entity stays in the application layer for the rules.
/// </summary>
public static class LoadDisclosed
{
    public sealed record Loaded(ClosureApplication Entity, DisclosedApplication View);

    public sealed class Handler(IAppDbContext db, IAuthorizationService authorization)
    {
        public async Task<Loaded?> HandleAsync(string projectCode, ClaimsPrincipal user, CancellationToken cancellationToken = default)
        {
            var application = await ReviewLoading.LoadAsync(db, projectCode, cancellationToken);
            if (application is null
                || !(await authorization.AuthorizeAsync(user, application, ApplicationOperations.View)).Succeeded)
                return null;

            var policy = DisclosurePolicy.For(user, application);
            var ids = application.ExpertAssignments.Select(e => e.ExpertUserId).Where(policy.SeesExpertName).Distinct().ToList();
            var names = ids.Count == 0 ? new Dictionary<string, string>()
                : await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
            return new Loaded(application, DisclosedApplication.Build(application, policy, names));
        }
    }
}
