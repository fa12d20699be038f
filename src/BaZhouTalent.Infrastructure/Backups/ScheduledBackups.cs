using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Notices;
using BaZhouTalent.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Infrastructure.Backups;

/// <summary>
/// The daily backup: every few minutes each instance asks whether today's backup (China time, from
/// <see cref="BackupOptions.DailyAt"/>) is still to be taken; one instance takes the lease and backs up, then the oldest
/// backups beyond <see cref="BackupOptions.Keep"/> are deleted. Off in Development and on SQL Server unless <c>Backup:Daily</c> is true.
/// </summary>
public sealed class ScheduledBackups(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<BackupOptions> options,
    IOptions<DatabaseOptions> database,
    IHostEnvironment environment,
    ILogger<ScheduledBackups> log) : BackgroundService
{
    public const string Trigger = "计划";
    private const string LeaseName = "daily-backup";
    private static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // By default outside Development, except on SQL Server, which keeps its own BACKUP DATABASE jobs.
        if (!(options.Value.Daily ?? (!environment.IsDevelopment() && database.Value.Provider != DatabaseProvider.SqlServer)))
            return;
        await BackgroundStart.WaitAsync(clock, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunIfDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Scheduled backup check failed");
            }
            await Task.Delay(CheckEvery, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Takes today's backup when it is due and not yet taken by any instance; true when this call took it.</summary>
    public async Task<bool> RunIfDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (TimeOnly.FromTimeSpan(now.ToChina().TimeOfDay) < options.Value.DailyAt)
            return false;
        var dayStart = new DateTimeOffset(now.ToChina().Date, ChinaTime.Offset).ToUniversalTime();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.BackupRuns.AnyAsync(r => r.Trigger == Trigger && r.StartedAt >= dayStart, cancellationToken))
            return false;
        if (!await scope.ServiceProvider.GetRequiredService<JobLeases>().TryAcquireAsync(LeaseName, TimeSpan.FromHours(1), cancellationToken))
            return false;
        var run = await scope.ServiceProvider.GetRequiredService<PortalBackup>().RunAsync(null, Trigger, cancellationToken);
        if (run.Succeeded) Prune();
        return true;
    }

    /// <summary>Deletes the oldest finished backups beyond the number kept (a backup's folder name sorts by its time).</summary>
    private void Prune()
    {
        var folder = Path.GetFullPath(options.Value.Directory, environment.ContentRootPath);
        var backups = Directory.GetDirectories(folder, "bazhoutalent-*")
            .Where(d => File.Exists(Path.Combine(d, BackupManifest.FileName)))
            .Order(StringComparer.Ordinal).ToList();
        foreach (var old in backups.Take(Math.Max(0, backups.Count - Math.Max(1, options.Value.Keep))))
        {
            Directory.Delete(old, recursive: true);
            log.LogInformation("Old backup {Folder} deleted (keeping {Keep})", old, options.Value.Keep);
        }
    }
}

public static class BackupSetup
{
    public static IServiceCollection AddBackups(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.AddOptions<BackupOptions>().Bind(configuration.GetSection(BackupOptions.Section))
            .Validate(o => o.Keep >= 1, "Backup:Keep must be at least 1.")
            .ValidateOnStart();
        services.AddScoped<PortalBackup>();
        services.AddSingleton<ScheduledBackups>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledBackups>());
        return services;
    }
}
