using System.Security.Claims;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Announcements;
using BaZhouTalent.Application.Review;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Typesetting.PrintModel;
using Microsoft.AspNetCore.Authorization;

namespace BaZhouTalent.Application.Certificates;

/// <summary>结项证书 of one concluded application, for the city federation, the leader and the unit.</summary>
public static class GetCertificate
{
    public sealed record Query(string ProjectCode, string BaseUrl);

    /// <summary>The certificate, or (with <see cref="Model"/> null) the 结项公示 that still holds it back.</summary>
    public sealed record Result(CertificatePrintModel? Model, AnnouncementStatus Announcement);

    public sealed class Handler(IAppDbContext db, IAuthorizationService authorization, TimeProvider clock)
    {
        /// <returns>Null when there is no such application, it has no certificate, or the user may not have it (all answer 404).</returns>
        public async Task<Result?> HandleAsync(Query query, ClaimsPrincipal user, CancellationToken cancellationToken = default)
        {
            var application = await ReviewLoading.LoadAsync(db, query.ProjectCode, cancellationToken);
            if (application is null
                || !(await authorization.AuthorizeAsync(user, application, ApplicationOperations.DownloadCertificate)).Succeeded)
                return null;
            if (Certificate.Model(application, query.BaseUrl) is not { } model) return null;
            var announcement = await AnnouncementStatus.LoadAsync(db, application.Id, clock, cancellationToken);
            return announcement.CertificateIssued ? new Result(model, announcement) : new Result(null, announcement);
        }
    }
}
