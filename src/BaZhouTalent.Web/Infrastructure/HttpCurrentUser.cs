using System.Security.Claims;
using System.Globalization;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Infrastructure.Identity;

namespace BaZhouTalent.Web.Infrastructure;

/// <summary>The signed-in user of the current request.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public string? UserId => Principal?.FindFirstValue(ClaimTypes.NameIdentifier);

    public string? UserName => Principal?.Identity?.IsAuthenticated == true ? Principal.Identity.Name : null;

    public string ClientAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "";

    public string DisplayName => Principal?.FindFirstValue(AppClaims.DisplayName) ?? Principal?.Identity?.Name ?? "";

    public bool IsInRole(string role) => Principal?.IsInRole(role) ?? false;

    public int? UnitId => ClaimNumber(AppClaimTypes.UnitId);

    public int? RegionId => ClaimNumber(AppClaimTypes.RegionId);

    private int? ClaimNumber(string type) =>
        int.TryParse(Principal?.FindFirstValue(type), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
