using BaZhouTalent.Application.Domain;

namespace BaZhouTalent.Web.Pages.Review;

/// <summary>The fields of every action form on the review page; each form posts the ones it shows.</summary>
public sealed class ReviewInput
{
    /// <summary>The application's concurrency stamp when the page was drawn; a different one now means it is stale.</summary>
    public Guid Stamp { get; set; }
    public bool? HasProblem { get; set; }
    public bool? Agrees { get; set; }
    public AppraisalGrade? Grade { get; set; }
    public string? Opinion { get; set; }
    public string? PersonInCharge { get; set; }
    public List<string> ExpertIds { get; set; } = [];
    public string? ChiefExpertId { get; set; }
    public bool? Approve { get; set; }
    public string? Reason { get; set; }
}
