using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Queue;

/// <summary>项目登记: the register of funded projects for the city federation, searched, sorted and paged on the server.</summary>
public static class ListProjects
{
    public sealed record Row(
        string ProjectCode,
        string ProjectTitle,
        string CategoryName,
        int Year,
        string LeaderName,
        string UnitName,
        bool HasLeaderAccount,
        ApplicationStatus? Status)
    {
        public string StatusName => ProjectStatus.ToChinese(Status);
    }

    public static readonly SortMap<FundedProject> Sorts = new SortMap<FundedProject>(p => p.Id)
        .Add("year", p => p.Year, descendingByDefault: true)
        .Add("code", p => p.Code)
        .Add("title", p => p.Title)
        .Add("leader", p => p.OriginalLeader.Name)
        .Add("unit", p => p.Unit.Name);

    public sealed class Handler(IAppDbContext db, ITextSearch search)
    {
        public async Task<Paged<Row>> HandleAsync(ListRequest request, CancellationToken cancellationToken = default)
        {
            var projects = db.FundedProjects.AsNoTracking();
            int? total = null;
            if (request.Term is { } term)
            {
                total = await projects.Matching(db, search, term, currentLeader: false).CountAsync(cancellationToken);
                // A common term fills the page early along the list's order (ProjectSearch.CommonTerm).
                projects = projects.Matching(db, search, term, currentLeader: false, byIndex: total <= ProjectSearch.CommonTerm);
            }
            total ??= await projects.CountAsync(cancellationToken);
            return await projects.ToPageAsync(request, Sorts, p => new Row(
                    p.Code,
                    p.Title,
                    p.Category.Name,
                    p.Year,
                    p.OriginalLeader.Name,
                    p.Unit.Name,
                    p.LeaderUserId != null,
                    p.Application == null ? null : p.Application.Status),
                total.Value, cancellationToken);
        }
    }
}
