using System.Diagnostics;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace BaZhouTalent.IntegrationTests.Hardening;

/// <summary>
/// The sign-in page does not tell a stranger which accounts exist or are locked: an unknown user, a wrong
/// password and a locked account (even with its right password) get the same words. The times are written to
/// the test output for the record, never asserted.
/// </summary>
public class SignInEnumerationTests(PortalFactory portal, ITestOutputHelper output) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Unknown_user_wrong_password_and_locked_account_get_the_same_answer()
    {
        await portal.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = "enum.locked", DisplayName = "enum.locked" };
            Assert.True((await users.CreateAsync(user, "Locked2025")).Succeeded);
            await users.AddToRoleAsync(user, Roles.Researcher);
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddMinutes(15));
        });

        var cases = new (string Case, string UserName, string Password)[]
        {
            ("unknown user", "no.such.person", "Whatever2025"),
            ("wrong password", "yangzhuo", "Whatever2025"),
            ("locked account, right password", "enum.locked", "Locked2025"),
        };
        var answers = new List<string>();
        var pages = new List<string>();
        foreach (var (name, userName, password) in cases)
        {
            var times = new List<double>();
            Browser.Page? page = null;
            for (var i = 0; i < 3; i++) // fewer than the 5 failures that lock an account
            {
                var browser = new Browser(portal.CreateBrowser());
                var login = await browser.GetAsync("/Account/Login");
                var watch = Stopwatch.StartNew();
                page = await browser.SubmitAsync(login, new Dictionary<string, string> { ["Input.UserName"] = userName, ["Input.Password"] = password });
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            Assert.EndsWith("/Account/Login", page!.Url); // refused, still on the sign-in page
            var summary = page.Document.QuerySelector(".validation-summary-errors")?.TextContent.Trim() ?? "";
            Assert.NotEqual("", summary);
            answers.Add(summary);
            pages.Add(page.Text); // the whole visible page (typed values sit in inputs, not in the text)
            times.Sort();
            output.WriteLine($"{name}: median {times[1]:0} ms (min {times[0]:0}, max {times[^1]:0}) for the sign-in POST; answer “{summary}”");
        }

        Assert.Single(answers.Distinct());
        Assert.Single(pages.Distinct());
        Assert.DoesNotContain("已锁定", answers[0]);
        Assert.DoesNotContain("不存在", answers[0]);
    }
}
