using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Notices;
using BaZhouTalent.Infrastructure.Data;
using BaZhouTalent.Infrastructure.Notices;
using BaZhouTalent.IntegrationTests.Hardening;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Notices;

/// <summary>A real SMTP server (the SmtpServer package) in the test process, on a port of its own; keeps what it accepts.</summary>
public sealed class MailCatcher(int port) : IAsyncDisposable
{
    private CancellationTokenSource? stop;
    private Task? running;

    public int Port { get; } = port;

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Port(Port).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(Received));
        stop = new CancellationTokenSource();
        running = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
        // Listening once a client can connect.
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new InvalidOperationException($"The test SMTP server did not start on port {Port}.");
    }

    public async ValueTask DisposeAsync()
    {
        if (stop is null) return;
        await stop.CancelAsync();
        try { await running!; }
        catch (OperationCanceledException) { /* stopped */ }
        stop.Dispose();
        stop = null;
    }

    public IReadOnlyList<MimeMessage> To(string address) =>
        Received.Where(m => m.To.Mailboxes.Any(b => b.Address == address)).ToList();

    private sealed class Store(ConcurrentQueue<MimeMessage> into) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            into.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}

/// <summary>
/// The portal with mail on (to a <see cref="MailCatcher"/> port), a clock the test moves, the workers off (the
/// test delivers and reminds by hand), and optionally a database file shared with another host.
/// </summary>
public class NoticePortal : PortalFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public int SmtpPort { get; init; } = MailCatcher.FreePort();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Notices:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Notices:Smtp:Port", SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Notices:Smtp:Security", "None");
        builder.UseSetting("Notices:Smtp:SenderAddress", "noreply@skl.bazhong.test");
        builder.UseSetting("Notices:ReminderHour", "0");
        builder.UseSetting("Portal:PublicBaseUrl", "https://skl.bazhong.test");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public Task<int> DeliverAsync() =>
        WithScopeAsync(sp => sp.GetRequiredService<OutboxDelivery>().DeliverPendingAsync(CancellationToken.None));

    public Task<int> RemindAsync() =>
        WithScopeAsync(sp => sp.GetRequiredService<SendReminders>().RunAsync(CancellationToken.None));

    /// <summary>Moves the clock forward to 10:00 China time, <paramref name="days"/> China days after today's.</summary>
    public void MoveToChinaMorning(int days)
    {
        var china = Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        var target = new DateTimeOffset(china.Date.AddDays(days).AddHours(10), TimeSpan.FromHours(8)).ToUniversalTime();
        if (target > Clock.GetUtcNow()) Clock.SetUtcNow(target);
    }
}

internal static class NoticeKit
{
    public static string AddressOf(string userName) => $"{userName}@example.test";

    /// <summary>Gives the accounts an e-mail address each (as the 用户管理 edit page stores it).</summary>
    public static Task SetEmailsAsync(PortalFactory portal, params string[] userNames) => portal.WithScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        foreach (var name in userNames)
        {
            var user = await users.FindByNameAsync(name) ?? throw new InvalidOperationException(name);
            user.Email = AddressOf(name);
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        }
    });

    /// <summary>A complete draft of yangzhuo's, submitted through the real 检查并提交 page.</summary>
    public static async Task SubmitThroughPageAsync(PortalFactory portal, string code, Browser? researcher = null)
    {
        if (!await portal.WithDbAsync(db => db.FundedProjects.AnyAsync(p => p.Code == code)))
            await portal.WithDbAsync(async db => { await ReadyDrafts.AddAsync(db, [code]); return 0; });
        researcher ??= await SignInAsync(portal, "yangzhuo");
        var page = await researcher.GetAsync($"/applications/{code}/submit");
        Assert.True(page.Document.QuerySelector("#problems") is null, $"{code} is not ready to submit:\n{page.Text}");
        var result = await researcher.SubmitAsync(page, new Dictionary<string, string>(), ".form-actions form[method=post]");
        Assert.True(result.Status == HttpStatusCode.Redirect, $"submit {code}: {result.Status}\n{result.Text}");
    }

    public static Task<List<OutboxMessage>> OutboxAsync(PortalFactory portal, string code) =>
        portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Subject.Contains(code)).OrderBy(m => m.Id).ToListAsync());

    public static Task<List<Notice>> NoticesAsync(PortalFactory portal, string userName, string code) =>
        portal.WithDbAsync(async db =>
        {
            var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
            return await db.Notices.AsNoTracking().Where(n => n.RecipientUserId == id && n.Title.Contains(code)).OrderBy(n => n.Id).ToListAsync();
        });
}
