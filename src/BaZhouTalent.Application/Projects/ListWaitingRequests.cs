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
        public Task<Paged<Row>> HandleAsync(RequestParty party, ListRequest listing, CancellationToken cancellationToken = default)
        {
            var requests = Waiting(party);
            if (listing.Term is { } term)
                requests = requests.Where(r => r.Project.Code.ToLower().Contains(term) || r.Project.Title.ToLower().Contains(term) || r.RequestedByName.ToLower().Contains(term));
            return requests.ToPagedAsync(listing, Sorts, r => new Row(r.Id, r.Project.Code, r.Project.Title, r.RequestedByName, r.Project.Unit.Name,
                r.Kind, r.Status, r.RequestedAt, r.CompletionBefore, r.RequestedCompletion), cancellationToken);
        }

        /// <summary>How many requests wait for <paramref name="party"/> (0 for a user not of it, without asking the database): 待办
        /// points to them. Kept like the lists' counts.</summary>
        public Task<int> CountAsync(RequestParty party, CancellationToken cancellationToken = default) =>
            Visibility.Holds(currentUser, PartyRole(party))
                ? counts.CountAsync(Waiting(party), (nameof(ListWaitingRequests), party, Visibility.ScopeOf(currentUser)), cancellationToken)
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
            return db.ProjectRequests.Where(r => waiting.Contains(r.Status) && projects.Any(p => p.Id == r.ProjectId));
        }

        private static string PartyRole(RequestParty party) => party switch
        {
            RequestParty.Unit => Roles.UnitReviewer,
            RequestParty.Federation => Roles.MunicipalFederation,
            _ => Roles.Researcher,
        };
    }
}
