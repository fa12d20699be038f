using BaZhouTalent.Web.Infrastructure;
using Microsoft.AspNetCore.Http;

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
