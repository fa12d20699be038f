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
