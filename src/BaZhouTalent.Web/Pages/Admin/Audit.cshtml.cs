using System.Globalization;
using BaZhouTalent.Application.Audit;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using BaZhouTalent.Web.Infrastructure;

namespace BaZhouTalent.Web.Pages.Admin;

/// <summary>
/// 审计日志: the security audit (sign-ins, refusals, exports, account and staff actions), newest first, filtered by
/// account, event and date, searched, paged; exported as .xlsx; and its hash chain checked on demand. Each export and
/// each check is itself recorded.
/// </summary>
[Authorize(Roles = Roles.MunicipalFederation)]
[EnableRateLimiting(Throttling.ExportPolicy)]
[LimitedHandlers("Export")]
public sealed class AuditModel(ListSecurityEvents.Handler handler, SecurityAudit audit, TimeProvider clock) : ListPageModel
{
    /// <summary>The most records one export holds; a narrower filter gets the rest.</summary>
    public const int ExportLimit = 100_000;

    public const string CheckFailed = "AuditCheckFailed";

    [BindProperty(SupportsGet = true, Name = "account")] public string? Account { get; set; }
    [BindProperty(SupportsGet = true, Name = "event")] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "from")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public DateOnly? To { get; set; }

    public Paged<ListSecurityEvents.Row> Rows { get; private set; } = new([], 1, ListRequest.DefaultPageSize, 0);

    public bool Filtered => Listing.Term is not null || !string.IsNullOrWhiteSpace(Account) || !string.IsNullOrEmpty(Kind) || From is not null || To is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await handler.HandleAsync(Filter, Listing, cancellationToken);

    /// <summary>The filtered log as .xlsx, written to the response as its records are read; recorded before its first byte.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var (count, rows) = await handler.ExportAsync(Filter, ExportLimit, cancellationToken);
        await audit.RecordAsync(SecurityEventKind.AuditExported, SecurityOutcome.Success, "审计日志 Excel",
            $"{count} 条；筛选：{FilterText}；含个人信息", cancellationToken: cancellationToken);
        var sheet = rows.Select(r => new Dictionary<string, object?>
        {
            ["序号"] = r.Sequence,
            ["时间"] = r.At.ToChina().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            ["账户"] = r.Account,
            ["姓名"] = r.AccountName,
            ["客户端地址"] = r.ClientAddress,
            ["事件"] = r.KindName,
            ["对象"] = r.Target,
            ["结果"] = r.OutcomeName,
            ["说明"] = r.Detail,
        });
        return await PersonalDataExport.WriteAsync(this, $"审计日志-{Application.Common.ChinaTime.Today(clock):yyyyMMdd}.xlsx", "审计日志",
            sheet, "账户、姓名和客户端地址", clock, cancellationToken);
    }

    public async Task<IActionResult> OnPostVerifyAsync([FromServices] VerifySecurityAudit.Handler verify, CancellationToken cancellationToken)
    {
        var result = await verify.HandleAsync(cancellationToken);
        await audit.RecordAsync(SecurityEventKind.AuditVerified, result.Intact ? SecurityOutcome.Success : SecurityOutcome.Failure,
            "审计日志", result.Message, cancellationToken: cancellationToken);
        TempData[result.Intact ? StatusMessages.Success : CheckFailed] = result.Message;
        return RedirectToPage();
    }

    private ListSecurityEvents.Filter Filter => new(Account, string.IsNullOrEmpty(Kind) ? null : Kind, From, To, Listing.Term);

    private string FilterText
    {
        get
        {
            var parts = new List<string>();
            if (!string.IsNullOrWhiteSpace(Account)) parts.Add($"账户 {Account.Trim()}");
            if (!string.IsNullOrEmpty(Kind)) parts.Add($"事件 {SecurityEventNames.ToChinese(Kind)}");
            if (From is { } from) parts.Add($"自 {from:yyyy-MM-dd}");
            if (To is { } to) parts.Add($"至 {to:yyyy-MM-dd}");
            if (Listing.Term is { } term) parts.Add($"检索 {term}");
            return parts.Count == 0 ? "全部" : string.Join("，", parts);
        }
    }
}
