using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;

namespace BaZhouTalent.Application.Projects;

/// <summary>
/// The requests waiting for the signed-in user's party: the unit's reviewers see their unit's requests awaiting its
/// agreement, the city federation those the unit agreed. Requests on terminated projects wait for nobody. Paged.
/// </summary>
public static class ListWaitingRequests
{
    public sealed record Row(int Id, string ProjectCode, string ProjectTitle, string RequestedByName, string UnitName,
        ProjectRequestKind Kind, ProjectRequestStatus Status, DateTimeOffset RequestedAt, DateOnly? CompletionBefore, DateOnly? RequestedCompletion)
    {
        public string KindName => Kind.ToChinese();
        public string StatusName => Status.ToChinese();
    }

    public static readonly SortMap<ProjectRequest> Sorts = new SortMap<ProjectRequest>(r => r.Id)
        .Add("requested", r => r.RequestedAt)
        .Add("code", r => r.Project.Code);

    public sealed class Handler(IAppDbContext db, ICurrentUser currentUser, ListCounts counts)
    {
        /// <summary>
        /// A page in request order (the (status, requested at) index), its count kept until the next saved change like
        /// 待办's: the federation's waiting requests run into the thousands over the years.
        /// </summary>
        public async Task<Paged<Row>> HandleAsync(RequestParty party, ListRequest listing, CancellationToken cancellationToken = default)
        {
            var requests = Waiting(party);
            if (listing.Term is { } term)
                requests = requests.Where(r => r.Project.Code.ToLower().Contains(term) || r.Project.Title.ToLower().Contains(term) || r.RequestedByName.ToLower().Contains(term));
            var total = await counts.CountAsync(requests, (nameof(ListWaitingRequests), party, Visibility.ScopeOf(currentUser), listing.Term), cancellationToken);
            return await requests.ToPageAsync(listing, Sorts, r => new Row(r.Id, r.Project.Code, r.Project.Title, r.RequestedByName, r.Project.Unit.Name,
                r.Kind, r.Status, r.RequestedAt, r.CompletionBefore, r.RequestedCompletion), total, cancellationToken);
        }

        /// <summary>How many requests wait for <paramref name="party"/> (0 for a user not of it, without asking the database): 待办
        /// points to them. Kept like the lists' counts.</summary>
        public Task<int> CountAsync(RequestParty party, CancellationToken cancellationToken = default) =>
            Visibility.Holds(currentUser, PartyRole(party))
                ? counts.CountAsync(Waiting(party), (nameof(ListWaitingRequests), party, Visibility.ScopeOf(currentUser), (string?)null), cancellationToken)
                : Task.FromResult(0);

        /// <summary>
        /// The requests in a state from which the party has an action (<see cref="ProjectRequestActions"/>), on an active
        /// project the user is related to as that party (<see cref="Visibility.ProjectsAs"/>): a part of what the request
        /// page lets them open (<see cref="Visibility.Projects"/>).
        /// </summary>
        private IQueryable<ProjectRequest> Waiting(RequestParty party)
        {
            var waiting = ProjectRequestActions.All.Where(a => a.Party == party).SelectMany(a => a.From).Distinct().ToArray();
            var projects = db.FundedProjects
                .Where(Visibility.ProjectsAs(currentUser, PartyRole(party)))
                .Where(p => p.Lifecycle == ProjectLifecycleStatus.Active);
            // One status (each party has one to act on): compared as an equality, which PostgreSQL's index also orders by
            // (a status list becomes "= ANY (array)", whose rows it must sort).
            var requests = waiting.Length == 1 && waiting[0] is var only
                ? db.ProjectRequests.Where(r => r.Status == only)
                : db.ProjectRequests.Where(r => waiting.Contains(r.Status));
            return requests.Where(r => projects.Any(p => p.Id == r.ProjectId));
        }

        private static string PartyRole(RequestParty party) => party switch
        {
            RequestParty.Unit => Roles.UnitReviewer,
            RequestParty.Federation => Roles.MunicipalFederation,
            _ => Roles.Researcher,
        };
    }
}
