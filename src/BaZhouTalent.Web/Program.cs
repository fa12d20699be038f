using BaZhouTalent.Application;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Infrastructure;
using BaZhouTalent.Infrastructure.Identity;
using BaZhouTalent.Web.Infrastructure;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using BaZhouTalent.Application.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.WebEncoders;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

// Each host keeps its own logger (not Serilog's static one), so hosts side by side never mix their logs.
builder.Host.UseSerilog((context, services, logger) => Logging.Configure(logger, context, services), preserveStaticLogger: true);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ICurrentUser, HttpCurrentUser>();
builder.Services.AddScoped<BaZhouTalent.Web.Pages.Shared.NoticeBadge>();
builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddTypesetting(builder.Configuration);
builder.Services.AddErrorPagesWithoutDatabase();
builder.Services.AddPortalSecurityHeaders();
builder.Services.AddReverseProxySupport(builder.Configuration, builder.Environment);
builder.Services.AddThrottling(builder.Configuration);
builder.Services.AddPortalCompression();

builder.Services.AddAuthorization(options =>
{
    // Everything needs a signed-in user unless a page or endpoint says otherwise.
    options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    options.AddPolicy(Policies.MunicipalFederation, policy => policy.RequireRole(Roles.MunicipalFederation));
});
builder.Services.AddRazorPages(options =>
    {
        options.Conventions.AuthorizeFolder("/");
        options.Conventions.AuthorizeFolder("/Admin", Policies.MunicipalFederation);
        options.Conventions.AllowAnonymousToPage(IdentitySetup.LoginPath);
        options.Conventions.AllowAnonymousToFolder("/Error");
    })
    .AddMvcOptions(ChineseModelBinding.Configure);
// Chinese text is written as is in the HTML, not as &#x…; entities.
builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

var app = builder.Build();

// `dotnet BaZhouTalent.Web.dll audit-verify` and the other operator commands run and exit instead of serving.
if (PortalCommands.IsCommand(args))
    return await PortalCommands.RunAsync(app, args);

app.UseReverseProxySupport();
app.UseResponseCompression();
app.UsePortalSecurityHeaders();
// A scope of its own, so the error page does not reuse what failed (the request's cached sign-in check).
app.UseExceptionHandler("/Error/500", createScopeForErrors: true);
app.UseAccessDeniedAudit();
if (!app.Environment.IsDevelopment())
    app.UseHsts();
app.UseStatusCodePagesWithReExecute("/Error/{0}");
app.UseRequestGuards();
app.UseRequestLocalization("zh-CN");
app.UseStaticFiles();
app.UseNoStoreForDynamicResponses();
app.UseSerilogRequestLogging(options => Logging.ConfigureRequestLogging(options, app.Services));
app.UseClientAbortsAsClosedRequests();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseThrottling();
app.UseMiddleware<MustChangePasswordMiddleware>();

app.MapHealthChecks("/healthz").AllowAnonymous();
app.MapRazorPages();

return await app.RunPortalAsync(args);

/// <summary>Entry point; public so the integration tests can host the portal.</summary>
public partial class Program;
