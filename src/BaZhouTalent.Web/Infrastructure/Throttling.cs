using System.Globalization;
using System.Threading.RateLimiting;
using System.Security.Claims;
using BaZhouTalent.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Web.Infrastructure;

/// <summary>A number of requests allowed per window of seconds.</summary>
public sealed class WindowLimit
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; }

    public bool IsValid() => PermitLimit >= 1 && WindowSeconds >= 1;
}

/// <summary>Limits of the built-in rate limiter (section "Throttling"); tests set them low.</summary>
public sealed class ThrottlingOptions
{
    public const string Section = "Throttling";

    /// <summary>Sign-in attempts from one client address (password guessing across accounts).</summary>
    public WindowLimit SignInPerClient { get; set; } = new() { PermitLimit = 20, WindowSeconds = 60 };

    /// <summary>Sign-in attempts on one user name from anywhere (guessing one account from many addresses).</summary>
    public WindowLimit SignInPerAccount { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    /// <summary>Verification-code look-ups from one client address (guessing codes).</summary>
    public WindowLimit VerifyPerClient { get; set; } = new() { PermitLimit = 30, WindowSeconds = 60 };

    /// <summary>PDFs rendered at once; each A3 booklet of a long report takes tens of megabytes while it renders.</summary>
    public int PdfConcurrency { get; set; } = 2;

    /// <summary>PDF requests that wait their turn; beyond these the answer is 429.</summary>
    public int PdfQueue { get; set; } = 20;

    /// <summary>The Retry-After of a PDF refused because the queue is full.</summary>
    public int PdfRetryAfterSeconds { get; set; } = 10;

    public bool IsValid() =>
        SignInPerClient.IsValid() && SignInPerAccount.IsValid() && VerifyPerClient.IsValid()
        && PdfConcurrency >= 1 && PdfQueue >= 0 && PdfRetryAfterSeconds >= 1;
}

/// <summary>
/// ASP.NET Core's rate limiter: sign-in per client and per account, /verify per client, PDF rendering a few at
/// a time with a queue. A refused request answers 429 with Retry-After and, through the status-code pages, the
/// Chinese page /Error/429. Clients are told apart by address, which is the real one behind a configured proxy.
/// </summary>
public static class Throttling
{
    public const string VerifyPolicy = "verify";
    public const string PdfPolicy = "pdf";

    // The sign-in form's user-name field, read before the page so the limiter can count per account.
    private const string UserNameField = "Input.UserName";
    private const string AccountKey = "Throttling.Account";

    public static IServiceCollection AddThrottling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ThrottlingOptions>()
            .Bind(configuration.GetSection(ThrottlingOptions.Section))
            .Validate(o => o.IsValid(), "Throttling: every limit needs PermitLimit and WindowSeconds of at least 1, PdfConcurrency at least 1.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ThrottlingOptions>>((options, throttling) =>
            Configure(options, throttling.Value));
        return services;
    }

    /// <summary>After authorization, so only requests that may render a PDF wait in its queue.</summary>
    public static IApplicationBuilder UseThrottling(this IApplicationBuilder app) =>
        app.Use(ReadSignInAccountAsync).UseRateLimiter();

    private static void Configure(RateLimiterOptions options, ThrottlingOptions limits)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = (context, _) =>
        {
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after)
                ? after
                : TimeSpan.FromSeconds(limits.PdfRetryAfterSeconds);
            var http = context.HttpContext;
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Throttling).FullName!)
                .LogWarning("Throttled {Method} {Path}; retry after {RetryAfter}", http.Request.Method, http.Request.Path, retryAfter);
            // No body: the status-code pages render the Chinese /Error/429 page.
            return ValueTask.CompletedTask;
        };

        options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
            SignInLimiter(limits.SignInPerClient, ClientOf),
            SignInLimiter(limits.SignInPerAccount, context => context.Items[AccountKey] as string ?? ""));

        options.AddPolicy(VerifyPolicy, context =>
            RateLimitPartition.GetFixedWindowLimiter(ClientOf(context), _ => WindowOptions(limits.VerifyPerClient)));

        options.AddPolicy(PdfPolicy, _ =>
            RateLimitPartition.GetConcurrencyLimiter(PdfPolicy, _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = limits.PdfConcurrency,
                QueueLimit = limits.PdfQueue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            }));
    }

    private static PartitionedRateLimiter<HttpContext> SignInLimiter(WindowLimit limit, Func<HttpContext, string> key) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignIn(context)
            ? RateLimitPartition.GetFixedWindowLimiter(key(context), _ => WindowOptions(limit))
            : RateLimitPartition.GetNoLimiter(""));

    private static FixedWindowRateLimiterOptions WindowOptions(WindowLimit limit) => new()
    {
        PermitLimit = limit.PermitLimit,
        Window = TimeSpan.FromSeconds(limit.WindowSeconds),
        QueueLimit = 0,
    };

    private static string ClientOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "";

    /// <summary>The password, the authenticator code, a recovery code and the first code of an enrolment count alike.</summary>
    private static readonly string[] SignInSteps =
        [IdentitySetup.LoginPath, IdentitySetup.SecondFactorPath, IdentitySetup.RecoveryCodePath, IdentitySetup.EnrolPath];

    private static bool IsSignIn(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && SignInSteps.Any(step => context.Request.Path.Equals(step, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The limiter chooses partitions synchronously, so the user name of a sign-in is read here first (the
    /// form is buffered and read again by the page). Normalised as Identity does, so case does not split an account.
    /// </summary>
    private static async Task ReadSignInAccountAsync(HttpContext context, RequestDelegate next)
    {
        // The code steps come after the password: the account is the one Identity's two-factor cookie (or the sign-in) holds.
        if (IsSignIn(context) && !context.Request.Path.Equals(IdentitySetup.LoginPath, StringComparison.OrdinalIgnoreCase))
        {
            var held = await context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
            context.Items[AccountKey] = "id:" + (held.Principal?.Identity?.Name ?? context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "");
        }
        else if (IsSignIn(context) && context.Request.HasFormContentType)
        {
            try
            {
                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                context.Items[AccountKey] = form[UserNameField].ToString().Trim().ToUpperInvariant();
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
            {
                // A form that cannot be read is refused later by the page; count it per client only.
            }
        }
        await next(context);
    }
}
