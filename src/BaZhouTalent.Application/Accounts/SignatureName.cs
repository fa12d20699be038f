using BaZhouTalent.Application.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Accounts;

/// <summary>
/// The name a person's decisions are recorded under: the account's 姓名 (real name), as signatures print it, else its
/// display name. Request decisions, corrections and objections use it, so they read 李明 and 王建华 like the form,
/// not the account's label (巴州区委党校审核人).
/// </summary>
public static class SignatureName
{
    public static async Task<string> OfAsync(IAppDbContext db, ICurrentUser user, CancellationToken cancellationToken)
    {
        if (user.UserId is not { } id) return user.DisplayName;
        var name = await db.Users.Where(u => u.Id == id)
            .Select(u => u.RealName != "" ? u.RealName : u.DisplayName)
            .FirstOrDefaultAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(name) ? user.DisplayName : name;
    }
}
