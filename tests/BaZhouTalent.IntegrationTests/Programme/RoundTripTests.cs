using System.Net;
using BaZhouTalent.IntegrationTests.Hardening;
using BaZhouTalent.IntegrationTests.Review;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.IntegrationTests.Programme;

/// <summary>
/// What every page sends besides its list: on a server database each statement is a round trip, the cost every page
/// pays (issue 20's load run on PostgreSQL). The data-change stamp is read once however many kept figures the page
/// shows, in the session check's own statement, and a count for a role the user does not hold is not asked at all.
/// </summary>
public class RoundTripTests(FaultyPortal portal) : IClassFixture<FaultyPortal>
{
    [Theory]
    [InlineData("yangzhuo", 0)]     // a researcher waits for no request
    [InlineData("admin", 1)]        // the federation: the requests it approves, not the units'
    [InlineData("unit.bzdx", 1)]    // a unit's reviewer: the requests its unit agrees to, not the federation's
    public async Task The_home_page_reads_the_stamp_once_and_counts_only_the_requests_waiting_for_a_role_the_user_holds(string user, int requestCounts)
    {
        var browser = await ReviewKit.SignInAsync(portal, user);
        // A change saved since: the page's kept figures (its counts) are made afresh, each reading the stamp.
        Assert.Equal(1, await portal.WithDbAsync(db => db.Users.Where(u => u.UserName == "expert.3")
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, u => u.DisplayName + ""))));
        var from = portal.Commands.Invocations.Count;

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).Status);

        var sent = portal.CommandsSince(from);
        // Read with the account by the session check, which every signed-in request makes: no round trip of its own.
        var stampRead = Assert.Single(sent, c => c.Contains("FROM \"DataStamps\"", StringComparison.Ordinal));
        Assert.Contains("\"SecurityStamp\"", stampRead, StringComparison.Ordinal);
        Assert.Equal(requestCounts, sent.Count(c => c.Contains("FROM \"ProjectRequests\"", StringComparison.Ordinal)));
    }
}
