using BaZhouTalent.Application.Applications;
using BaZhouTalent.Application.Review;
using BaZhouTalent.Application.Workflow;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Web.Pages.Review;

/// <summary>暂缓结项: in 五 the city federation defers instead of rejecting, with a reason and a revision period.</summary>
public sealed class DeferModel(GetReviewPage.Handler pageHandler, ReviewActions actions, IOptions<ClosureOptions> options)
    : ActionPageModel(pageHandler, actions)
{
    public sealed class Form
    {
        public Guid Stamp { get; set; }
        public string? Reason { get; set; }
        public int? Days { get; set; }
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    public int MaxDays => options.Value.MaxDeferralDays;

    protected override IReadOnlyList<ReviewTrigger> Triggers { get; } = [ReviewTrigger.Defer];

    protected override Guid PostedStamp => Input.Stamp;

    public Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        Input.Days = options.Value.DeferralDays;
        return ShowAsync(code, cancellationToken);
    }

    public Task<IActionResult> OnPostAsync(string code, [FromServices] DeferClosure.Handler handler,
        [FromServices] IValidator<DeferClosure.Command> validator, CancellationToken cancellationToken) =>
        RunAsync(code, ReviewTrigger.Defer, new DeferClosure.Command(code, Input.Stamp, Input.Reason, Input.Days), validator,
            handler.HandleAsync, "已暂缓结项，申请人将按意见修改后重新提交。", cancellationToken);
}
