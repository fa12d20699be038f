using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Abstractions;

/// <summary>
/// A save hit a unique index: another request inserted the same key (a revision round, a certificate number,
/// a user name, a 立项编号) between our check and our save. The context throws it for every provider, so a use
/// case answers the race in the one place it already answers concurrent edits: it derives from
/// <see cref="DbUpdateConcurrencyException"/>, and every handler that turns a stale save into its conflict
/// outcome does the same for a duplicate, without a try/catch of its own.
/// </summary>
public sealed class DuplicateRowException(DbUpdateException inner)
    : DbUpdateConcurrencyException("A unique index refused the save: another request wrote the same key first.", inner);

public static class UniqueSaves
{
    /// <summary>
    /// Saves what a unique key guards (a lease, a reminder sent once); false, with the changes dropped, when another
    /// instance wrote the same key first.
    /// </summary>
    public static async Task<bool> SaveUnlessTakenAsync(this IAppDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DuplicateRowException)
        {
            db.DiscardChanges();
            return false;
        }
    }
}
