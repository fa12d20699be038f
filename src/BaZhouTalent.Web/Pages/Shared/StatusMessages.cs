namespace BaZhouTalent.Web.Pages.Shared;

/// <summary>TempData keys read by the layout, so a page can report success after Post-Redirect-Get.</summary>
public static class StatusMessages
{
    public const string Success = "StatusMessage";
}
