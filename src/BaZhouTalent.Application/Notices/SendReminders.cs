using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Application.Notices;

/// <summary>
/// The daily reminders (催办): whoever holds an application past its stage's time limit is reminded once a day
/// while it stays overdue, and a researcher once when the project's planned completion comes within the set days.
/// Only the instance holding the <see cref="LeaseName"/> lease runs; each reminder's record has a unique key
/// (kind, item, recipient, day), so even two instances racing past the lease send it once.
/// </summary>
public sealed class SendReminders(
    IAppDbContext db,
    NoticeWriter notices,
    NoticeRecipients recipients,
    StageDeadlines deadlines,
    JobLeases leases,
    TimeProvider clock,
    IOptions<NoticeOptions> noticeOptions,
    IOptions<DeadlineOptions> deadlineOptions,
    ILogger<SendReminders> log)
{
    public const string LeaseName = "daily-reminders";

    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(10);

    private sealed record Reminder(string Key, string RecipientUserId, NoticeText Text);

    /// <returns>How many reminders this run sent (0 before the day's hour or without the lease).</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now.ToChina().Hour < noticeOptions.Value.ReminderHour)
            return 0;
        // The day's run is over once its marker exists: the instances' later checks that day cost one lookup.
        var dayDone = $"run:{now.ChinaDate():yyyyMMdd}";
        if (await db.ReminderRecords.AnyAsync(r => r.Key == dayDone, cancellationToken))
            return 0;
        if (!await leases.TryAcquireAsync(LeaseName, LeaseDuration, cancellationToken))
            return 0;

        var sent = 0;
        foreach (var reminder in (await OverdueAsync(now, cancellationToken)).Concat(await CompletionAsync(now, cancellationToken)))
        {
            if (await SendOnceAsync(reminder, now, cancellationToken))
                sent++;
        }
        // Written last, so a run cut short is finished by the next check (the per-reminder keys skip what was sent).
        db.ReminderRecords.Add(new ReminderRecord { Key = dayDone, Day = now.ChinaDate(), SentAt = clock.GetUtcNow() });
        await db.SaveUnlessTakenAsync(cancellationToken);
        log.LogInformation("Daily reminders for {Day}: {Count} sent", now.ChinaDate(), sent);
        return sent;
    }

    private async Task<bool> SendOnceAsync(Reminder reminder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.ReminderRecords.AnyAsync(r => r.Key == reminder.Key, cancellationToken))
            return false;
        db.ReminderRecords.Add(new ReminderRecord { Key = reminder.Key, Day = now.ChinaDate(), SentAt = now });
        await notices.AddAsync([reminder.RecipientUserId], reminder.Text, reminder.Key, cancellationToken);
        // False when another instance sent this one a moment ago.
        return await db.SaveUnlessTakenAsync(cancellationToken);
    }

    private async Task<List<Reminder>> OverdueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var inReview = Workflow.WorkflowStages.InReview.ToArray();
        var applications = await db.ClosureApplications.AsNoTracking()
            .Where(a => inReview.Contains(a.Status))
            .Select(a => new
            {
                a.Project.Code,
                a.Project.Title,
                a.Project.UnitId,
                a.Project.Unit.RegionId,
                a.Status,
                a.Round,
                Entered = a.History.Where(h => h.ToStatus == a.Status).Max(h => (DateTimeOffset?)h.At),
                Experts = a.ExpertAssignments.Where(e => e.Round == a.Round).Select(e => new { e.ExpertUserId, e.IsChief }).ToList(),
                Appraisals = a.Opinions.Where(o => o.Round == a.Round && o.Stage == ReviewStage.Expert)
                    .Select(o => new { o.SignerUserId, o.SignedAt }).ToList(),
            })
            .ToListAsync(cancellationToken);

        var federation = await recipients.Federation().ToListAsync(cancellationToken);
        var unitReviewers = new Dictionary<int, List<string>>();
        var countyReviewers = new Dictionary<int, List<string>>();
        async Task<List<string>> Cached(Dictionary<int, List<string>> cache, int id, Func<int, IQueryable<string>> query) =>
            cache.TryGetValue(id, out var ids) ? ids : cache[id] = await query(id).ToListAsync(cancellationToken);
        var day = now.ChinaDate();
        var reminders = new List<Reminder>();
        foreach (var a in applications)
        {
            var entered = a.Entered;
            IReadOnlyList<string> experts = [];
            if (a.Status == ApplicationStatus.ExpertReview)
            {
                experts = a.Experts.Where(e => a.Appraisals.All(o => o.SignerUserId != e.ExpertUserId)).Select(e => e.ExpertUserId).ToList();
                if (experts.Count == 0 && a.Appraisals.Count > 0)
                {
                    // Everyone has appraised: the chief's combined appraisal is due, counted from the last one in.
                    experts = a.Experts.Where(e => e.IsChief).Select(e => e.ExpertUserId).ToList();
                    entered = a.Appraisals.Max(o => o.SignedAt);
                }
            }
            if (!deadlines.IsOverdue(a.Status, entered, now) || entered is not { } since)
                continue;
            var holders = a.Status switch
            {
                ApplicationStatus.ExpertReview => experts,
                ApplicationStatus.UnitReview => await Cached(unitReviewers, a.UnitId, recipients.UnitReviewers),
                ApplicationStatus.CountyReview => await Cached(countyReviewers, a.RegionId, recipients.CountyReviewers),
                _ => federation,
            };

            var due = deadlines.DueDate(a.Status, since)!.Value;
            var text = new NoticeText(
                $"【催办】结项申请 {a.Code} 已超过办理时限",
                $"项目《{a.Title}》的结项申请于 {since.ChinaDate():yyyy年M月d日} 进入“{a.Status.ToChinese()}”环节，办理时限为 {deadlines.LimitFor(a.Status)} 个工作日（{due:yyyy年M月d日}到期），现已超期，请尽快办理。",
                $"/Review/Act/{a.Code}");
            reminders.AddRange(holders.Distinct().Select(holder =>
                new Reminder($"overdue:{a.Code}:r{a.Round}:{a.Status}:{holder}:{day:yyyyMMdd}", holder, text)));
        }
        return reminders;
    }

    private async Task<List<Reminder>> CompletionAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = now.ChinaDate();
        var horizon = today.AddDays(deadlineOptions.Value.CompletionReminderDays);
        var projects = await (
                from p in db.FundedProjects
                join planned in ProjectSchedule.PlannedCompletions(db) on p.Id equals planned.ProjectId
                where p.LeaderUserId != null
                    && planned.Date >= today && planned.Date <= horizon
                    && (p.Application == null || p.Application.Status == ApplicationStatus.Draft)
                select new { p.Code, p.Title, Leader = p.LeaderUserId!, Planned = planned.Date })
            .ToListAsync(cancellationToken);
        // Once per planned date: a project whose date moves (an extension) is reminded again before the new one.
        return projects.Select(p => new Reminder(
                $"completion:{p.Code}:{p.Planned:yyyyMMdd}:{p.Leader}",
                p.Leader,
                new NoticeText(
                    $"项目 {p.Code} 计划完成时间临近",
                    $"您的项目《{p.Title}》计划于 {p.Planned:yyyy年M月d日} 完成（还有 {p.Planned.DayNumber - today.DayNumber} 天）。请按时完成研究并提交结项申请；如需延期，请在计划完成时间前提出延期申请。",
                    "/Projects")))
            .ToList();
    }
}
