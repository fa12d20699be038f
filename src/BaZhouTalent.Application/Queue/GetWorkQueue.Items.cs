using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Disclosure;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Application.Workflow;
using Microsoft.EntityFrameworkCore;
using System.Linq.Expressions;

namespace BaZhouTalent.Application.Queue;

/// <summary>待办's items: what each role's groups are drawn from, in the shapes the database reads simply, and how an item reads as a row.</summary>
public static partial class GetWorkQueue
{
    /// <summary>A queue row as the database answers it (member-init, so EF can filter, sort and page over it).</summary>
    private sealed class Item
    {
        /// <summary>Which group's page a row of a combined read belongs to (<see cref="Handler.FirstPagesAsync"/>).</summary>
        public int Tag { get; init; }
        public int ProjectId { get; init; }
        /// <summary>A reviewer's items' application (an expert's order's tie-break, <see cref="ExpertOrder"/>); 0 for the researcher's.</summary>
        public int ApplicationId { get; init; }
        public string Code { get; init; } = "";
        public string Title { get; init; } = "";
        public string? UnitName { get; init; }
        public ApplicationStatus? Status { get; init; }
        public DateTimeOffset? Since { get; init; }
        public bool ChiefTurn { get; init; }
        public bool ExemptionPending { get; init; }
        public DateOnly? DeferredUntil { get; init; }
        public string? ReturnReason { get; init; }
    }

    /// <summary>The researcher's items: oldest first, those without a time (not started, drafts) last, then by code.</summary>
    private static readonly SortMap<Item> ResearcherOrder = SortMap<Item>.TieBrokenByChain(q => q.ThenBy(i => i.Since).ThenBy(i => i.Code))
        .Add("waiting", i => i.Since == null);

    /// <summary>
    /// A reviewer's items: oldest first (an item in review always has its time), the project keeping pages stable. The
    /// same order as the (Status, StatusSince, ProjectId) index, so a page of a stage reads 20 index entries, not the stage.
    /// </summary>
    private static readonly SortMap<Item> ReviewerOrder = SortMap<Item>.TieBrokenBy(i => i.ProjectId).Add("waiting", i => i.Since);

    /// <summary>
    /// An expert's items: oldest first, ties by application — the order of their (ExpertUserId, ClosedAt, AwaitingSince,
    /// ApplicationId) index, so SQLite reads a page in index order with nothing sorted (a tie-break by project is not in
    /// that index). PostgreSQL, estimating one row for the join, still sorts the range (docs/benchmarks.md).
    /// </summary>
    private static readonly SortMap<Item> ExpertOrder = SortMap<Item>.TieBrokenBy(i => i.ApplicationId).Add("waiting", i => i.Since);

    /// <summary>The stages in which an application is with the researcher (<see cref="WorkflowStages"/>).</summary>
    private static readonly ApplicationStatus[] ResearcherStages = [.. WorkflowStages.HeldBy(Roles.Researcher)];

    /// <summary>The researcher's stages entered with a reviewer's reason: they wait since then and show the reason.</summary>
    private static readonly ApplicationStatus[] SentBackStages = [.. WorkflowStages.SentBack];

    public sealed partial class Handler
    {
        /// <summary>The same row, tagged with its group's position. Every member is carried, so the reviewing roles' projections (the only one-part families with several groups) set them all.</summary>
        private static Expression<Func<Item, Item>> Tagged(int tag) => i => new Item
        {
            Tag = tag,
            ProjectId = i.ProjectId,
            ApplicationId = i.ApplicationId,
            Code = i.Code,
            Title = i.Title,
            UnitName = i.UnitName,
            Status = i.Status,
            Since = i.Since,
            ChiefTurn = i.ChiefTurn,
            ExemptionPending = i.ExemptionPending,
            DeferredUntil = i.DeferredUntil,
            ReturnReason = i.ReturnReason,
        };

        /// <summary>The researcher's items: the active projects they lead (<see cref="Visibility.ProjectsAs"/>) not yet
        /// started or whose application is with them (the stages the researcher holds).</summary>
        private IQueryable<Item> ResearcherItems() =>
            db.FundedProjects.AsNoTracking()
                .Where(Visibility.ProjectsAs(currentUser, Roles.Researcher))
                .Where(p => p.Lifecycle == ProjectLifecycleStatus.Active
                    && (p.Application == null || ResearcherStages.Contains(p.Application.Status)))
                .Select(p => new Item
                {
                    ProjectId = p.Id,
                    Code = p.Code,
                    Title = p.Title,
                    UnitName = p.Unit.Name,
                    Status = p.Application == null ? null : p.Application.Status,
                    Since = p.Application != null && SentBackStages.Contains(p.Application.Status)
                        ? p.Application.StatusSince
                        : null,
                    DeferredUntil = p.Application == null ? null : p.Application.DeferredUntil,
                    ReturnReason = p.Application != null && SentBackStages.Contains(p.Application.Status)
                        ? p.Application.History.Where(h => h.ToStatus == p.Application.Status)
                            .OrderByDescending(h => h.At).Select(h => h.Note).FirstOrDefault()
                        : null,
                });

        private Row ResearcherRow(Item i)
        {
            var target = i.Status switch
            {
                null => QueueTarget.MyProjects,
                { } sentBack when SentBackStages.Contains(sentBack) => QueueTarget.ReturnReason,
                _ => QueueTarget.CheckAndSubmit,
            };
            var action = ProjectStatus.ResearcherAction(i.Status) ?? "";
            if (i.DeferredUntil is { } due)
                action += $"（{due:yyyy年M月d日}前）";
            // A deferral past its date waits on the researcher: it is overdue like any other late item.
            var overdue = i.DeferredUntil is { } until && until < ChinaTime.Today(clock);
            return new Row(i.Code, i.Title, i.UnitName ?? "", i.Status, action, "我的结项申请", target, i.Since, overdue, i.ReturnReason);
        }

        /// <summary>
        /// The role's pending applications as queue items, waiting since they entered their status. An expert's item
        /// is theirs until they appraise; after that only the chief's, from the moment the last appraisal arrives.
        /// A blind role's items never select the applicant's unit (DisclosurePolicy.ListsApplicantFor).
        /// </summary>
        private Family ReviewerItems(string role, string userId)
        {
            var pending = ReviewQueues.Pending(db, role, currentUser);
            if (role == Roles.Expert)
            {
                // Read along the expert's open assignments in waiting order (the assignment carries the application's
                // StatusSince), so a page is its twenty rows however many appraisals the expert has open.
                var notAppraised = ReviewQueues.ExpertWaiting(db, currentUser)
                    .Where(a => !a.Opinions.Any(o => o.Round == a.Round && o.Stage == ReviewStage.Expert && o.SignerUserId == userId));
                var toAppraise = ReviewQueues.OnOpenAssignments(db, userId, notAppraised, (e, a) => new Item
                {
                    ProjectId = a.ProjectId,
                    ApplicationId = e.ApplicationId,
                    Code = a.Project.Code,
                    Title = a.Project.Title,
                    Status = a.Status,
                    ChiefTurn = false,
                    Since = e.AwaitingSince,
                });
                // Theirs again once every appraisal, their own included, is in: the chief combines them. Read from the
                // applications the expert has appraised (a few, by the signer index), not by testing every one in the stage.
                var appraised = db.ReviewOpinions.Where(o => o.SignerUserId == userId && o.Stage == ReviewStage.Expert).Select(o => o.ApplicationId);
                var toCombine = pending
                    .Where(a => appraised.Contains(a.Id)
                        && a.Opinions.Any(o => o.Round == a.Round && o.Stage == ReviewStage.Expert && o.SignerUserId == userId)
                        && a.ExpertAssignments.Any(e => e.ExpertUserId == userId && e.Round == a.Round && e.IsChief)
                        && a.Opinions.Count(o => o.Round == a.Round && o.Stage == ReviewStage.Expert)
                            >= a.ExpertAssignments.Count(e => e.Round == a.Round))
                    .Select(a => new Item
                    {
                        ProjectId = a.ProjectId,
                        ApplicationId = a.Id,
                        Code = a.Project.Code,
                        Title = a.Project.Title,
                        Status = a.Status,
                        ChiefTurn = true,
                        Since = a.Opinions.Where(o => o.Round == a.Round && o.Stage == ReviewStage.Expert).Max(o => (DateTimeOffset?)o.SignedAt),
                    });
                return new Family(ExpertOrder, toAppraise, toCombine);
            }
            // A blind role's items never select the applicant's unit (only the experts' are blind today, read above).
            var listsApplicant = DisclosurePolicy.ListsApplicantFor(role);
            return new Family(ReviewerOrder, pending.Select(a => new Item
            {
                ProjectId = a.ProjectId,
                ApplicationId = a.Id,
                Code = a.Project.Code,
                Title = a.Project.Title,
                UnitName = listsApplicant ? a.Project.Unit.Name : null,
                Status = a.Status,
                ExemptionPending = a.ExemptionRequested && a.ExemptionDecision == null,
                Since = a.StatusSince,
                ChiefTurn = false,
                DeferredUntil = null,
                ReturnReason = null,
            }));
        }

        private static Row ReviewerRow(string role, Item i, string group, bool overdue)
        {
            var status = i.Status ?? ApplicationStatus.Draft;
            // The action text is the table's: the first action of this role open in this state.
            var action = role == Roles.Expert
                ? WorkflowActions.Of(i.ChiefTurn ? ReviewTrigger.CompleteAppraisal : ReviewTrigger.Appraise).QueueText!
                : WorkflowActions.QueueTextFor(role, status, new WorkflowFacts(false, false, i.ExemptionPending)) ?? ReviewQueues.ActionFor(status);
            return new Row(i.Code, i.Title, i.UnitName ?? BlindReview.HiddenText, i.Status, action, group,
                QueueTarget.Review, i.Since, overdue);
        }
    }
}
