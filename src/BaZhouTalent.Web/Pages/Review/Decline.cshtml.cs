using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Review;
using BaZhouTalent.Application.Workflow;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace BaZhouTalent.Web.Pages.Review;

/// <summary>谢绝鉴定: an assigned expert declines (回避 or 无法按期) with a reason; the application goes back to intake.</summary>
public sealed class DeclineModel(GetReviewPage.Handler pageHandler, ReviewActions actions) : ActionPageModel(pageHandler, actions)
{
    public sealed class Form
    {
        public Guid Stamp { get; set; }
        public DeclineKind? Kind { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    protected override IReadOnlyList<ReviewTrigger> Triggers { get; } = [ReviewTrigger.Decline];

    protected override Guid PostedStamp => Input.Stamp;

    public Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken) => ShowAsync(code, cancellationToken);

    public Task<IActionResult> OnPostAsync(string code, [FromServices] DeclineAssignment.Handler handler,
        [FromServices] IValidator<DeclineAssignment.Command> validator, CancellationToken cancellationToken) =>
        RunAsync(code, ReviewTrigger.Decline, new DeclineAssignment.Command(code, Input.Stamp, Input.Kind, Input.Reason), validator,
            handler.HandleAsync, "已谢绝鉴定，市社科联将另行分配专家。", cancellationToken);
}
