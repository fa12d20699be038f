using BaZhouTalent.Application.Archive;
using BaZhouTalent.Infrastructure.Files;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Infrastructure.Archive;

/// <summary>
/// Prepares the years' 归档 queued on /Admin/Archive, one job at a time per instance: at once when this instance queued
/// one (<see cref="YearArchiveSignal"/>), otherwise every <c>Archive:CheckSeconds</c> — which is also when a job whose
/// instance stopped is taken over after its lease (<see cref="PrepareYearArchive"/>).
/// </summary>
public sealed class YearArchiveWorker(IServiceScopeFactory scopes, YearArchiveSignal signal, IOptions<YearArchiveOptions> options,
    ILogger<YearArchiveWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkerEnabled)
            return;
        // Leave the start of the host to the requests; a start on this instance ends the wait at once.
        try { await signal.WaitAsync(BackgroundStart.Grace, stoppingToken); }
        catch (OperationCanceledException) { return; }
        var interval = TimeSpan.FromSeconds(options.Value.CheckSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var ran = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                ran = await scope.ServiceProvider.GetRequiredService<PrepareYearArchive.Handler>().RunNextAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be briefly unavailable; the job waits for the next pass (or its lease to expire).
                log.LogError(e, "Year archive pass failed");
            }
            if (!ran)
            {
                try { await signal.WaitAsync(interval, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }
}

public static class YearArchiveSetup
{
    /// <summary>
    /// The options (the folder resolved: configured, relative to the content root, or <c>archives</c> beside the data; checked
    /// on start to be a folder the portal can write), the signal and the worker.
    /// </summary>
    public static IServiceCollection AddYearArchives(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<YearArchiveOptions>().BindConfiguration(YearArchiveOptions.Section)
            .PostConfigure(options =>
            {
                options.Directory = string.IsNullOrWhiteSpace(options.Directory)
                    ? FileStoreSetup.BesideData(configuration, contentRoot, "archives")
                    : Path.GetFullPath(Path.Combine(contentRoot, options.Directory));
                options.PortalBaseUrl ??= configuration["Portal:PublicBaseUrl"];
            })
            .ValidateDataAnnotations()
            .Validate(options => Writable(options.Directory!),
                "Archive:Directory must be a folder the portal can create and write (with several instances, one they all mount).")
            .ValidateOnStart();
        services.AddSingleton<YearArchiveSignal>();
        services.AddHostedService<YearArchiveWorker>();
        return services;
    }

    private static bool Writable(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".write-check-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
