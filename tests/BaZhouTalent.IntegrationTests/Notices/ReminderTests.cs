using BaZhouTalent.Infrastructure.Data;
using BaZhouTalent.IntegrationTests.Support;
using BaZhouTalent.Application.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BaZhouTalent.IntegrationTests.Notices.NoticeKit;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Notices;

/// <summary>
/// The daily reminders on a clock the test moves: an overdue item is reminded once a day while it stays overdue;
/// a researcher once as the planned completion nears; and of two instances on one database only one sends.
/// </summary>
public class ReminderTests
{
    /// <summary>The engine these tests run on (a subclass runs them on PostgreSQL).</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [SkippableFact]
    public async Task An_overdue_unit_review_is_reminded_once_a_day_while_it_stays_overdue()
    {
        using var portal = new NoticePortal { Provider = Provider };
        const string code = "BZ25YB971";
        await SetEmailsAsync(portal, "unit.bzdx");
        await SubmitThroughPageAsync(portal, code);
        await portal.DeliverAsync();

        // Ten working days later it is still on time.
        portal.MoveToChinaMorning(10);
        var dueDate = await DueDateAsync(portal, code);
        if (portal.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Date <= dueDate.ToDateTime(TimeOnly.MinValue))
        {
            await portal.RemindAsync();
            Assert.Empty(await RemindersAsync(portal, code));
        }

        portal.MoveToChinaMorning(20);
        await portal.RemindAsync();
        var first = Assert.Single(await NoticesAsync(portal, "unit.bzdx", code), n => n.Title.StartsWith("【催办】", StringComparison.Ordinal));
        Assert.Contains("办理时限为 10 个工作日", first.Body);
        Assert.Equal($"/Review/Act/{code}", first.Link);
        Assert.Single(await RemindersAsync(portal, code));

        // The same day again (later that morning): nothing more.
        portal.Clock.Advance(TimeSpan.FromHours(3));
        await portal.RemindAsync();
        Assert.Single(await RemindersAsync(portal, code));
        Assert.Single(await NoticesAsync(portal, "unit.bzdx", code), n => n.Title.StartsWith("【催办】", StringComparison.Ordinal));

        // The next day, still overdue: once more.
        portal.MoveToChinaMorning(1);
        await portal.RemindAsync();
        Assert.Equal(2, (await RemindersAsync(portal, code)).Count);
        Assert.Equal(2, (await NoticesAsync(portal, "unit.bzdx", code)).Count(n => n.Title.StartsWith("【催办】", StringComparison.Ordinal)));
        Assert.Equal(2, (await OutboxAsync(portal, code)).Count(m => m.Subject.StartsWith("【催办】", StringComparison.Ordinal)));

        // Signed: no longer overdue there, no more reminders to the unit.
        await ActOkAsync(await SignInAsync(portal, "unit.bzdx"), code, "unit", Opinion(text: "同意报送。"));
        portal.MoveToChinaMorning(1);
        await portal.RemindAsync();
        Assert.Equal(2, (await NoticesAsync(portal, "unit.bzdx", code)).Count(n => n.Title.StartsWith("【催办】", StringComparison.Ordinal)));
    }

    [SkippableFact]
    public async Task A_researcher_is_reminded_once_when_the_planned_completion_comes_within_thirty_days()
    {
        using var portal = new NoticePortal { Provider = Provider };
        const string code = "BZ25YB972";
        var today = DateOnly.FromDateTime(portal.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        await RegisterProjectAsync(portal, code, PartySchoolBazhou, p => p.PlannedCompletion = today.AddDays(45));

        await portal.RemindAsync();
        Assert.Empty(await NoticesAsync(portal, "yangzhuo", code));

        portal.MoveToChinaMorning(16); // 29 days before
        await portal.RemindAsync();
        var notice = Assert.Single(await NoticesAsync(portal, "yangzhuo", code));
        Assert.Equal($"项目 {code} 计划完成时间临近", notice.Title);
        Assert.Contains($"{today.AddDays(45):yyyy年M月d日}", notice.Body);

        portal.MoveToChinaMorning(1);
        await portal.RemindAsync();
        Assert.Single(await NoticesAsync(portal, "yangzhuo", code));

        // An approved extension (延期) moves the date in force: quiet until the new date nears, then one reminder for it.
        var extended = today.AddDays(105);
        await portal.WithDbAsync(async db =>
        {
            var project = await db.FundedProjects.SingleAsync(p => p.Code == code);
            db.Entry(project).Property(p => p.ExtendedCompletion).CurrentValue = extended;
            return await db.SaveChangesAsync();
        });
        portal.MoveToChinaMorning(1); // day 18: 87 days before the new date
        await portal.RemindAsync();
        Assert.Single(await NoticesAsync(portal, "yangzhuo", code));
        portal.MoveToChinaMorning(60); // day 78: 27 days before it
        await portal.RemindAsync();
        var reminders = await NoticesAsync(portal, "yangzhuo", code);
        Assert.Equal(2, reminders.Count);
        Assert.Contains($"{extended:yyyy年M月d日}", reminders[1].Body);
    }

    [SkippableFact]
    public async Task Of_two_instances_on_one_database_reminding_at_the_same_moment_only_one_sends()
    {
        var folder = Path.Combine(Path.GetTempPath(), "bazhoutalent-tests", "shared-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = TestDatabase.New(Provider, folder);
        const string code = "BZ25YB973";
        try
        {
            using var one = new NoticePortal { SharedDatabase = database };
            await SetEmailsAsync(one, "unit.bzdx");
            await SubmitThroughPageAsync(one, code);
            using var two = new NoticePortal { SharedDatabase = database };
            _ = two.Server; // started
            one.MoveToChinaMorning(20);
            two.Clock.SetUtcNow(one.Clock.GetUtcNow());

            var sent = await Task.WhenAll(one.RemindAsync(), two.RemindAsync());
            Assert.Contains(0, sent);
            Assert.True(sent.Sum() >= 1);
            Assert.Single(await RemindersAsync(one, code));
            Assert.Single(await NoticesAsync(one, "unit.bzdx", code), n => n.Title.StartsWith("【催办】", StringComparison.Ordinal));

            // Even an instance that gets past both the lease and the day's marker (a run cut short) sends the reminder once.
            await one.WithDbAsync(db => db.JobLeases.ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, one.Clock.GetUtcNow().AddMinutes(-1))));
            Assert.Equal(1, await one.WithDbAsync(db => db.ReminderRecords.Where(r => r.Key.StartsWith("run:")).ExecuteDeleteAsync()));
            two.Clock.Advance(TimeSpan.FromMinutes(30));
            Assert.Equal(0, await two.RemindAsync());
            Assert.Single(await RemindersAsync(one, code));
            Assert.Single(await OutboxAsync(one, code), m => m.Subject.StartsWith("【催办】", StringComparison.Ordinal));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            database.Drop();
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { /* harmless */ }
        }
    }

    private static Task<List<string>> RemindersAsync(NoticePortal portal, string code) =>
        portal.WithDbAsync(db => db.ReminderRecords.Where(r => r.Key.StartsWith($"overdue:{code}:")).Select(r => r.Key).ToListAsync());

    private static Task<DateOnly> DueDateAsync(NoticePortal portal, string code) => portal.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<BaZhouTalent.Infrastructure.Data.AppDbContext>();
        var entered = await db.AuditEntries.Where(e => e.ToStatus == Application.Domain.ApplicationStatus.UnitReview)
            .Join(db.ClosureApplications.Where(a => a.Project.Code == code), e => e.ApplicationId, a => (int?)a.Id, (e, a) => e.At)
            .ToListAsync();
        return sp.GetRequiredService<StageDeadlines>().DueDate(Application.Domain.ApplicationStatus.UnitReview, entered.Max())!.Value;
    });
}
