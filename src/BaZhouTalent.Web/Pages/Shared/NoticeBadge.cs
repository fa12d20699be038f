using BaZhouTalent.Application.Notices;

namespace BaZhouTalent.Web.Pages.Shared;

/// <summary>
/// The header's unread count: one indexed COUNT per page for a signed-in user. A failure here must not take the
/// page down with it (the page itself already worked), so it is logged and the count left out.
/// </summary>
public sealed class NoticeBadge(MessageCentre.Handler messages, ILogger<NoticeBadge> log)
{
    public async Task<int?> UnreadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await messages.CountUnreadAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Unread notice count failed");
            return null;
        }
    }

    public static string Label(int unread) => unread > 99 ? "99+" : unread.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
