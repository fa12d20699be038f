using BaZhouTalent.Application.Notices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Infrastructure.Notices;

/// <summary>Sends the outbox every <c>Notices:DeliveryIntervalSeconds</c> while SMTP is configured.</summary>
public sealed class OutboxWorker(IServiceScopeFactory scopes, TimeProvider clock, IOptions<NoticeOptions> options, ILogger<OutboxWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkersEnabled || !options.Value.Smtp.IsConfigured)
            return;
        var interval = TimeSpan.FromSeconds(options.Value.DeliveryIntervalSeconds);
        await BackgroundStart.WaitAsync(clock, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverPendingAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be briefly unavailable; the rows wait for the next pass.
                log.LogError(e, "Outbox delivery pass failed");
            }
            await Task.Delay(interval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}

/// <summary>Checks every <c>Notices:ReminderCheckMinutes</c> whether today's reminders are due (see <see cref="SendReminders"/>).</summary>
public sealed class ReminderWorker(IServiceScopeFactory scopes, TimeProvider clock, IOptions<NoticeOptions> options, ILogger<ReminderWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkersEnabled)
            return;
        var interval = TimeSpan.FromMinutes(options.Value.ReminderCheckMinutes);
        await BackgroundStart.WaitAsync(clock, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SendReminders>().RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Reminder pass failed");
            }
            await Task.Delay(interval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}

public static class NoticeSetup
{
    public static IServiceCollection AddNoticeDelivery(this IServiceCollection services)
    {
        services.AddSingleton<IMailSender, SmtpMailSender>();
        services.AddScoped<OutboxDelivery>();
        services.AddHostedService<OutboxWorker>();
        services.AddHostedService<ReminderWorker>();
        return services;
    }
}
