using System.Globalization;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Audit;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Projects;

/// <summary>
/// 结项批次: when the city federation has set at least one window, submission is open only inside one; with none set
/// it is always open (the default).
/// </summary>
public static class ClosureWindows
{
    /// <summary>A Chinese message when submitting on <paramref name="today"/> (China date) is closed; null when open.</summary>
    public static async Task<string?> RefusalAsync(IAppDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        if (!await db.ClosureWindows.AnyAsync(cancellationToken))
            return null;
        if (await db.ClosureWindows.AnyAsync(w => w.Opens <= today && w.Closes >= today, cancellationToken))
            return null;
        var next = await db.ClosureWindows.Where(w => w.Opens > today).OrderBy(w => w.Opens).FirstOrDefaultAsync(cancellationToken);
        return next is null
            ? "当前不在结项申报时间内，暂无已安排的下一批次，请留意市社科联通知。申请书已保存为草稿。"
            : $"当前不在结项申报时间内。下一批次：{Describe(next)}。申请书已保存为草稿。";
    }

    /// <summary>“2027年3月1日至3月15日”, the year repeated only when the window crosses into the next.</summary>
    public static string Describe(ClosureWindow window) => Describe(window.Opens, window.Closes);

    public static string Describe(DateOnly opens, DateOnly closes) =>
        opens.ToString("yyyy年M月d日", CultureInfo.InvariantCulture) + "至"
        + closes.ToString(closes.Year == opens.Year ? "M月d日" : "yyyy年M月d日", CultureInfo.InvariantCulture);

    public sealed record Row(int Id, DateOnly Opens, DateOnly Closes, string CreatedByName)
    {
        public string Text => Describe(Opens, Closes);
    }

    public enum Outcome { Added, Removed, Invalid, NotFound }

    public sealed record Result(Outcome Outcome, string? Message = null);

    public sealed class Handler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock, StaffAudit audit)
    {
        /// <summary>Every window, latest first, with whether each is past, open or to come (a handful a year: not paged).</summary>
        public async Task<IReadOnlyList<Row>> ListAsync(CancellationToken cancellationToken) =>
            await db.ClosureWindows.OrderByDescending(w => w.Opens)
                .Select(w => new Row(w.Id, w.Opens, w.Closes, w.CreatedByName))
                .ToListAsync(cancellationToken);

        public DateOnly Today => ChinaTime.Today(clock);

        public async Task<Result> AddAsync(DateOnly? opens, DateOnly? closes, CancellationToken cancellationToken)
        {
            if (opens is null || closes is null)
                return new Result(Outcome.Invalid, "请填写批次的开始日期和截止日期。");
            if (closes < opens)
                return new Result(Outcome.Invalid, "截止日期不能早于开始日期。");
            if (await db.ClosureWindows.AnyAsync(w => w.Opens <= closes && w.Closes >= opens, cancellationToken))
                return new Result(Outcome.Invalid, "该批次与已有批次的日期重叠，请调整日期。");
            var window = new ClosureWindow { Opens = opens.Value, Closes = closes.Value, CreatedAt = clock.GetUtcNow(), CreatedByName = await Accounts.SignatureName.OfAsync(db, currentUser, cancellationToken) };
            db.ClosureWindows.Add(window);
            audit.Add(StaffAction.ClosureWindowAdded, Describe(window));
            await db.SaveChangesAsync(cancellationToken);
            return new Result(Outcome.Added);
        }

        public async Task<Result> RemoveAsync(int id, CancellationToken cancellationToken)
        {
            var window = await db.ClosureWindows.FirstOrDefaultAsync(w => w.Id == id, cancellationToken);
            if (window is null)
                return new Result(Outcome.NotFound);
            db.ClosureWindows.Remove(window);
            audit.Add(StaffAction.ClosureWindowRemoved, Describe(window));
            await db.SaveChangesAsync(cancellationToken);
            return new Result(Outcome.Removed);
        }
    }
}
