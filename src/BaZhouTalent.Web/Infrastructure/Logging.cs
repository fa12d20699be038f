using Serilog;
using Serilog.AspNetCore;
using Serilog.Events;

namespace BaZhouTalent.Web.Infrastructure;

/// <summary>
/// Serilog to the console and a daily rolling file, written by one background thread (the host's shutdown writes
/// what is queued). Every event carries the request's correlation id
/// (its TraceIdentifier, shown on the error page). Nothing personal is logged: request logging records
/// the path without the query string, EF never logs parameter values, and phone numbers are masked.
/// </summary>
public static class Logging
{
    public const string Template =
        "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] [{RequestId}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    public static void Configure(LoggerConfiguration logger, HostBuilderContext context, IServiceProvider services)
    {
        var directory = context.Configuration["Logs:Directory"] ?? "logs";
        var path = Path.Combine(Path.GetFullPath(directory, context.HostingEnvironment.ContentRootPath), "bazhoutalent-.log");
        var requests = services.GetService<IHttpContextAccessor>();
        logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            // After the defaults, so an operator's Serilog section (e.g. EF's SQL at Information) wins.
            .ReadFrom.Configuration(context.Configuration)
            .Enrich.FromLogContext()
            .Enrich.With<PhoneNumberMasker>()
            // A /healthz its client gave up on (a load balancer's probe timing out) is one 499 line of the request log.
            .Filter.ByExcluding(e => IsAbandonedHealthCheck(e, requests?.HttpContext))
            .WriteTo.Async(sinks =>
            {
                sinks.Console(outputTemplate: Template, formatProvider: null);
                sinks.File(path, outputTemplate: Template, rollingInterval: RollingInterval.Day,
                    retainedFileCountLimit: 60, shared: true, formatProvider: null);
            }, bufferSize: QueuedEvents, blockWhenFull: true);
    }

    /// <summary>
    /// How many events may wait for the writer thread. Requests only queue their line: written in the request, the
    /// console's and the file's locks were taken by every request in turn (most of a short page's lock waits under
    /// load, see docs/benchmarks.md). A full queue makes requests wait instead of dropping lines.
    /// </summary>
    public const int QueuedEvents = 10_000;

    public static void ConfigureRequestLogging(RequestLoggingOptions options, IServiceProvider services)
    {
        options.Logger = services.GetRequiredService<Serilog.ILogger>();
        options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
        options.EnrichDiagnosticContext = (diagnostics, http) =>
            diagnostics.Set("UserName", http.User.Identity?.Name ?? "-");
        options.GetLevel = RequestLevel;
        options.GetMessageTemplateProperties = (http, path, elapsed, status) =>
        [
            new LogEventProperty("RequestMethod", new ScalarValue(http.Request.Method)),
            new LogEventProperty("RequestPath", new ScalarValue(path)),
            new LogEventProperty("StatusCode", new ScalarValue(ClientAborts.Abandoned(http) ? ClientAborts.ClientClosedRequest : status)),
            new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
        ];
    }

    /// <summary>
    /// A request the client abandoned is information, whatever the unfinished answer's status (a health check cut short
    /// reports 503); otherwise Serilog's rule: an exception or a 5xx is an error.
    /// </summary>
    public static LogEventLevel RequestLevel(HttpContext http, double elapsed, Exception? exception) =>
        ClientAborts.Abandoned(http) ? LogEventLevel.Information
        : exception is not null || http.Response.StatusCode >= 500 ? LogEventLevel.Error
        : LogEventLevel.Information;

    /// <summary>The health-check service's report of a check cancelled because its request's client left.</summary>
    public static bool IsAbandonedHealthCheck(LogEvent e, HttpContext? http) =>
        ClientAborts.Abandoned(http)
        && e.Properties.TryGetValue("SourceContext", out var source) && source is ScalarValue { Value: string name }
        && name.StartsWith("Microsoft.Extensions.Diagnostics.HealthChecks", StringComparison.Ordinal);
}
