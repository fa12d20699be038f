using BaZhouTalent.Application.Archive;
using BaZhouTalent.Application.Review;
using BaZhouTalent.Web.Infrastructure;
using Microsoft.Extensions.Options;
using BaZhouTalent.Application.Workflow;
using BaZhouTalent.Web.Pages.Shared;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Review;

/// <summary>
/// 审核办理: the whole application and, for the person whose turn it is, the form of their section —
/// 单位审核 (二), 县区社科联 (三), 受理 (assign experts), 专家鉴定 and the chief's combined appraisal (四),
/// 市社科联审核 (五) — plus 退回修改. Only actions the workflow and the user's role allow are drawn,
/// and each post is checked again on the server.
/// </summary>
public sealed class ActModel(GetReviewPage.Handler pageHandler, ReviewActions actions) : ActionPageModel(pageHandler, actions)
{
    [BindProperty]
    public ReviewInput Input { get; set; } = new();

    protected override Guid PostedStamp => Input.Stamp;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var view = await LoadViewAsync(code, cancellationToken);
        if (view is null) return NotFound();
        View = view;
        Input.ChiefExpertId = view.Staying.FirstOrDefault(e => e.IsChief)?.UserId;
        if (view.Suggestion is { } s)
        {
            Input.HasProblem = s.HasProblem;
            Input.Agrees = s.Agrees;
            Input.Grade = s.Grade;
        }
        return Page();
    }

    public Task<IActionResult> OnPostUnitAsync(string code, [FromServices] ApproveByUnit.Handler handler,
        [FromServices] IValidator<ApproveByUnit.Command> validator, CancellationToken cancellationToken) =>
        RunAsync(code, ReviewTrigger.ApproveByUnit, new ApproveByUnit.Command(code, Input.Stamp, Input.HasProblem, Input.Agrees, Input.Opinion),
            validator, handler.HandleAsync, "已签署单位审核意见。", cancellationToken, "unit");

    public Task<IActionResult> OnPostCountyAsync(string code, [FromServices] ApproveByCounty.Handler handler,
        [FromServices] IValidator<ApproveByCounty.Command> validator, CancellationToken cancellationToken) =>
        RunAsync(code, ReviewTrigger.ApproveByCounty, new ApproveByCounty.Command(code, Input.Stamp, Input.HasProblem, Input.Agrees, Input.Opinion, Input.PersonInCharge),
            validator, handler.HandleAsync, "已签署县（区）社科联意见。", cancellationToken, "county");

    public Task<IActionResult> OnPostAssignAsync(string code, [FromServices] AssignExperts.Handler handler,
        [FromServices] IValidator<AssignExperts.Command> validator, CancellationToken cancellationToken) =>
        RunAsync(code, ReviewTrigger.AssignExperts, new AssignExperts.Command(code, Input.Stamp, Input.ExpertIds, Input.ChiefExpertId),
            validator, handler.HandleAsync, "已受理并分配鉴定专家。", cancellationToken, "assign");

    public Task<IActionResult> OnPostAppraiseAsync(string code, [FromServices] RecordAppraisal.Handler handler,
        [FromServices] IValidator<RecordAppraisal.Command> validator, CancellationToken cancellationToken) =>
        RunAsync(code, ReviewTrigger.Appraise, new RecordAppraisal.Command(code, Input.Stamp, Input.HasProblem, Input.Agrees, Input.Grade, Input.Opinion),
            validator, handler.HandleAsync, "已提交鉴定意见。", cancellationToken, "appraise");

    public Task<IActionResult> OnPostCombineAsync(string code, [FromServices] CompleteAppraisal.Handler handler,
        [FromServices] IValidator<CompleteAppraisal.Command> validator, CancellationToken cancellationToken) =>
        RunAsync(code, ReviewTrigger.CompleteAppraisal, new CompleteAppraisal.Command(code, Input.Stamp, Input.HasProblem, Input.Agrees, Input.Grade, Input.Opinion),
            validator, handler.HandleAsync, "已签署专家综合鉴定意见。", cancellationToken, "combine");

    public async Task<IActionResult> OnPostDecideAsync(string code, [FromServices] DecideClosure.Handler handler,
        [FromServices] IValidator<DecideClosure.Command> validator, [FromServices] BuildArchive.Handler archive,
        [FromServices] IOptions<PortalOptions> portal, [FromServices] ILogger<ActModel> log, CancellationToken cancellationToken)
    {
        var result = await RunAsync(code, ReviewTrigger.Conclude, new DecideClosure.Command(code, Input.Stamp, Input.Approve, Input.Opinion),
            validator, handler.HandleAsync, Input.Approve == true ? "已同意结项，结项证书编号已生成。" : "已作出不予结项决定。", cancellationToken, "decide");
        if (result is RedirectResult or RedirectToPageResult)
        {
            // The archive's PDFs, made once now that the content is final; a failure here costs nothing the decision
            // saved: the first archive request makes them instead.
            try
            {
                await archive.KeepAsync(code, portal.Value.BaseUrl, User, cancellationToken);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or Microsoft.EntityFrameworkCore.DbUpdateException)
            {
                log.LogWarning(e, "Archive copies of {Code} not made at conclusion", code);
            }
        }
        return result;
    }

    public Task<IActionResult> OnPostReturnAsync(string code, [FromServices] ReturnApplication.Handler handler,
        [FromServices] IValidator<ReturnApplication.Command> validator, CancellationToken cancellationToken) =>
        RunAsync(code, ReviewTrigger.Return, new ReturnApplication.Command(code, Input.Stamp, Input.Reason),
            validator, handler.HandleAsync, "已退回申请人修改。", cancellationToken, "return");

    // The unit's second item is called MeetsGoals in its command and Agrees on the form.
    protected override string InputField(string property) => property switch
    {
        nameof(ApproveByUnit.Command.MeetsGoals) => nameof(ReviewInput.Agrees),
        nameof(DecideClosure.Command.Approve) => nameof(ReviewInput.Approve),
        _ => property,
    };

    public bool Shows(ReviewTrigger trigger) => View.Can(trigger);
}
