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
        /// <summary>The grade set when granting: a grade's name, <see cref="Exempt"/> for 免鉴, empty while not chosen (nothing is preselected).</summary>
        public string? Grade { get; set; }
        public string? Opinion { get; set; }
    }

    public const string Exempt = "Exempt";

    [BindProperty]
    public Form Input { get; set; } = new();

    /// <summary>The 免于鉴定证明材料 the researcher uploaded, shown with their download links beside the request.</summary>
    public IReadOnlyList<Application.Disclosure.DisclosedAttachment> Proofs =>
        View.Application.Attachments.Where(a => a.Kind == AttachmentKind.ExemptionEvidence).ToList();

    protected override string InputField(string property) => property == nameof(DecideExemption.Command.GradeChosen) ? nameof(Form.Grade) : property;

    protected override IReadOnlyList<ReviewTrigger> Triggers { get; } = [ReviewTrigger.GrantExemption, ReviewTrigger.RefuseExemption];

    protected override Guid PostedStamp => Input.Stamp;

    public Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken) => ShowAsync(code, cancellationToken);

    public Task<IActionResult> OnPostAsync(string code, [FromServices] DecideExemption.Handler handler,
        [FromServices] IValidator<DecideExemption.Command> validator, CancellationToken cancellationToken)
    {
        var grade = Enum.TryParse<AppraisalGrade>(Input.Grade, out var parsed) && Enum.IsDefined(parsed) ? parsed : (AppraisalGrade?)null;
        var command = new DecideExemption.Command(code, Input.Stamp, Input.Grant, grade, Input.Opinion, GradeChosen: grade is not null || Input.Grade == Exempt);
        return RunAsync(code, DecideExemption.Handler.TriggerOf(command), command, validator, handler.HandleAsync,
            Input.Grant == true ? "已同意免于鉴定，请签署市社科联审核意见（五）。" : "已不同意免于鉴定，请分配鉴定专家。", cancellationToken);
    }
}
