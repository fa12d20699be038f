namespace BaZhouTalent.Web.Infrastructure;

/// <summary>
/// A request the client gave up on (closed tab, dropped connection) ends with 499, as nginx records it, instead of
/// surfacing as an exception: request logging then reads it as what it is, not as "responded 500" at ERR. Anything
/// cancelled while the client is still there remains an error.
/// </summary>
public static class ClientAborts
{
    public const int ClientClosedRequest = 499;

    /// <summary>True when the client closed the connection before the answer was complete.</summary>
    public static bool Abandoned(HttpContext? context) => context?.RequestAborted.IsCancellationRequested == true;

    public static IApplicationBuilder UseClientAbortsAsClosedRequests(this IApplicationBuilder app) =>
        app.Use(next => context => HandleAsync(context, next));

    public static async Task HandleAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            if (!context.Response.HasStarted) context.Response.StatusCode = ClientClosedRequest;
        }
    }
}
