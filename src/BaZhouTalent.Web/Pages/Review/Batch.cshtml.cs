using BaZhouTalent.Application.Review;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Web.Pages.Shared;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BaZhouTalent.Web.Pages.Review;

/// <summary>
/// 一键分配鉴定专家: every application waiting at intake for experts with a proposed panel (<see cref="ProposeAssignments"/>),
/// paged; the federation changes or removes experts per row (only eligible ones offered) and confirms the page in one
/// post (<see cref="ConfirmAssignments"/>, each row through the single assignment). Rows refused are named afterwards.
/// </summary>
[Authorize(Roles = Roles.MunicipalFederation)]
public sealed class BatchModel(ProposeAssignments.Handler propose) : ListPageModel
{
    public const string FailuresKey = "BatchAssignFailures";

    /// <summary>One row as posted: <see cref="Experts"/> has one id per slot ("" = 不分配); the first is the chief unless
    /// <see cref="StayingChief"/> names the chief who stayed in the round.</summary>
    public sealed class RowInput
    {
        public string Code { get; set; } = "";
        public Guid Stamp { get; set; }
        public bool Include { get; set; }
        public List<string> Experts { get; set; } = [];
        public string? StayingChief { get; set; }
    }

    [BindProperty]
    public List<RowInput> Rows { get; set; } = [];

    public ProposeAssignments.Result Proposal { get; private set; } = null!;

    /// <summary>The rows refused by the last confirmation, one “编号：理由” a line.</summary>
    public IReadOnlyList<string> Failures { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Failures = TempData[FailuresKey] is string lines ? lines.Split('\n') : [];
        Proposal = await propose.HandleAsync(new ProposeAssignments.Query(Listing), cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync([FromServices] ConfirmAssignments.Handler confirm,
        [FromServices] IValidator<ConfirmAssignments.Command> validator, CancellationToken cancellationToken)
    {
        var command = new ConfirmAssignments.Command(Rows.Where(r => r.Include).Select(r => new ConfirmAssignments.Row(
            r.Code, r.Stamp, r.Experts.Select(e => e ?? "").ToList(), r.StayingChief ?? r.Experts.FirstOrDefault())).ToList());
        if (await validator.ValidateAsync(command, cancellationToken) is { IsValid: false } invalid)
        {
            foreach (var error in invalid.Errors) ModelState.AddModelError(string.Empty, error.ErrorMessage);
            Proposal = await propose.HandleAsync(new ProposeAssignments.Query(Listing), cancellationToken);
            return Page();
        }
        var result = await confirm.HandleAsync(command, User, cancellationToken);
        if (result.Assigned > 0)
            TempData[StatusMessages.Success] = $"已分配 {result.Assigned} 项结项申请的鉴定专家，已通知相关专家。";
        if (result.Failures.Count > 0)
            TempData[FailuresKey] = string.Join("\n", result.Failures.Select(f => $"{f.Code}：{f.Message}"));
        return RedirectToPage(new { p = PageNumber > 1 ? PageNumber : (int?)null });
    }

    /// <summary>What a row shows: the clerk's own choice after a refused post, else the proposal.</summary>
    public (bool Include, IReadOnlyList<string> Experts) ChoiceFor(ProposeAssignments.Row row) =>
        Rows.FirstOrDefault(r => r.Code == row.Code) is { } posted ? (posted.Include, posted.Experts.Select(e => e ?? "").ToList())
            : (row.Proposed.Count > 0, row.Proposed);
}
