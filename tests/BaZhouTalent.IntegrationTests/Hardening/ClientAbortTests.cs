using BaZhouTalent.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BaZhouTalent.IntegrationTests.Hardening;

/// <summary>A request the client abandoned ends as 499, not as a logged server error; other cancellations stay errors.</summary>
public class ClientAbortTests
{
    private static readonly RequestDelegate CancelledWork = _ => throw new TaskCanceledException("the database read was cancelled");

    [Fact]
    public async Task A_request_the_client_abandoned_ends_as_499_without_an_exception()
    {
        using var gone = new CancellationTokenSource();
        await gone.CancelAsync();
        var context = new DefaultHttpContext { RequestAborted = gone.Token };

        await ClientAborts.HandleAsync(context, CancelledWork);

        Assert.Equal(ClientAborts.ClientClosedRequest, context.Response.StatusCode);
    }

    [Fact]
    public async Task A_cancellation_while_the_client_waits_is_still_an_error()
    {
        var context = new DefaultHttpContext();

        await Assert.ThrowsAsync<TaskCanceledException>(() => ClientAborts.HandleAsync(context, CancelledWork));
    }
}

/// <summary>A /healthz its client gave up on is one information line "responded 499", not two errors (issue 25).</summary>
public class AbandonedHealthCheckLoggingTests
{
    private static DefaultHttpContext Request(bool abandoned, int status)
    {
        var gone = new CancellationTokenSource();
        if (abandoned) gone.Cancel();
        var context = new DefaultHttpContext { RequestAborted = gone.Token };
        context.Request.Method = "GET";
        context.Response.StatusCode = status;
        return context;
    }

    private static Serilog.AspNetCore.RequestLoggingOptions Options()
    {
        var options = new Serilog.AspNetCore.RequestLoggingOptions();
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection()
            .AddSingleton<Serilog.ILogger>(Serilog.Core.Logger.None).BuildServiceProvider();
        Logging.ConfigureRequestLogging(options, services);
        return options;
    }

    [Theory]
    [InlineData(true, 503, Serilog.Events.LogEventLevel.Information, 499)]
    [InlineData(true, 200, Serilog.Events.LogEventLevel.Information, 499)]
    [InlineData(false, 503, Serilog.Events.LogEventLevel.Error, 503)]
    [InlineData(false, 200, Serilog.Events.LogEventLevel.Information, 200)]
    public void The_request_line_of_an_abandoned_request_is_information_with_499(bool abandoned, int status, Serilog.Events.LogEventLevel level, int logged)
    {
        var options = Options();
        var http = Request(abandoned, status);

        Assert.Equal(level, options.GetLevel(http, 1.0, null));
        var properties = options.GetMessageTemplateProperties(http, "/healthz", 1.0, status).ToDictionary(p => p.Name, p => p.Value);
        Assert.Equal(logged, ((Serilog.Events.ScalarValue)properties["StatusCode"]).Value);
    }

    [Theory]
    [InlineData(true, "Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", true)]
    [InlineData(false, "Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", false)]
    [InlineData(true, "BaZhouTalent.Web.Pages.IndexModel", false)]
    public void Only_the_health_check_report_of_an_abandoned_request_is_left_out(bool abandoned, string source, bool leftOut)
    {
        var e = new Serilog.Events.LogEvent(DateTimeOffset.UtcNow, Serilog.Events.LogEventLevel.Error, null,
            new Serilog.Parsing.MessageTemplateParser().Parse("Health check {Name} completed"),
            [new Serilog.Events.LogEventProperty("SourceContext", new Serilog.Events.ScalarValue(source))]);

        Assert.Equal(leftOut, Logging.IsAbandonedHealthCheck(e, Request(abandoned, 503)));
    }
}
