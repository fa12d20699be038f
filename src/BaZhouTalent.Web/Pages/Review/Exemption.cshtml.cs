using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Review;
using BaZhouTalent.Application.Workflow;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace BaZhouTalent.Web.Pages.Review;

/// <summary>审核免于鉴定申请: at intake the city federation grants (sets the grade or 免鉴) or refuses with a reason.</summary>
public sealed class ExemptionModel(GetReviewPage.Handler pageHandler, ReviewActions actions) : ActionPageModel(pageHandler, actions)
{
    public sealed class Form
    {
        public Guid Stamp { get; set; }
        public bool? Grant { get; set; }
        /// <summary>The grade set when granting; empty = 免鉴.</summary>
        public AppraisalGrade? Grade { get; set; }
        public string? Opinion { get; set; }
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    protected override IReadOnlyList<ReviewTrigger> Triggers { get; } = [ReviewTrigger.GrantExemption, ReviewTrigger.RefuseExemption];

    protected override Guid PostedStamp => Input.Stamp;

    public Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken) => ShowAsync(code, cancellationToken);

    public Task<IActionResult> OnPostAsync(string code, [FromServices] DecideExemption.Handler handler,
        [FromServices] IValidator<DecideExemption.Command> validator, CancellationToken cancellationToken)
    {
        var command = new DecideExemption.Command(code, Input.Stamp, Input.Grant, Input.Grade, Input.Opinion);
        return RunAsync(code, DecideExemption.Handler.TriggerOf(command), command, validator, handler.HandleAsync,
            Input.Grant == true ? "已同意免于鉴定，请签署市社科联审核意见（五）。" : "已不同意免于鉴定，请分配鉴定专家。", cancellationToken);
    }
}
