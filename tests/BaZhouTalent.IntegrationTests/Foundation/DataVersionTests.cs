using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Infrastructure.Data;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaZhouTalent.IntegrationTests.Foundation;

/// <summary>
/// The data-change stamp is read once per request (a page asks for several kept figures; on a server database each
/// read is a round trip) and again only after the request's own change.
/// </summary>
public class DataVersionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_request_reads_the_stamp_once_and_again_after_each_change_it_saves()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var version = scope.ServiceProvider.GetRequiredService<IDataVersion>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var first = await version.CurrentAsync();

        // Another request saves a change: this one keeps the moment it first read, the next request sees the change.
        await portal.WithDbAsync(other => Rename(other, "管理员甲"));
        Assert.Equal(first, await version.CurrentAsync());
        var afterOther = await portal.WithScopeAsync(sp => sp.GetRequiredService<IDataVersion>().CurrentAsync());
        Assert.True(afterOther > first);

        // Its own ExecuteUpdate moves the stamp and is read again.
        await Rename(db, "管理员乙");
        var afterUpdate = await version.CurrentAsync();
        Assert.True(afterUpdate > afterOther);

        // Its own SaveChanges likewise.
        var admin = await db.Users.SingleAsync(u => u.UserName == "admin");
        admin.DisplayName = "管理员丙";
        await db.SaveChangesAsync();
        Assert.True(await version.CurrentAsync() > afterUpdate);
        Assert.Equal(await portal.WithScopeAsync(sp => sp.GetRequiredService<IDataVersion>().CurrentAsync()), await version.CurrentAsync());
    }

    private static Task<int> Rename(AppDbContext db, string name) =>
        db.Users.Where(u => u.UserName == "admin").ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, name));
}
