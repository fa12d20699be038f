using Serilog;
using Serilog.AspNetCore;
using Serilog.Events;

namespace BaZhouTalent.Web.Infrastructure;

/// <summary>
/// Serilog to the console and a daily rolling file. Every event carries the request's correlation id
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
        logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            // After the defaults, so an operator's Serilog section (e.g. EF's SQL at Information) wins.
            .ReadFrom.Configuration(context.Configuration)
            .Enrich.FromLogContext()
            .Enrich.With<PhoneNumberMasker>()
            .WriteTo.Console(outputTemplate: Template, formatProvider: null)
            .WriteTo.File(path, outputTemplate: Template, rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 60, shared: true, formatProvider: null);
    }

    public static void ConfigureRequestLogging(RequestLoggingOptions options, IServiceProvider services)
    {
        options.Logger = services.GetRequiredService<Serilog.ILogger>();
        options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
        options.EnrichDiagnosticContext = (diagnostics, http) =>
            diagnostics.Set("UserName", http.User.Identity?.Name ?? "-");
    }
}
