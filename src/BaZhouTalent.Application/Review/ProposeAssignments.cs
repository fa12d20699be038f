using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Experts;
using BaZhouTalent.Application.Queue;
using BaZhouTalent.Application.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Application.Review;

/// <summary>
/// 一键分配, the proposal: every application waiting at the federation's intake for experts (受理（分配鉴定专家）: no
/// 免于鉴定 request open), longest waiting first, paged on the server, each with a proposed panel. The experts offered
/// for an application are those the single assignment offers (<see cref="SuggestExperts.Rank"/>: the same conflict rule,
/// which also keeps out whoever declined it), less those already in its round and those whose open load has reached
/// <see cref="BatchAssignmentOptions.MaxOpenPerExpert"/>. The proposal takes experts whose fields the project names
/// first, then the lighter load (what is open now plus what this page has proposed so far, so the page spreads the work),
/// then more matched fields; the first is the chief unless a chief stayed in the round after a decline.
/// </summary>
public static class ProposeAssignments
{
    public sealed record Query(ListRequest Listing);

    /// <summary>An expert offered for one application; <see cref="OpenLoad"/> is what is open now.</summary>
    public sealed record Option(string UserId, string Name, string UnitName, string Title, IReadOnlyList<string> MatchedFields, int OpenLoad);

    /// <summary>An expert who stayed in the round after another declined (keeps any appraisal made).</summary>
    public sealed record StayingExpert(string UserId, string Name, bool IsChief);

    /// <param name="Proposed">One expert id per slot (the chief's first when <see cref="NeedsChief"/>); fewer when too few are offered.</param>
    /// <param name="Slots">How many experts to add: the panel's size less those who stayed, at least one.</param>
    public sealed record Row(
        string Code, string Title, string UnitName, DateTimeOffset? Since, Guid Stamp,
        IReadOnlyList<StayingExpert> Staying, int Slots, IReadOnlyList<string> Proposed, IReadOnlyList<Option> Options)
    {
        /// <summary>No chief stayed in the round: the first slot is the chief's.</summary>
        public bool NeedsChief => !Staying.Any(s => s.IsChief);

        public string? StayingChiefId => Staying.FirstOrDefault(s => s.IsChief)?.UserId;

        /// <summary>Why the proposal is short, in Chinese; null when every slot is filled.</summary>
        public string? Shortage => Options.Count == 0 ? "没有可分配的专家（均需回避、已谢绝或在审任务已达上限）。"
            : Proposed.Count < Slots ? $"可分配的专家不足，仅推荐 {Proposed.Count} 位。" : null;
    }

    public sealed record Result(Paged<Row> Rows, int PerApplication, int Cap);

    private static readonly SortMap<ClosureApplication> Order = SortMap<ClosureApplication>.TieBrokenByChain(q => q.ThenBy(a => a.Id))
        .Add("since", a => a.StatusSince);

    public sealed class Handler(IAppDbContext db, ICurrentUser currentUser, IOptions<BatchAssignmentOptions> options)
    {
        public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken = default)
        {
            var (perApplication, cap) = (options.Value.ExpertsPerApplication, options.Value.MaxOpenPerExpert);
            var page = await WaitingForExperts(db, currentUser)
                .ToPagedAsync(query.Listing with { Sort = null }, Order, a => a.Id, cancellationToken);
            var ids = page.Rows.ToList();
            var applications = (await db.ClosureApplications.AsNoTracking()
                    .Include(a => a.Project).ThenInclude(p => p.Unit)
                    .Include(a => a.ExpertAssignments)
                    .Include(a => a.History)
                    .AsSplitQuery()
                    .Where(a => ids.Contains(a.Id))
                    .ToListAsync(cancellationToken))
                .OrderBy(a => ids.IndexOf(a.Id)).ToList();

            var members = await ExpertPool.LoadMembersAsync(db, cancellationToken);
            var openNow = await ExpertPool.OpenLoadAsync(db, cancellationToken);
            var proposedLoad = new Dictionary<string, int>(openNow);
            var names = members.ToDictionary(m => m.Candidate.UserId, m => m.Candidate.Name);
            var rows = new List<Row>();
            foreach (var application in applications)
            {
                var staying = application.ExpertAssignments.Where(e => e.Round == application.Round)
                    .Select(e => new StayingExpert(e.ExpertUserId, names.GetValueOrDefault(e.ExpertUserId, "（已停用的专家）"), e.IsChief))
                    .ToList();
                var offered = SuggestExperts.Rank(application, members, openNow)
                    .Where(s => s.Conflict is null && s.OpenLoad < cap && staying.All(x => x.UserId != s.UserId))
                    .Select(s => new Option(s.UserId, s.Name, s.UnitName, s.Title, s.MatchedFields, s.OpenLoad))
                    .ToList();
                var slots = Math.Max(1, perApplication - staying.Count);
                var proposed = offered
                    .Where(o => proposedLoad.GetValueOrDefault(o.UserId) < cap)
                    .OrderByDescending(o => o.MatchedFields.Count > 0)
                    .ThenBy(o => proposedLoad.GetValueOrDefault(o.UserId))
                    .ThenByDescending(o => o.MatchedFields.Count)
                    .ThenBy(o => o.Name, StringComparer.Ordinal)
                    .Take(slots).Select(o => o.UserId).ToList();
                foreach (var id in proposed)
                    proposedLoad[id] = proposedLoad.GetValueOrDefault(id) + 1;
                rows.Add(new Row(application.Project.Code, application.ProjectTitle, application.Project.Unit.Name, application.StatusSince,
                    application.ConcurrencyStamp, staying, slots, proposed, offered));
            }
            return new Result(new Paged<Row>(rows, page.Page, page.PageSize, page.Total), perApplication, cap);
        }
    }

    /// <summary>The applications waiting at intake for experts: the federation's pending ones in 待市社科联受理 with no
    /// 免于鉴定 request open (those wait for its answer first).</summary>
    public static IQueryable<ClosureApplication> WaitingForExperts(IAppDbContext db, ICurrentUser user) =>
        ReviewQueues.Pending(db, Roles.MunicipalFederation, user)
            .Where(a => a.Status == ApplicationStatus.FederationIntake && !(a.ExemptionRequested && a.ExemptionDecision == null));
}
