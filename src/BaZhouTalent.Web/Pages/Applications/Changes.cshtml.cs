using BaZhouTalent.Application.Applications;
using BaZhouTalent.Web.Pages.Shared;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BaZhouTalent.Web.Pages.Applications;

/// <summary>一、项目变更情况数据表: the register's 原 side beside the editable 现 side, and the derived change record.</summary>
public sealed class ChangesModel(
    FindApplication.Handler find, IAuthorizationService authorization,
    SaveChangeTable.Handler handler, IValidator<SaveChangeTable.Command> validator) : ApplicationPageModel(find, authorization)
{
    [BindProperty]
    public SaveChangeTable.Command Input { get; set; } = new();

    public bool Dirty { get; private set; }

    public ChangeRecord Changes { get; private set; } = new([]);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await LoadForEditAsync(code, cancellationToken) is { } other) return other;
        Input = SaveChangeTable.Command.From(Application);
        Changes = ChangeRecord.Compute(Application.Project, Application);
        return Page();
    }

    /// <param name="next">Go on to the next section after a clean save.</param>
    /// <param name="row">A row button: “add”, or “up:{i}”, “down:{i}”, “remove:{i}”.</param>
    public async Task<IActionResult> OnPostAsync(string code, bool next, string? row, CancellationToken cancellationToken)
    {
        if (await LoadForEditAsync(code, cancellationToken) is { } other) return other;
        Input.ProjectCode = code;
        Input.Participants ??= [];

        if (row is not null)
        {
            ApplyRowAction(row);
            // The rows moved, so the posted values ModelState remembers by index no longer belong to them.
            ModelState.Clear();
            if (row == "add")
            {
                // A blank row would be dropped by a save: show it to be filled, and keep the page unsaved.
                Dirty = true;
                Changes = ChangeRecord.Compute(Application.Project, Preview());
                return Page();
            }
        }

        if (await RefuseOverLongAsync(validator, Input, cancellationToken))
        {
            Dirty = true;
            Changes = ChangeRecord.Compute(Application.Project, Preview());
            return Page();
        }

        var outcome = await handler.HandleAsync(Input, cancellationToken);
        Dirty = outcome != SaveOutcome.Saved;
        Changes = ChangeRecord.Compute(Application.Project, Preview());
        if (Unsaved(outcome, code) is { } unsaved) return unsaved;

        var result = await validator.ValidateAsync(Input, cancellationToken);
        if (!result.IsValid)
        {
            await LoadForViewAsync(code, cancellationToken);
            ModelState.Remove($"{nameof(Input)}.{nameof(Input.ConcurrencyStamp)}");
            Input.ConcurrencyStamp = Application.ConcurrencyStamp;
            ModelState.AddErrors(result, nameof(Input));
            ModelState.AddModelError("", SavedIncompleteMessage);
            return Page();
        }
        TempData[StatusMessages.Success] = "项目变更情况已保存。";
        return next ? RedirectToPage("Report", new { code }) : RedirectToPage(new { code });
    }

    private void ApplyRowAction(string row)
    {
        var rows = Input.Participants;
        if (row == "add")
        {
            rows.Add(new ParticipantInput());
            return;
        }
        var parts = row.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[1], out var i) || i < 0 || i >= rows.Count) return;
        switch (parts[0])
        {
            case "remove":
                rows.RemoveAt(i);
                break;
            case "up" when i > 0:
                (rows[i - 1], rows[i]) = (rows[i], rows[i - 1]);
                break;
            case "down" when i < rows.Count - 1:
                (rows[i + 1], rows[i]) = (rows[i], rows[i + 1]);
                break;
        }
    }

    // The change record of what is on the page, saved or not.
    private Application.Domain.ClosureApplication Preview()
    {
        var copy = new Application.Domain.ClosureApplication
        {
            ResultTitle = Input.ResultTitle ?? "",
            CurrentOutputForm = Input.CurrentOutputForm ?? "",
            ActualCompletion = Input.ActualCompletion,
            CurrentParticipants = Input.Participants.Where(p => !p.IsBlank).Select((p, i) => p.ToParticipant(i + 1)).ToList(),
        };
        Input.Leader.ApplyTo(copy.CurrentLeader);
        return copy;
    }
}
