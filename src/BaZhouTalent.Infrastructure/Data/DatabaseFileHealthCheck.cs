using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BaZhouTalent.Infrastructure.Data;

/// <summary>Unhealthy when the SQLite file is gone or read-only, which a read-only connection test would not notice.</summary>
internal sealed class DatabaseFileHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(services.GetService<SqliteDatabaseFile>()?.Problem() is { } problem
            ? HealthCheckResult.Unhealthy(problem)
            : HealthCheckResult.Healthy());
}
