using System.Net;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.IntegrationTests.Review;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.AspNetCore.Identity;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaZhouTalent.IntegrationTests.Queues;

/// <summary>用户管理 with some hundreds of accounts: one page of rows, and paging, search, role filter and sort exactly right.</summary>
public class UserListTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const int Accounts = 230;
    private const string SearchedName = "欧阳用户";

    /// <summary>Accounts written straight into Identity's tables (no password: they only need to be listed).</summary>
    private Task SeedAsync() => portal.WithDbAsync(async db =>
    {
        if (await db.Users.AnyAsync(u => u.UserName == "bulk.user.001")) return 0;
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id);
        var unit = await db.Units.FirstAsync();
        for (var i = 1; i <= Accounts; i++)
        {
            var userName = $"bulk.user.{i:000}";
            var user = new AppUser
            {
                UserName = userName,
                NormalizedUserName = userName.ToUpperInvariant(),
                SecurityStamp = Guid.NewGuid().ToString(),
                DisplayName = $"批量用户{i:000}",
                RealName = i % 11 == 0 ? $"{SearchedName}{i}" : "",
                UnitId = i % 3 == 0 ? unit.Id : null,
                MustChangePassword = i % 2 == 0,
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[Roles.All[i % Roles.All.Count]] });
        }
        await db.SaveChangesAsync();
        return 0;
    });

    private record Account(string UserName, string Name, string? Unit, IReadOnlyList<string> Roles);

    private Task<List<Account>> LoadAsync() => portal.WithDbAsync(async db =>
    {
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync();
        return (await db.Users.Include(u => u.Unit).Include(u => u.Region).ToListAsync())
            .Select(u => new Account(u.UserName!, u.RealName.Length > 0 ? u.RealName : u.DisplayName, u.Unit?.Name ?? u.Region?.Name,
                roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).ToList()))
            .ToList();
    });

    [SkippableFact]
    public async Task The_user_list_pages_searches_filters_by_role_and_sorts_on_the_server()
    {
        await SeedAsync();
        var all = await LoadAsync();
        var admin = await ReviewKit.SignInAsync(portal, "admin");
        List<string> Names(IEnumerable<Account> accounts) =>
            accounts.Select(a => a.UserName).OrderBy(n => n.ToUpperInvariant(), StringComparer.Ordinal).ToList();

        var first = await admin.GetAsync("/Admin/Users");
        var second = await admin.GetAsync("/Admin/Users?p=2");
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(Names(all).Take(20), UserNames(first));
        Assert.Equal(Names(all).Skip(20).Take(20), UserNames(second));
        Assert.Contains($"共 {all.Count} 条", first.Text);

        var experts = all.Where(a => a.Roles.Contains(Roles.Expert)).ToList();
        Assert.Equal(Names(experts), await AllUserNamesAsync(admin, "/Admin/Users?role=Expert"));
        Assert.All((await admin.GetAsync("/Admin/Users?role=Expert")).Document.QuerySelectorAll("tbody tr"),
            row => Assert.Contains("鉴定专家", row.TextContent));

        var searched = all.Where(a => a.Name.Contains(SearchedName, StringComparison.Ordinal)).ToList();
        Assert.Equal(Names(searched), await AllUserNamesAsync(admin, $"/Admin/Users?q={Uri.EscapeDataString(SearchedName)}"));
        var combined = searched.Where(a => a.Roles.Contains(Roles.Researcher)).ToList();
        Assert.NotEmpty(combined);
        Assert.Equal(Names(combined), await AllUserNamesAsync(admin, $"/Admin/Users?q={Uri.EscapeDataString(SearchedName)}&role=Researcher"));
        var unitName = all.First(a => a.UserName == "bulk.user.003").Unit!;
        Assert.Equal(Names(all.Where(a => a.Unit?.Contains(unitName, StringComparison.Ordinal) == true)),
            await AllUserNamesAsync(admin, $"/Admin/Users?q={Uri.EscapeDataString(unitName)}"));

        // A common term (more matches than ProjectSearch.CommonTerm): its pages are read with the plain comparison, the same rows.
        var common = all.Where(a => a.UserName.Contains("bulk.user", StringComparison.Ordinal)).ToList();
        Assert.True(common.Count > Application.Common.ProjectSearch.CommonTerm);
        Assert.Equal(Names(common), await AllUserNamesAsync(admin, "/Admin/Users?q=BULK.USER"));

        var descending = await admin.GetAsync("/Admin/Users?sort=username&desc=true");
        Assert.Equal(Enumerable.Reverse(Names(all)).Take(20), UserNames(descending));
    }

    [SkippableFact]
    public async Task Sorted_by_name_the_list_follows_the_real_name_or_else_the_display_name()
    {
        await SeedAsync();
        var all = await LoadAsync();
        var admin = await ReviewKit.SignInAsync(portal, "admin");
        // The database's computed, indexed SortName against the rule worked out here; the user name breaks ties.
        var expected = all.OrderBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.UserName.ToUpperInvariant(), StringComparer.Ordinal)
            .Select(a => a.UserName).ToList();

        Assert.Equal(expected, await AllUserNamesAsync(admin, "/Admin/Users?sort=name"));
        Assert.Equal(Enumerable.Reverse(expected).Take(20), UserNames(await admin.GetAsync("/Admin/Users?sort=name&desc=true")));
    }

    [SkippableFact]
    public async Task The_count_of_a_search_follows_a_new_account_at_once()
    {
        await SeedAsync();
        var admin = await ReviewKit.SignInAsync(portal, "admin");
        var url = $"/Admin/Users?q={Uri.EscapeDataString(SearchedName)}&role=Researcher";
        var before = Total(await admin.GetAsync(url));

        await portal.WithDbAsync(async db =>
        {
            var researcher = await db.Roles.SingleAsync(r => r.Name == Roles.Researcher);
            var user = new AppUser
            {
                UserName = "bulk.user.late", NormalizedUserName = "BULK.USER.LATE", SecurityStamp = Guid.NewGuid().ToString(),
                DisplayName = "后来用户", RealName = $"{SearchedName}后来",
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = researcher.Id });
            await db.SaveChangesAsync();
            return 0;
        });

        // The first count is kept (ListCounts) until something is saved: the new account is counted and listed.
        var after = await admin.GetAsync(url);
        Assert.Equal(before + 1, Total(after));
    }

    [SkippableTheory]
    [InlineData("YANGZHUO")]
    [InlineData("ｙａｎｇＺＨＵＯ")]
    [InlineData("  YangZhuo　")]
    public async Task A_search_ignores_case_width_and_surrounding_spaces_alike_on_every_provider(string typed)
    {
        var admin = await ReviewKit.SignInAsync(portal, "admin");

        var found = await admin.GetAsync($"/Admin/Users?q={Uri.EscapeDataString(typed)}");

        Assert.Equal(["yangzhuo"], UserNames(found));
    }

    [SkippableFact]
    public async Task A_renamed_account_is_found_by_its_new_name_at_once_once_only_and_not_by_the_old()
    {
        await SeedAsync();
        var admin = await ReviewKit.SignInAsync(portal, "admin");
        await portal.WithScopeAsync(async sp =>
        {
            // Identity's store writes every column of the account, as at each sign-in: the index keeps one copy of it.
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var account = await users.FindByNameAsync("bulk.user.007") ?? throw new InvalidOperationException("seeded");
            account.RealName = "司马相如";
            account.DisplayName = "批量用户007（100%）";
            Assert.True((await users.UpdateAsync(account)).Succeeded);
            Assert.True((await users.UpdateSecurityStampAsync(account)).Succeeded);
            account = await users.FindByNameAsync("bulk.user.008") ?? throw new InvalidOperationException("seeded");
            account.UserName = "renamed_100.account";
            Assert.True((await users.UpdateAsync(account)).Succeeded);
            return 0;
        });

        Assert.Equal(["bulk.user.007"], UserNames(await admin.GetAsync($"/Admin/Users?q={Uri.EscapeDataString("司马相如")}")));
        Assert.Equal(["bulk.user.007"], UserNames(await admin.GetAsync($"/Admin/Users?q={Uri.EscapeDataString("批量用户007")}")));
        Assert.Equal(["renamed_100.account"], UserNames(await admin.GetAsync("/Admin/Users?q=renamed")));
        // LIKE's wildcards typed are searched for as themselves.
        Assert.Equal(["renamed_100.account"], UserNames(await admin.GetAsync($"/Admin/Users?q={Uri.EscapeDataString("d_100")}")));
        Assert.Equal(["bulk.user.007"], UserNames(await admin.GetAsync($"/Admin/Users?q={Uri.EscapeDataString("100%")}")));
        Assert.Empty(UserNames(await admin.GetAsync("/Admin/Users?q=bulk.user.008")));
    }

    [SkippableFact]
    public async Task A_search_of_three_characters_or_more_reads_the_accounts_index_not_every_account()
    {
        await SeedAsync();
        var plan = await portal.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var search = sp.GetRequiredService<ITextSearch>();
            var ids = search.Accounts("欧阳卓") ?? throw new InvalidOperationException("an index serves three characters");
            var page = db.Users.Where(u => ids.Contains(u.Id) && u.RealName.ToLower().Contains("欧阳卓"))
                .OrderBy(u => u.NormalizedUserName).Take(20).Select(u => u.UserName);
            return await QueryPlans.ExplainAsync(db, page);
        });
        if (portal.Provider == DatabaseProvider.PostgreSql)
        {
            // pg_trgm's GIN index of a searched column proposes the accounts; none is read whole.
            Assert.Contains(plan, s => System.Text.RegularExpressions.Regex.IsMatch(s, "Bitmap Index Scan on \"IX_AspNetUsers_(UserName|RealName|DisplayName)_trgm\""));
            Assert.DoesNotContain(plan, s => s.Contains("Seq Scan", StringComparison.Ordinal));
            return;
        }
        Assert.Contains(plan, s => s.StartsWith("SCAN AccountsSearch VIRTUAL TABLE INDEX", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, s => System.Text.RegularExpressions.Regex.IsMatch(s, "^SCAN (a\\d*|u\\d*|AspNetUsers)( |$)"));
    }

    private static int Total(Browser.Page page)
    {
        var match = System.Text.RegularExpressions.Regex.Match(page.Text, @"共 (\d+) 条");
        Assert.True(match.Success, "the list shows its total");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> AllUserNamesAsync(Browser browser, string url)
    {
        var names = new List<string>();
        for (var page = 1; page < 50; page++)
        {
            var answer = await browser.GetAsync($"{url}&p={page}");
            var rows = UserNames(answer);
            Assert.True(rows.Count <= 20);
            names.AddRange(rows);
            if (answer.Document.QuerySelector($"nav.list-pager a[aria-label='第 {page + 1} 页']") is null) break;
        }
        return names;
    }

    private static List<string> UserNames(Browser.Page page) =>
        page.Document.QuerySelectorAll("tbody td.project-code").Select(td => td.TextContent.Trim()).ToList();
}
