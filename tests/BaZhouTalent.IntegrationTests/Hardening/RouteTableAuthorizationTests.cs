using System.Globalization;
using System.Net;
using BaZhouTalent.IntegrationTests.Review;
using BaZhouTalent.IntegrationTests.Support;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Hardening;

/// <summary>
/// Every route of the portal's route table — each page with each of its handlers (GET and POST, named or
/// not) and every other endpoint — × every role, with the outcome expected. The list of cells is read from
/// the running portal (EndpointDataSource and the compiled pages), so a new page or handler without an
/// expectation here, or in <see cref="ReviewAuthorizationMatrixTests"/> for /Review, fails the test
/// instead of escaping it. Posts carry the user's own antiforgery token and empty fields, so an allowed
/// post answers with its validation page (or its redirect) and nothing changes.
/// </summary>
public class RouteTableAuthorizationTests(ReviewAuthorizationMatrixTests.SecureFixture fixture) : IClassFixture<ReviewAuthorizationMatrixTests.SecureFixture>
{
    private static readonly string[] Users = ReviewAuthorizationMatrixTests.Users;
    private const string Code = ReviewAuthorizationMatrixTests.AtUnit;

    /// <summary>Route values the cells use: the application waiting at the Bazhou party school's unit review.</summary>
    private static readonly Dictionary<string, string> RouteValues = new()
    {
        ["{code}"] = Code, ["{projectCode}"] = Code, ["{document}"] = "a4", ["{userName}"] = "unit.bzdx",
        ["{code?}"] = "", ["{code:int}"] = "404", ["{id?}"] = "", ["{id:int}"] = "1", ["{decision?}"] = "approve",
    };

    // Per user, in the order of ReviewAuthorizationMatrixTests.Users:
    // admin, yangzhuo, unit.bzdx, skl.bazhou, expert.1, expert.2, expert.3, unit.foreign, skl.pingchang.
    // “302>/x” is a redirect to /x (the access-denied page is /Error/403).
    private static readonly Dictionary<string, string[]> Expected = new()
    {
        ["GET /"] = Same("200"),
        ["GET /healthz"] = Same("200"),
        ["GET /Index"] = Same("200"),
        ["GET /Error/{code:int}"] = Same("404"),
        ["GET /verify/{code?}"] = Same("200"),
        ["GET /Account/Login"] = Same("302>/"),
        ["POST /Account/Login"] = Same("200"),
        ["GET /Account/ChangePassword"] = Same("200"),
        ["POST /Account/ChangePassword"] = Same("200"),
        ["POST /Account/Logout"] = Same("302>/Account/Login"),
        ["GET /Projects"] = [Denied, "200", Denied, Denied, Denied, Denied, Denied, Denied, Denied],
        ["POST /Projects?handler=Start"] = [Denied, "404", Denied, Denied, Denied, Denied, Denied, Denied, Denied],
        ["GET /applications/{code}"] = ["200", "200", "200", "404", "404", "404", "404", "404", "404"],
        ["GET /applications/{code}/edit/cover"] = [ToDetails, ToDetails, ToDetails, "404", "404", "404", "404", "404", "404"],
        ["POST /applications/{code}/edit/cover"] = [ToDetails, ToDetails, ToDetails, "404", "404", "404", "404", "404", "404"],
        ["GET /applications/{code}/edit/changes"] = [ToDetails, ToDetails, ToDetails, "404", "404", "404", "404", "404", "404"],
        ["POST /applications/{code}/edit/changes"] = [ToDetails, ToDetails, ToDetails, "404", "404", "404", "404", "404", "404"],
        ["GET /applications/{code}/edit/report"] = [ToDetails, ToDetails, ToDetails, "404", "404", "404", "404", "404", "404"],
        ["POST /applications/{code}/edit/report"] = [ToDetails, ToDetails, ToDetails, "404", "404", "404", "404", "404", "404"],
        ["POST /applications/{code}/edit/report?handler=Import"] = [ToDetails, ToDetails, ToDetails, "404", "404", "404", "404", "404", "404"],
        ["GET /applications/{code}/submit"] = [ToDetails, ToDetails, ToDetails, "404", "404", "404", "404", "404", "404"],
        ["POST /applications/{code}/submit"] = [ToDetails, ToDetails, ToDetails, "404", "404", "404", "404", "404", "404"],
        ["GET /applications/{projectCode}/print/{document}.pdf"] = ["200", "200", "200", "404", "404", "404", "404", "404", "404"],
        ["GET /Admin/Projects"] = Admin("200"),
        ["GET /Admin/Projects/Create"] = Admin("200"),
        ["POST /Admin/Projects/Create"] = Admin("200"),
        ["GET /Admin/Projects/Import"] = Admin("200"),
        ["GET /Admin/Projects/Import?handler=Template"] = Admin("200"),
        ["POST /Admin/Projects/Import"] = Admin("200"),
        ["GET /Admin/Units"] = Admin("200"),
        ["GET /Admin/Users"] = Admin("200"),
        ["POST /Admin/Users?handler=Unlock"] = Admin("404"),
        ["GET /Admin/Dashboard"] = Admin("200"),
        ["GET /Programme"] = Scoped,
        ["GET /Programme?handler=Export"] = Scoped,
        ["GET /Account/Logout"] = Same("200"),
        ["GET /Review/Unit"] = [Denied, Denied, "200", Denied, Denied, Denied, Denied, "200", Denied],
        ["GET /Review/County"] = [Denied, Denied, Denied, "200", Denied, Denied, Denied, Denied, "200"],
        ["GET /Review/Expert"] = [Denied, Denied, Denied, Denied, "200", "200", "200", Denied, Denied],
        ["GET /Review/Federation"] = ["200", Denied, Denied, Denied, Denied, Denied, Denied, Denied, Denied],
        // The stale (empty) stamp is refused first to whoever may see the application: nothing is withdrawn.
        ["POST /Review/Withdraw/{code}"] = ["409", "409", "409", "404", "404", "404", "404", "404", "404"],
        ["GET /Admin/Users/Edit/{userName}"] = Admin("200"),
        ["POST /Admin/Users/Edit/{userName}"] = Admin("200"),
        ["GET /Admin/Units/Edit/{id:int}"] = Admin("200"),
        ["POST /Admin/Units/Edit/{id:int}?handler=Move"] = Admin("422"),
        ["POST /Admin/Units/Edit/{id:int}?handler=Rename"] = Admin("200"),
        ["POST /Admin/Units?handler=Add"] = Admin("200"),
        ["POST /Admin/Units?handler=Disable"] = Admin("404"),
        ["GET /Admin/Experts"] = Admin("200"),
        ["POST /Admin/Experts?handler=Disable"] = Admin("404"),
        ["GET /Admin/Experts/Edit/{id?}"] = Admin("200"),
        ["POST /Admin/Experts/Edit/{id?}"] = Admin("200"),
        ["GET /Admin/Experts/Import"] = Admin("200"),
        ["GET /Admin/Experts/Import?handler=Template"] = Admin("200"),
        ["POST /Admin/Experts/Import"] = Admin("200"),
        ["GET /Admin/Announcements"] = Admin("200"),
        ["GET /Admin/Announcements?handler=Xlsx"] = Admin("200"),
        // The route values' application is at unit review: it has no 结项公示, so the federation finds none (404).
        ["GET /Admin/Announcements/{code}"] = Admin("404"),
        ["POST /Admin/Announcements/{code}?handler=Record"] = Admin("404"),
        ["POST /Admin/Announcements/{code}?handler=Decide"] = Admin("404"),
        ["GET /Admin/Archive"] = Admin("200"),
        ["GET /Admin/Archive?handler=Project"] = Admin("404"),
        ["POST /Admin/Archive?handler=Start"] = Admin("200"),
        ["GET /Admin/Archive?handler=Download"] = Admin("404"),
        ["GET /Admin/Audit"] = Admin("200"),
        ["GET /Admin/Backups"] = Admin("200"),
        // Not concluded: there is no certificate to give anyone.
        ["GET /applications/{projectCode}/certificate.pdf"] = Same("404"),
        ["POST /applications/{code}/edit/report?handler=ConfirmImport"] = [ToDetails, ToDetails, ToDetails, "404", "404", "404", "404", "404", "404"],
        ["POST /applications/{code}/edit/report?handler=Restore"] = [ToDetails, ToDetails, ToDetails, "404", "404", "404", "404", "404", "404"],
        ["GET /applications/{code}/edit/attachments"] = [ToDetails, ToDetails, ToDetails, "404", "404", "404", "404", "404", "404"],
        ["POST /applications/{code}/edit/attachments?handler=Upload"] = [ToDetails, ToDetails, ToDetails, "404", "404", "404", "404", "404", "404"],
        ["POST /applications/{code}/edit/attachments?handler=Delete"] = [ToDetails, ToDetails, ToDetails, "404", "404", "404", "404", "404", "404"],
        // No attachment 1 on this application: nobody gets anything. Who may download a real one is AttachmentTests'.
        ["GET /applications/{code}/attachments/{id:int}"] = Same("404"),
        ["GET /Admin/Users/Create"] = Admin("200"),
        ["POST /Admin/Users/Create"] = Admin("200"),
        ["GET /Admin/Users/ResetPassword/{userName}"] = Admin("200"),
        // 结项方式 is edited like a section: only while the researcher may still change the application.
        ["GET /applications/{code}/edit/exemption"] = [ToDetails, ToDetails, ToDetails, "404", "404", "404", "404", "404", "404"],
        ["POST /applications/{code}/edit/exemption"] = [ToDetails, ToDetails, ToDetails, "404", "404", "404", "404", "404", "404"],
        // The federation's own-page actions: not open at the unit's review (403); a post with a stale stamp is a conflict.
        ["GET /Review/Exemption/{code}"] = ["403", "403", "403", "404", "404", "404", "404", "404", "404"],
        ["POST /Review/Exemption/{code}"] = ["409", "409", "409", "404", "404", "404", "404", "404", "404"],
        ["GET /Review/Defer/{code}"] = ["403", "403", "403", "404", "404", "404", "404", "404", "404"],
        ["POST /Review/Defer/{code}"] = ["409", "409", "409", "404", "404", "404", "404", "404", "404"],
        // 谢绝鉴定 is an assigned expert's, not open at the unit's review (nobody is assigned): 403 to those who see it.
        ["GET /Review/Decline/{code}"] = ["403", "403", "403", "404", "404", "404", "404", "404", "404"],
        ["POST /Review/Decline/{code}"] = ["409", "409", "409", "404", "404", "404", "404", "404", "404"],
        // 一键分配: the federation's; an empty post (no row ticked) answers with its message.
        ["GET /Review/Batch"] = ["200", Denied, Denied, Denied, Denied, Denied, Denied, Denied, Denied],
        ["POST /Review/Batch"] = ["200", Denied, Denied, Denied, Denied, Denied, Denied, Denied, Denied],
        // The project lifecycle (issue 11). The project's file: whoever may see the project; never experts (blind review).
        ["GET /projects/{code}"] = ["200", "200", "200", "200", "404", "404", "404", "404", "404"],
        // Only the leader asks; the application is in review, so the page says why not (and an empty post is invalid).
        ["GET /projects/{code}/extend"] = [Denied, "200", Denied, Denied, Denied, Denied, Denied, Denied, Denied],
        ["POST /projects/{code}/extend"] = [Denied, "200", Denied, Denied, Denied, Denied, Denied, Denied, Denied],
        // 项目变更: the form (with the refusal while the closure is in review) for the leader; empty posts answer with their messages.
        ["GET /projects/{code}/change"] = [Denied, "200", Denied, Denied, Denied, Denied, Denied, Denied, Denied],
        ["POST /projects/{code}/change"] = [Denied, "200", Denied, Denied, Denied, Denied, Denied, Denied, Denied],
        // 更正登记: the federation's page (refused in words while the application is in review).
        ["GET /Admin/Projects/{code}/Correct"] = Admin("200"),
        ["POST /Admin/Projects/{code}/Correct"] = Admin("200"),
        ["GET /projects/{code}/terminate"] = Admin("200"),
        // Only a reviewer of the project's unit asks the federation to terminate it (an empty post is invalid).
        ["GET /projects/{code}/request-termination"] = [Denied, Denied, "200", Denied, Denied, Denied, Denied, "404", Denied],
        ["POST /projects/{code}/request-termination"] = [Denied, Denied, "200", Denied, Denied, Denied, Denied, "404", Denied],
        ["POST /projects/{code}/terminate"] = Admin("200"),
        ["GET /Requests/Unit"] = [Denied, Denied, "200", Denied, Denied, Denied, Denied, "200", Denied],
        ["GET /Requests/Federation"] = Admin("200"),
        // No request 1 exists here; ExtensionTests holds the per-party matrix on a real request.
        ["GET /requests/{id:int}/{decision?}"] = Same("404"),
        ["POST /requests/{id:int}/{decision?}"] = Same("404"),
        ["GET /Admin/Windows"] = Admin("200"),
        ["POST /Admin/Windows?handler=Add"] = Admin("200"),
        ["POST /Admin/Windows?handler=Remove"] = Admin("404"),
        ["POST /Admin/Users/ResetPassword/{userName}"] = Admin("200"),
        // 站内通知: everyone has their own; a notice that is not the user's (here: none posted) answers 404.
        ["GET /Notices"] = Same("200"),
        ["POST /Notices?handler=Open"] = Same("404"),
        ["POST /Notices?handler=Read"] = Same("404"),
        ["POST /Notices?handler=ReadAll"] = Same("302>/Notices"),
        // Account security (issue 21). The code steps belong to a sign-in held after the password: signed in, there is none.
        ["GET /Account/LoginWith2fa"] = Same("302>/Account/Login"),
        ["POST /Account/LoginWith2fa"] = Same("302>/Account/Login"),
        ["GET /Account/LoginWithRecoveryCode"] = Same("302>/Account/Login"),
        ["POST /Account/LoginWithRecoveryCode"] = Same("302>/Account/Login"),
        // Enrolment: by choice for everyone not enrolled; the federation (enrolled at sign-in) is sent to 账户安全.
        ["GET /Account/EnrollAuthenticator"] = [ToSecurity, .. Enumerable.Repeat("200", Users.Length - 1)],
        ["GET /Account/EnrollAuthenticator?handler=Qr"] = ["404", .. Enumerable.Repeat("200", Users.Length - 1)],
        ["POST /Account/EnrollAuthenticator"] = [ToSecurity, .. Enumerable.Repeat("200", Users.Length - 1)],
        // Recovery codes are shown once, right after they are made; otherwise back to 账户安全.
        ["GET /Account/RecoveryCodes"] = Same(ToSecurity),
        ["GET /Account/Security"] = Same("200"),
        ["POST /Account/Security?handler=RecoveryCodes"] = ["302>/Account/RecoveryCodes", .. Enumerable.Repeat(ToSecurity, Users.Length - 1)],
        // The federation's role requires the second factor: it cannot be turned off.
        ["POST /Account/Security?handler=Disable"] = ["403", .. Enumerable.Repeat(ToSecurity, Users.Length - 1)],
        ["GET /Account/Session"] = Same("200"),
        ["GET /Account/Session?handler=KeepAlive"] = Same("204"),
        ["GET /Admin/Audit?handler=Export"] = Admin("200"),
        ["POST /Admin/Audit?handler=Verify"] = Admin("302>/Admin/Audit"),
        // An empty post: the identity check is not ticked, nothing is reset.
        ["GET /Admin/Users/ResetTwoFactor/{userName}"] = Admin("200"),
        ["POST /Admin/Users/ResetTwoFactor/{userName}"] = Admin("200"),
        ["GET /Admin/Users/Role/{userName}"] = Admin("200"),
        ["POST /Admin/Users/Role/{userName}"] = Admin("200"),
        ["POST /Admin/Users?handler=Disable"] = Admin("404"),
        ["POST /Admin/Users?handler=Enable"] = Admin("404"),
    };

    private const string ToSecurity = "302>/Account/Security";

    /// <summary>Who may see the application but not change it now is sent to its read-only page.</summary>
    private const string ToDetails = "302>/applications/" + Code;

    private const string Denied = "302>/Error/403";

    /// <summary>The programme overview: the federation and the reviewers with a scope (units, counties), not researchers or experts.</summary>
    private static string[] Scoped => ["200", Denied, "200", "200", Denied, Denied, Denied, "200", "200"];

    private static string[] Same(string outcome) => Enumerable.Repeat(outcome, Users.Length).ToArray();

    private static string[] Admin(string outcome) => [outcome, .. Enumerable.Repeat(Denied, Users.Length - 1)];

    [Fact]
    public async Task Every_route_of_the_route_table_has_an_expected_outcome_for_every_role()
    {
        var routes = await RouteTableAsync();
        var reviewRoutes = ReviewAuthorizationMatrixTests.Cells.Select(c => (string)c[2]).ToHashSet();

        var missing = routes.Where(r => !Expected.ContainsKey(r) && !IsCoveredByReviewMatrix(r, reviewRoutes)).ToList();
        Assert.True(missing.Count == 0, "routes without an expected outcome:\n" + string.Join("\n", missing));
        var stale = Expected.Keys.Except(routes).ToList();
        Assert.True(stale.Count == 0, "expectations for routes that no longer exist:\n" + string.Join("\n", stale));
    }

    [Fact]
    public async Task Each_role_gets_the_expected_outcome_on_every_route()
    {
        var routes = (await RouteTableAsync()).Where(Expected.ContainsKey).ToList();
        var stamp = (await LoadAsync(fixture, Code)).ConcurrencyStamp;
        var failures = new List<string>();
        var browsers = new Dictionary<string, Browser>();
        foreach (var user in Users)
            browsers[user] = await SignInAsync(fixture, user);

        // Signing out ends the shared browsers' sessions: that row goes last, each user in a fresh browser.
        foreach (var route in routes.OrderBy(r => r == "POST /Account/Logout"))
        {
            for (var i = 0; i < Users.Length; i++)
            {
                var browser = route == "POST /Account/Logout" ? await SignInAsync(fixture, Users[i]) : browsers[Users[i]];
                var actual = await OutcomeAsync(browser, route);
                if (actual != Expected[route][i])
                    failures.Add($"{route} as {Users[i]}: expected {Expected[route][i]}, got {actual}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // Nothing in the matrix changed the application.
        Assert.Equal(stamp, (await LoadAsync(fixture, Code)).ConcurrencyStamp);
    }

    private static bool IsCoveredByReviewMatrix(string route, HashSet<string> reviewRoutes)
    {
        var (method, path) = (route[..route.IndexOf(' ', StringComparison.Ordinal)], route[(route.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        if (!path.StartsWith("/Review/", StringComparison.Ordinal)) return false;
        if (method == "GET") return reviewRoutes.Contains(path.Replace("{code}", "{0}", StringComparison.Ordinal));
        // The review matrix posts every handler of /Review/Act by name.
        var handler = path.Contains("?handler=", StringComparison.Ordinal) ? path[(path.IndexOf('=', StringComparison.Ordinal) + 1)..] : null;
        return path.StartsWith("/Review/Act/{code}", StringComparison.Ordinal) && handler is not null && reviewRoutes.Contains(handler);
    }

    private static async Task<string> OutcomeAsync(Browser browser, string route)
    {
        var response = await RouteTable.RequestAsync(browser, route, RouteValues);
        var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        return response.StatusCode == HttpStatusCode.Redirect
            ? $"{status}>{(response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.AbsolutePath : response.Headers.Location.OriginalString.Split('?')[0])}"
            : status;
    }

    private Task<IReadOnlyList<string>> RouteTableAsync() => RouteTable.ReadAsync(fixture.Services);
}
