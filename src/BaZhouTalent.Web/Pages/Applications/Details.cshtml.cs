using BaZhouTalent.Application.Applications;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BaZhouTalent.Web.Pages.Applications;

/// <summary>The whole application read-only, with its status and the actions the viewer may take.</summary>
public sealed class DetailsModel(FindApplication.Handler find, IAuthorizationService authorization)
    : ApplicationPageModel(find, authorization)
{
    public bool CanEdit { get; private set; }

    public bool CanWithdraw { get; private set; }

    public bool CanDownloadCertificate { get; private set; }

    public ApplicationView View { get; private set; } = null!;

    public string? Notice { get; private set; }

    public AuditEntry? LastReturn { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await LoadForViewAsync(code, cancellationToken) is { } notFound) return notFound;
        CanEdit = await IsAllowedAsync(Application, ApplicationOperations.Edit);
        CanWithdraw = await IsAllowedAsync(Application, ApplicationOperations.Withdraw);
        CanDownloadCertificate = await IsAllowedAsync(Application, ApplicationOperations.DownloadCertificate);
        var blind = !await IsAllowedAsync(Application, ApplicationOperations.SeeIdentities);
        View = ApplicationView.From(Application, blind);
        Notice = TempData[NoticeKey] as string;
        LastReturn = Application.Status == ApplicationStatus.Returned
            ? Application.History.Where(h => h.ToStatus == ApplicationStatus.Returned).OrderByDescending(h => h.At).FirstOrDefault()
            : null;
        return Page();
    }
}

/// <summary>What the read-only view of an application shows; names are hidden for blind review.</summary>
public sealed record ApplicationView(ClosureApplication Application, bool Blind, ChangeTable ChangeTable, ReportOutline Outline,
    IReadOnlyList<Typesetting.Reports.ReportParagraph> Paragraphs, IReadOnlyList<string> BlindWarnings)
{
    public const string Hidden = BlindReview.HiddenText;

    public static ApplicationView From(ClosureApplication application, bool blind) => new(
        application,
        blind,
        ChangeTable.Build(application.Project, application, value => blind ? Hidden : value),
        ReportOutline.From(application.ReportText),
        Typesetting.Reports.ReportMarkup.Parse(application.ReportText),
        blind ? [] : ReportModel.BlindReview(application, application.ReportText));

    /// <summary>A name or other identifying value, unless the viewer appraises blind.</summary>
    public string Id(string value) => Blind ? Hidden : value;
}
