using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Desk;

/// <summary>
/// Every page and handler of the federation's desk × every role: the city federation reaches them, everyone else
/// is refused (403 signed in, the sign-in page when not), and a refused post changes nothing.
/// </summary>
public class DeskAuthorizationTests(DeskAuthorizationTests.Fixture portal) : IClassFixture<DeskAuthorizationTests.Fixture>
{
    public static readonly string[] Others = ["yangzhuo", "unit.bzdx", "skl.bazhou", "expert.1"];

    /// <summary>Each user signed in once for the whole class: sign-ins are rate-limited per client.</summary>
    public sealed class Fixture : PortalFactory, IAsyncLifetime
    {
        public Dictionary<string, Browser> Browsers { get; } = [];

        public async Task InitializeAsync()
        {
            foreach (var user in Others.Append("admin"))
                Browsers[user] = await SignInAsync(this, user);
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    public static TheoryData<string> Pages => new()
    {
        "/Admin/Experts", "/Admin/Experts/Edit", "/Admin/Experts/Edit/{expert}", "/Admin/Experts/Import", "/Admin/Experts/Import?handler=Template",
        "/Admin/Units", "/Admin/Units/Edit/{unit}", "/Admin/Audit", "/Admin/Announcements", "/Admin/Announcements?handler=Xlsx",
        "/Admin/Archive", "/Admin/Archive?handler=Download&id=1", "/Admin/Archive?handler=Project&code=BZ25YB027",
    };

    private async Task<string> UrlAsync(string template)
    {
        var unit = await portal.WithDbAsync(db => db.Units.Select(u => u.Id).FirstAsync());
        return template.Replace("{expert}", await UserIdAsync(portal, "expert.2")).Replace("{unit}", unit.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Only_the_city_federation_reaches_the_desk_pages(string template)
    {
        var url = await UrlAsync(template);
        var admin = portal.Browsers["admin"];
        var allowed = await admin.Client.GetAsync(url);
        // The project archive of the reference draft answers 404 with a message: the page was reached, the draft has no
        // archive; likewise a year archive that was never made.
        Assert.Contains(allowed.StatusCode, template.Contains("code=", StringComparison.Ordinal) || template.Contains("id=", StringComparison.Ordinal)
            ? [HttpStatusCode.NotFound] : new[] { HttpStatusCode.OK });

        foreach (var user in Others)
        {
            var browser = portal.Browsers[user];
            var refused = await browser.NavigateAsync(url);
            Assert.True(refused.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{user} {url}: {refused.Status}");
        }
        var anonymous = await new Browser(portal.CreateBrowser()).GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.Status);
        Assert.Contains("/Account/Login", anonymous.RedirectTarget);
    }

    [Fact]
    public async Task A_refused_post_to_the_desk_changes_nothing()
    {
        var unitId = await portal.WithDbAsync(db => db.Units.Where(u => u.Name == PartySchoolCity).Select(u => u.Id).SingleAsync());
        var expertId = await UserIdAsync(portal, "expert.2");
        foreach (var user in Others)
        {
            var browser = portal.Browsers[user];
            var home = await browser.GetAsync("/");
            var token = home.Document.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
            (string Url, Dictionary<string, string> Fields)[] posts =
            [
                ("/Admin/Units?handler=Add", new() { ["Input.Name"] = "越权新增单位", ["Input.RegionId"] = "1" }),
                ($"/Admin/Units?handler=Disable&id={unitId}&disabled=True", new()),
                ($"/Admin/Units/Edit/{unitId}?handler=Rename", new() { ["Rename.Name"] = "越权更名" }),
                ($"/Admin/Units/Edit/{unitId}?handler=Move", new() { ["Move.RegionId"] = "1" }),
                ("/Admin/Experts/Edit", new() { ["Input.UserName"] = "hijack.expert", ["Input.DisplayName"] = "越权", ["Input.WorkUnit"] = "某单位", ["Input.Fields"] = "某领域" }),
                ($"/Admin/Experts?handler=Disable&id={expertId}&disabled=True", new()),
            ];
            foreach (var (url, fields) in posts)
            {
                fields["__RequestVerificationToken"] = token;
                var response = await browser.Client.PostAsync(url, new FormUrlEncodedContent(fields));
                var page = await Browser.Page.ReadAsync(response, url);
                if (page.RedirectTarget is { } next) page = await browser.NavigateAsync(next);
                Assert.True(page.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{user} POST {url}: {page.Status}");
            }
        }

        var unit = await portal.WithDbAsync(db => db.Units.Include(u => u.Region).SingleAsync(u => u.Id == unitId));
        Assert.Equal(PartySchoolCity, unit.Name);
        Assert.Equal("市本级", unit.Region.Name);
        Assert.False(unit.IsDisabled);
        Assert.False(await portal.WithDbAsync(db => db.Units.AnyAsync(u => u.Name == "越权新增单位")));
        Assert.Null(await portal.WithDbAsync(db => db.Users.SingleOrDefaultAsync(u => u.UserName == "hijack.expert")));
        Assert.False(await portal.WithDbAsync(db => db.ExpertProfiles.AnyAsync(p => p.UserId == expertId && p.IsDisabled)));
        Assert.Empty(await DeskKit.StaffAuditAsync(portal));
    }
}
