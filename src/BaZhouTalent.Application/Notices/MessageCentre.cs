using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Notices;

/// <summary>站内通知: the signed-in user's own notices, newest first, paged; marking read; the unread count.</summary>
public static class MessageCentre
{
    public sealed record Row(long Id, string Title, string Body, string Link, DateTimeOffset CreatedAt, bool IsRead);

    // Newest first; the id keeps notices of one instant in a stable order.
    private static readonly SortMap<Notice> Sorts = SortMap<Notice>.TieBrokenBy(n => n.Id).Add("at", n => n.CreatedAt, descendingByDefault: true);

    public sealed class Handler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock, ListCounts counts)
    {
        // Asked by the page and by the header's badge: counted once per request (the handler lives for one request).
        private Task<int>? unread;

        public async Task<Paged<Row>> ListAsync(ListRequest request, bool unreadOnly, CancellationToken cancellationToken = default)
        {
            var mine = Mine();
            if (unreadOnly)
                mine = mine.Where(n => n.ReadAt == null);
            // 未读 is the unread count the header shows anyway; 全部 (every notice ever received) is kept like the lists' counts.
            var total = unreadOnly
                ? await CountUnreadAsync(cancellationToken)
                : await counts.CountAsync(mine, (nameof(MessageCentre), currentUser.UserId), cancellationToken);
            return await mine.ToPageAsync(request, Sorts,
                n => new Row(n.Id, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt != null), total, cancellationToken);
        }

        /// <summary>
        /// One COUNT on the unread notices' partial index, shared by the page and the header within a request and kept until
        /// the next saved change (<see cref="ListCounts"/>): the header asks on every page, and a busy office's unread
        /// notices run into the thousands. A new notice or a notice read is a change, so the badge is never behind.
        /// </summary>
        public Task<int> CountUnreadAsync(CancellationToken cancellationToken = default) =>
            unread ??= currentUser.UserId is not { } userId
                ? Task.FromResult(0)
                : counts.KeepAsync((nameof(MessageCentre), "unread", userId), () => Mine().CountAsync(n => n.ReadAt == null, cancellationToken));

        /// <summary>Marks one of the user's notices read and returns where it leads; null when it is not theirs (404).</summary>
        public async Task<string?> MarkReadAsync(long id, CancellationToken cancellationToken = default)
        {
            var link = await Mine().Where(n => n.Id == id).Select(n => n.Link).SingleOrDefaultAsync(cancellationToken);
            if (link is null)
                return null;
            var now = clock.GetUtcNow();
            unread = null;
            await Mine().Where(n => n.Id == id && n.ReadAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
            return link;
        }

        public Task<int> MarkAllReadAsync(CancellationToken cancellationToken = default)
        {
            var now = clock.GetUtcNow();
            unread = null;
            return Mine().Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        }

        private IQueryable<Notice> Mine()
        {
            var userId = currentUser.UserId ?? "";
            return db.Notices.AsNoTracking().Where(n => n.RecipientUserId == userId);
        }
    }
}
