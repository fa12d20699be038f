using BaZhouTalent.Application.Applications;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;

namespace BaZhouTalent.Application.Projects;

/// <summary>A change request the federation approved: what it changed, and on which China date.</summary>
public sealed record ApprovedChange(ProjectChange Change, DateOnly ApprovedOn);

/// <summary>
/// Approved change requests (项目变更) and the closure form: their values are the form's “现” side, and a change typed in
/// the form that no approval covers is marked for the reviewers (<see cref="ChangeRecord"/>).
/// </summary>
public static class ApprovedChanges
{
    /// <summary>The project's approved changes, oldest first; requires Requests loaded.</summary>
    public static IReadOnlyList<ApprovedChange> Of(FundedProject project) =>
        project.Requests
            .Where(r => r.Kind == ProjectRequestKind.Change && r.Status == ProjectRequestStatus.Approved && r.FederationDecidedAt is not null)
            .OrderBy(r => r.FederationDecidedAt)
            .Select(r => new ApprovedChange(r.Change, r.FederationDecidedAt!.Value.ChinaDate()))
            .ToList();

    /// <summary>Writes an approved change into the application's “现” side (a draft, or one back with the researcher).</summary>
    public static void ApplyTo(ClosureApplication application, ProjectChange change)
    {
        if (change.Changes(ProjectChangeItem.Leader) && change.Leader is { } leader)
        {
            var copy = leader.Copy();
            application.CurrentLeader = copy;
        }
        if (change.Changes(ProjectChangeItem.Members) && change.Members is { } members)
        {
            application.CurrentParticipants.Clear();
            application.CurrentParticipants.AddRange(members.OrderBy(m => m.SortOrder).Select(m => m.Copy()));
        }
        if (change.Changes(ProjectChangeItem.Title) && change.Title is { } title)
            application.ResultTitle = title;
        if (change.Changes(ProjectChangeItem.Unit) && change.UnitName is { } unit)
            application.CurrentLeader.Unit = unit;
        if (change.Changes(ProjectChangeItem.OutputForm) && change.OutputForm is { } form)
            application.CurrentOutputForm = form;
    }

    /// <summary>A new draft starts from the register with every approved change applied in order.</summary>
    public static void ApplyAll(ClosureApplication application, FundedProject project)
    {
        foreach (var approved in Of(project))
            ApplyTo(application, approved.Change);
    }

    /// <summary>
    /// The mark of a changed line of 变更的内容 whose item needs approval: the approval's date when one covers the value now
    /// in the form, else that none does.
    /// </summary>
    public static string Mark(IReadOnlyList<ApprovedChange> approvals, ProjectChangeItem item, Func<ProjectChange, bool> covers) =>
        approvals.LastOrDefault(a => a.Change.Changes(item) && covers(a.Change)) is { } approval
            ? $"（{ProjectChange.FormatDate(approval.ApprovedOn)}经市社科联批准变更）"
            : UnapprovedMark;

    public const string UnapprovedMark = "（未经变更审批）";
}
