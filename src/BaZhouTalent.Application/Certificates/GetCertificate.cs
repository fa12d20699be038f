using System.Security.Claims;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Review;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Typesetting.PrintModel;
using Microsoft.AspNetCore.Authorization;

namespace BaZhouTalent.Application.Certificates;

/// <summary>结项证书 of one concluded application, for the city federation, the leader and the unit.</summary>
public static class GetCertificate
{
    public sealed record Query(string ProjectCode, string BaseUrl);

    public sealed class Handler(IAppDbContext db, IAuthorizationService authorization)
    {
        /// <returns>Null when there is no such application, it has no certificate, or the user may not have it (all answer 404).</returns>
        public async Task<CertificatePrintModel?> HandleAsync(Query query, ClaimsPrincipal user, CancellationToken cancellationToken = default)
        {
            var application = await ReviewLoading.LoadAsync(db, query.ProjectCode, cancellationToken);
            if (application is null
                || !(await authorization.AuthorizeAsync(user, application, ApplicationOperations.DownloadCertificate)).Succeeded)
                return null;
            return Certificate.Model(application, query.BaseUrl);
        }
    }
}
