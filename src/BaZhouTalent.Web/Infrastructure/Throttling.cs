using System.Globalization;
using System.Threading.RateLimiting;
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

    /// <summary>
    /// Excel exports written at once: each holds a database reader open and sends its rows for as long as the client
    /// takes them (20,000 rows take seconds), so a few at a time, apart from the PDFs.
    /// </summary>
    public int ExportConcurrency { get; set; } = 2;

    /// <summary>Export requests that wait their turn; beyond these the answer is 429.</summary>
    public int ExportQueue { get; set; } = 4;

    /// <summary>The Retry-After of an export refused because the queue is full.</summary>
    public int ExportRetryAfterSeconds { get; set; } = 10;

    public bool IsValid() =>
        SignInPerClient.IsValid() && SignInPerAccount.IsValid() && VerifyPerClient.IsValid()
        && PdfConcurrency >= 1 && PdfQueue >= 0 && PdfRetryAfterSeconds >= 1
        && ExportConcurrency >= 1 && ExportQueue >= 0 && ExportRetryAfterSeconds >= 1;
}

/// <summary>
/// ASP.NET Core's rate limiter: sign-in per client and per account, /verify per client, PDF rendering and Excel
/// exports each a few at a time with a queue of its own. A refused request answers 429 with Retry-After and, through
/// the status-code pages, the Chinese page /Error/429. Clients are told apart by address, which is the real one behind
/// a configured proxy. A sign-in is recognised by the page the request was routed to (<see cref="SignInPages"/>), never by spelling its
/// path, so /Account/Login/, /account/login and any other path routed there count alike.
/// </summary>
public static class Throttling
{
    public const string VerifyPolicy = "verify";
    public const string PdfPolicy = "pdf";
    public const string ExportPolicy = "export";

    /// <summary>
    /// The pages a POST to which is a sign-in attempt, limited per client and per account. A new sign-in step (a
    /// second factor's code) is covered by adding its page here; its account is the one the pending sign-in holds.
    /// </summary>
    public static readonly IReadOnlyList<string> SignInPages =
        [IdentitySetup.LoginPath, IdentitySetup.SecondFactorPath, IdentitySetup.RecoveryCodePath, IdentitySetup.EnrolPath];

    public static IServiceCollection AddThrottling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ThrottlingOptions>()
            .Bind(configuration.GetSection(ThrottlingOptions.Section))
            .Validate(o => o.IsValid(), "Throttling: every limit needs PermitLimit and WindowSeconds of at least 1; PdfConcurrency and ExportConcurrency at least 1; PdfQueue and ExportQueue at least 0; PdfRetryAfterSeconds and ExportRetryAfterSeconds at least 1.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ThrottlingOptions>>((options, throttling) =>
            Configure(options, throttling.Value));
        services.AddSingleton(provider => new SignInAccountLimiter(provider.GetRequiredService<IOptions<ThrottlingOptions>>().Value.SignInPerAccount));
        return services;
    }

    /// <summary>After routing and authorization, so the sign-in page is known and only requests that may render a PDF or write an export wait in its queue.</summary>
    public static IApplicationBuilder UseThrottling(this IApplicationBuilder app) =>
        app.UseRateLimiter().Use(LimitSignInAccountsAsync);

    private static void Configure(RateLimiterOptions options, ThrottlingOptions limits)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = (context, _) =>
        {
            Reject(context.HttpContext, context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after)
                ? after
                : TimeSpan.FromSeconds(PolicyOf(context.HttpContext) == ExportPolicy ? limits.ExportRetryAfterSeconds : limits.PdfRetryAfterSeconds));
            return ValueTask.CompletedTask;
        };

        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignIn(context)
            ? RateLimitPartition.GetFixedWindowLimiter(ClientOf(context), _ => WindowOptions(limits.SignInPerClient))
            : RateLimitPartition.GetNoLimiter(""));

        options.AddPolicy(VerifyPolicy, context =>
            RateLimitPartition.GetFixedWindowLimiter(ClientOf(context), _ => WindowOptions(limits.VerifyPerClient)));

        options.AddPolicy(PdfPolicy, context => Concurrency(context, PdfPolicy, limits.PdfConcurrency, limits.PdfQueue));
        options.AddPolicy(ExportPolicy, context => Concurrency(context, ExportPolicy, limits.ExportConcurrency, limits.ExportQueue));
    }

    /// <summary>A few requests at a time with a queue, all of the policy's requests sharing one limiter (<see cref="Limited"/>).</summary>
    private static RateLimitPartition<string> Concurrency(HttpContext context, string policy, int permits, int queue) => Limited(context)
        ? RateLimitPartition.GetConcurrencyLimiter(policy, _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = permits,
            QueueLimit = queue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        })
        : RateLimitPartition.GetNoLimiter("");

    /// <summary>
    /// A request to a page under a concurrency policy, unless the page names the handlers that take a permit (<see
    /// cref="LimitedHandlersAttribute"/>) and the request asks for none of them, as the archive's form and a list page do.
    /// </summary>
    private static bool Limited(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<LimitedHandlersAttribute>() is not { } only) return true;
        var handler = context.Request.RouteValues["handler"] as string ?? context.Request.Query["handler"].ToString();
        return only.Handlers.Contains(handler, StringComparer.OrdinalIgnoreCase);
    }

    private static string? PolicyOf(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;

    /// <summary>429 with Retry-After and no body: the status-code pages render the Chinese /Error/429 page.</summary>
    private static void Reject(HttpContext http, TimeSpan retryAfter)
    {
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Throttling).FullName!)
            .LogWarning("Throttled {Method} {Path}; retry after {RetryAfter}", http.Request.Method, http.Request.Path, retryAfter);
    }

    internal static FixedWindowRateLimiterOptions WindowOptions(WindowLimit limit) => new()
    {
        PermitLimit = limit.PermitLimit,
        Window = TimeSpan.FromSeconds(limit.WindowSeconds),
        QueueLimit = 0,
    };

    private static string ClientOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "";

    /// <summary>A POST routed to a sign-in page, however its path was spelt.</summary>
    private static bool IsSignIn(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && context.Request.RouteValues["page"] is string page
        && SignInPages.Contains(page, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Counts the attempt against every account it could sign in to; one over its limit refuses the request. The
    /// limiter chooses partitions synchronously, so this runs as its own step, after the per-client limit.
    /// </summary>
    private static async Task LimitSignInAccountsAsync(HttpContext context, RequestDelegate next)
    {
        if (IsSignIn(context))
        {
            var limiter = context.RequestServices.GetRequiredService<SignInAccountLimiter>();
            foreach (var account in await SignInAccounts.NamedByAsync(context))
            {
                using var lease = limiter.AttemptAcquire(account);
                if (!lease.IsAcquired)
                {
                    Reject(context, lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1));
                    return;
                }
            }
        }
        await next(context);
    }
}

/// <summary>Sign-in attempts per account, from anywhere (guessing one account from many addresses).</summary>
public sealed class SignInAccountLimiter(WindowLimit limit) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(account =>
        RateLimitPartition.GetFixedWindowLimiter(account, _ => Throttling.WindowOptions(limit)));

    public RateLimitLease AttemptAcquire(string account) => limiter.AttemptAcquire(account);

    public void Dispose() => limiter.Dispose();
}

/// <summary>
/// The accounts a sign-in request names, read as broadly as model binding reads them: every value of every form or
/// query field whose last name segment is “UserName” (Input.UserName, Input[UserName], UserName, any case, sent once
/// or twice), and the account a pending sign-in (a second factor's step) holds. Normalised as Identity looks names
/// up (trimmed, upper case), after compatibility folding, so the spellings of one name are one account.
/// </summary>
public static class SignInAccounts
{
    private const string UserNameField = "username";

    public static async Task<IReadOnlyCollection<string>> NamedByAsync(HttpContext context)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        void AddFrom(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> fields)
        {
            foreach (var (key, values) in fields)
            {
                if (!IsUserNameField(key)) continue;
                foreach (var value in values)
                    if (Normalize(value) is { Length: > 0 } name) names.Add(name);
            }
        }

        AddFrom(context.Request.Query);
        if (context.Request.HasFormContentType)
        {
            try
            {
                AddFrom(await context.Request.ReadFormAsync(context.RequestAborted));
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
            {
                // A form that cannot be read is refused later by the page; it is counted per client only.
            }
        }
        // A second factor's step names no user: the pending sign-in's cookie holds the account's id.
        var pending = await context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        if (pending.Principal?.Identity?.Name is { Length: > 0 } pendingUserId)
            names.Add("ID:" + pendingUserId);
        return names;
    }

    /// <summary>Input.UserName, Input[UserName], UserName, input.username … : the last segment, brackets read as dots.</summary>
    internal static bool IsUserNameField(string key)
    {
        var segments = key.Replace('[', '.').Replace("]", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal)
            .Replace("\"", "", StringComparison.Ordinal).Split('.', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return segments.Length > 0 && string.Equals(segments[^1], UserNameField, StringComparison.OrdinalIgnoreCase);
    }

    internal static string Normalize(string? name) =>
        (name ?? "").Normalize(System.Text.NormalizationForm.FormKC).Trim().ToUpperInvariant();
}

/// <summary>
/// On a page under a concurrency policy (<see cref="Throttling.PdfPolicy"/>, <see cref="Throttling.ExportPolicy"/>):
/// only these handlers take a permit; the page itself and its other handlers do not.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LimitedHandlersAttribute(params string[] handlers) : Attribute
{
    public IReadOnlyList<string> Handlers { get; } = handlers;
}
