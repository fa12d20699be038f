using System.Net;
using BaZhouTalent.Application.Security;
using BaZhouTalent.IntegrationTests.Support;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Review;

/// <summary>
/// Every review page and action × every role (plus a foreign unit's reviewer and a foreign county), for an
/// application waiting at the unit and one with the experts. Posts carry the current concurrency stamp and
/// empty fields: an allowed cell answers 200 with the form's validation messages (nothing changes), a
/// refused one 404 (not yours to see) or 403 (yours to see, not to do).
/// </summary>
public class ReviewAuthorizationMatrixTests(ReviewAuthorizationMatrixTests.Fixture fixture) : IClassFixture<ReviewAuthorizationMatrixTests.Fixture>
{
    public const string AtUnit = "BZ25YB961";
    public const string AtExperts = "BZ25YB962";

    public static readonly string[] Users = ["admin", "yangzhuo", "unit.bzdx", "skl.bazhou", "expert.1", "expert.2", "expert.3", "unit.foreign", "skl.pingchang"];

    public class Fixture : PortalFactory, IAsyncLifetime
    {
        public async Task InitializeAsync()
        {
            await CreateUserAsync(this, "unit.foreign", "组织部审核人", Roles.UnitReviewer, OrganisationDepartmentBazhou);
            await CreateUserAsync(this, "skl.pingchang", "平昌县社科联", Roles.CountyFederation, regionName: "平昌县");
            await RegisterProjectAsync(this, AtUnit, PartySchoolBazhou);
            await SubmitAsync(this, AtUnit);
            await RegisterProjectAsync(this, AtExperts, PartySchoolBazhou);
            await SubmitAsync(this, AtExperts);
            await ToExpertReviewAsync(this, AtExperts);
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    /// <summary>The same, with the second factor 市社科联 accounts need as installed (the route table signs in that way).</summary>
    public sealed class SecureFixture : Fixture
    {
        protected override bool RequireTwoFactor => true;
    }

    // Expected status per user, in the order of Users.
    public static TheoryData<string, string, string, int[]> Cells => new()
    {
        // application waiting at the unit
        { AtUnit, "GET", "/Review/Act/{0}", [200, 200, 200, 404, 404, 404, 404, 404, 404] },
        { AtUnit, "GET", "/Review/History/{0}", [200, 200, 200, 404, 404, 404, 404, 404, 404] },
        { AtUnit, "GET", "/Review/Withdraw/{0}", [403, 200, 403, 404, 404, 404, 404, 404, 404] },
        // 自建库查重: whoever the disclosure policy shows any of it (the researcher nothing before a decision)
        { AtUnit, "GET", "/Review/Reuse/{0}", [200, 404, 200, 404, 404, 404, 404, 404, 404] },
        { AtUnit, "POST", "Unit", [403, 403, 200, 404, 404, 404, 404, 404, 404] },
        { AtUnit, "POST", "County", [403, 403, 403, 404, 404, 404, 404, 404, 404] },
        { AtUnit, "POST", "Assign", [403, 403, 403, 404, 404, 404, 404, 404, 404] },
        { AtUnit, "POST", "Appraise", [403, 403, 403, 404, 404, 404, 404, 404, 404] },
        { AtUnit, "POST", "Combine", [403, 403, 403, 404, 404, 404, 404, 404, 404] },
        { AtUnit, "POST", "Decide", [403, 403, 403, 404, 404, 404, 404, 404, 404] },
        { AtUnit, "POST", "Return", [403, 403, 200, 404, 404, 404, 404, 404, 404] },
        // application with the experts (expert.1 chief; nobody has appraised yet)
        { AtExperts, "GET", "/Review/Act/{0}", [200, 200, 200, 200, 200, 200, 200, 404, 404] },
        { AtExperts, "GET", "/Review/History/{0}", [200, 200, 200, 200, 403, 403, 403, 404, 404] },
        { AtExperts, "GET", "/Review/Withdraw/{0}", [403, 403, 403, 403, 403, 403, 403, 404, 404] },
        { AtExperts, "GET", "/Review/Reuse/{0}", [200, 404, 200, 200, 200, 200, 200, 404, 404] },
        { AtExperts, "POST", "Unit", [403, 403, 403, 403, 403, 403, 403, 404, 404] },
        { AtExperts, "POST", "County", [403, 403, 403, 403, 403, 403, 403, 404, 404] },
        { AtExperts, "POST", "Assign", [403, 403, 403, 403, 403, 403, 403, 404, 404] },
        { AtExperts, "POST", "Appraise", [403, 403, 403, 403, 200, 200, 200, 404, 404] },
        { AtExperts, "POST", "Combine", [403, 403, 403, 403, 403, 403, 403, 404, 404] },
        { AtExperts, "POST", "Decide", [403, 403, 403, 403, 403, 403, 403, 404, 404] },
        { AtExperts, "POST", "Return", [403, 403, 403, 403, 200, 403, 403, 404, 404] },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Each_review_page_and_action_allows_or_refuses_each_role(string code, string method, string target, int[] expected)
    {
        var stamp = (await LoadAsync(fixture, code)).ConcurrencyStamp;
        var failures = new List<string>();
        for (var i = 0; i < Users.Length; i++)
        {
            var browser = await SignInAsync(fixture, Users[i]);
            HttpStatusCode status;
            if (method == "GET")
            {
                status = (await browser.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, target, code))).Status;
            }
            else
            {
                var home = await browser.GetAsync("/");
                var token = home.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
                var response = await browser.Client.PostAsync($"/Review/Act/{code}?handler={target}", new FormUrlEncodedContent(
                    new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Stamp"] = stamp.ToString() }));
                status = response.StatusCode;
            }
            if ((int)status != expected[i])
                failures.Add($"{Users[i]}: expected {expected[i]}, got {(int)status}");
        }
        Assert.True(failures.Count == 0, $"{method} {target} on {code}:\n" + string.Join("\n", failures));
        // Nothing in the matrix changed the application.
        Assert.Equal(stamp, (await LoadAsync(fixture, code)).ConcurrencyStamp);
    }
}
