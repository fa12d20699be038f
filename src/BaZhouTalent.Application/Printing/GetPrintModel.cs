using System.Security.Claims;
using BaZhouTalent.Application.Disclosure;
using BaZhouTalent.Typesetting.PrintModel;

namespace BaZhouTalent.Application.Printing;

/// <summary>The print model of one application, for someone allowed to view it, as the disclosure policy lets them see it.</summary>
public static class GetPrintModel
{
    public sealed record Result(ApplicationPrintModel Model, string ProjectCode, bool Blind);

    public sealed class Handler(LoadDisclosed.Handler load)
    {
        /// <returns>Null when there is no such application or the user may not view it (both answer 404).</returns>
        public async Task<Result?> HandleAsync(string projectCode, ClaimsPrincipal user, CancellationToken cancellationToken = default)
        {
            if (await load.HandleAsync(projectCode, user, cancellationToken) is not { View: var view })
                return null;
            return new Result(ApplicationPrintMapper.Map(view), view.Code, view.Blind);
        }
    }
}
