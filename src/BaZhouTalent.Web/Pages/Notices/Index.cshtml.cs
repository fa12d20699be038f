using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Notices;
using BaZhouTalent.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Notices;

/// <summary>站内通知: the user's own notices, newest first, paged; open one (marks it read), mark one or all read.</summary>
public sealed class IndexModel(MessageCentre.Handler messages) : PageModel
{
    public const string UnreadKey = "unread";

    [BindProperty(SupportsGet = true, Name = UnreadKey)]
    public bool UnreadOnly { get; set; }

    [BindProperty(SupportsGet = true, Name = ListLinks.PageKey)]
    public int PageNumber { get; set; } = 1;

    public Paged<MessageCentre.Row> Rows { get; private set; } = null!;

    public int Unread { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Rows = await messages.ListAsync(new ListRequest(PageNumber), UnreadOnly, cancellationToken);
        Unread = await messages.CountUnreadAsync(cancellationToken);
    }

    /// <summary>打开: marks the notice read and goes where it leads (always a path inside the portal).</summary>
    public async Task<IActionResult> OnPostOpenAsync(long id, CancellationToken cancellationToken)
    {
        var link = await messages.MarkReadAsync(id, cancellationToken);
        if (link is null) return NotFound();
        return Url.IsLocalUrl(link) ? LocalRedirect(link) : RedirectToPage();
    }

    public async Task<IActionResult> OnPostReadAsync(long id, CancellationToken cancellationToken)
    {
        if (await messages.MarkReadAsync(id, cancellationToken) is null) return NotFound();
        return RedirectToPage(new { unread = UnreadOnly ? "true" : null, p = PageNumber > 1 ? PageNumber : (int?)null });
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        var marked = await messages.MarkAllReadAsync(cancellationToken);
        TempData[StatusMessages.Success] = marked > 0 ? $"已将 {marked} 条通知标为已读。" : "没有未读通知。";
        return RedirectToPage();
    }
}
