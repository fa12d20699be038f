using BaZhouTalent.Application.Audit;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Programme;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using BaZhouTalent.Web.Infrastructure;

namespace BaZhouTalent.Web.Pages.Programme;

/// <summary>结项管理: every project's closure, searched, filtered, sorted and paged; the filters live in the address.</summary>
[Authorize(Roles = $"{Roles.MunicipalFederation},{Roles.UnitReviewer},{Roles.CountyFederation}")]
[EnableRateLimiting(Throttling.ExportPolicy)]
[LimitedHandlers("Export")]
public sealed class IndexModel(ListClosures.Handler handler, ProgrammeChoices.Handler choices, TimeProvider clock, SecurityAudit audit,
    Microsoft.Extensions.Options.IOptions<Application.Reuse.ReuseOptions> reuseOptions) : ListPageModel
{
    [BindProperty(SupportsGet = true, Name = "year")] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "region")] public int? RegionId { get; set; }
    [BindProperty(SupportsGet = true, Name = "category")] public int? CategoryId { get; set; }
    [BindProperty(SupportsGet = true, Name = "grade")] public AppraisalGrade? Grade { get; set; }
    [BindProperty(SupportsGet = true, Name = "overdue")] public bool Overdue { get; set; }
    /// <summary>Only rows whose 复制比 is at or above <c>Closure:Reuse:WarnPercent</c>.</summary>
    [BindProperty(SupportsGet = true, Name = "reuse")] public bool ReuseWarn { get; set; }

    public double WarnPercent => reuseOptions.Value.WarnPercent;

    public Paged<ListClosures.Row> Rows { get; private set; } = new([], 1, ListRequest.DefaultPageSize, 0);

    public ProgrammeChoices.Result Choices { get; private set; } = new([], [], []);

    public bool IsFederation => User.IsInRole(Roles.MunicipalFederation);

    public static readonly IReadOnlyList<ApplicationStatus> Statuses = Enum.GetValues<ApplicationStatus>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Choices = await choices.HandleAsync(cancellationToken);
        Rows = await handler.HandleAsync(Filter, Listing, cancellationToken);
    }

    /// <summary>What personal information the export holds (the page and the file say so).</summary>
    public const string PersonalData = "项目负责人姓名、所在单位";

    /// <summary>
    /// The whole filtered list as .xlsx, with the columns of the page in Chinese, written to the response as its rows are
    /// read; recorded in the security audit before its first byte.
    /// </summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var count = await handler.CountAsync(Filter, Listing, cancellationToken);
        await audit.RecordAsync(SecurityEventKind.Export, SecurityOutcome.Success, "结项管理 Excel",
            $"{count} 条；筛选：{Request.QueryString}；含个人信息（{PersonalData}）", cancellationToken: cancellationToken);
        var date = Application.Common.ChinaTime.Today(clock).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var sheet = handler.All(Filter, Listing).Select(r => new Dictionary<string, object?>
        {
            ["立项编号"] = r.ProjectCode,
            ["项目名称"] = r.ProjectTitle,
            ["年度"] = r.Year,
            ["项目类别"] = r.CategoryName,
            ["项目负责人"] = r.LeaderName,
            ["所在单位"] = r.UnitName,
            ["区县"] = r.RegionName,
            ["结项状态"] = r.StatusName,
            ["提交时间"] = r.SubmittedAt is { } at ? at.ToChina().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "",
            ["鉴定等级"] = r.GradeName,
            ["结项证书编号"] = r.CertificateNumber ?? "",
            ["计划完成时间"] = r.PlannedCompletion.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["逾期未结项"] = r.Overdue ? "是" : "否",
            ["复制比（自建库）"] = r.ReuseText,
        });
        return await PersonalDataExport.WriteAsync(this, $"结项管理-{date}.xlsx", "结项管理", sheet, PersonalData, clock, cancellationToken);
    }

    private ListClosures.Filter Filter => new(Year, Status, RegionId, CategoryId, Grade, Overdue, ReuseWarn ? WarnPercent : null);
}
