using System.Net;
using BaZhouTalent.IntegrationTests.Support;

namespace BaZhouTalent.IntegrationTests.Researcher;

public class AccessTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Base = "/applications/" + Researchers.Code;
    private static readonly string[] Pages = [Base, Base + "/edit/cover", Base + "/edit/changes", Base + "/edit/report", Base + "/submit"];

    [Fact]
    public async Task Another_researcher_gets_404_before_and_after_submission()
    {
        await Researchers.CreateOtherResearcherAsync(portal, "other.researcher");
        var other = await Researchers.SignInAsync(portal, "other.researcher", Researchers.OtherPassword);
        var owner = await Researchers.SignInAsync(portal);
        var ownerCover = await owner.GetAsync(Base + "/edit/cover");

        await AssertAllNotFoundAsync(other);
        // With their own valid antiforgery token, so the answer is the authorization's, not the token check's.
        var projects = await other.GetAsync("/Projects");
        var token = projects.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var before = await Researchers.LoadAsync(portal);
        var start = await other.Client.PostAsync("/Projects?handler=Start&code=" + Researchers.Code,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
        var after = await Researchers.LoadAsync(portal);
        Assert.Equal((before.Id, before.ConcurrencyStamp), (after.Id, after.ConcurrencyStamp));

        // The owner completes and submits the seed's draft; the other researcher still sees nothing.
        await Forms.PostAsync(owner, ownerCover, new Dictionary<string, string?>
        {
            ["Input.Sensitive"] = "false", ["Input.Classified"] = "false", ["Input.DeclarationConfirmed"] = "true", ["next"] = "false",
        });
        var changes = await owner.GetAsync(Base + "/edit/changes");
        await Forms.PostAsync(owner, changes, new Dictionary<string, string?> { ["next"] = "false" });
        var submit = await owner.GetAsync(Base + "/submit");
        Assert.Empty(submit.Document.QuerySelectorAll(".problem-list li"));
        var submitted = await Forms.PostAsync(owner, submit, new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.Redirect, submitted.Status);
        Assert.NotNull((await Researchers.LoadAsync(portal)).SubmittedAt);

        await AssertAllNotFoundAsync(other);
    }

    private async Task AssertAllNotFoundAsync(Browser other)
    {
        foreach (var page in Pages)
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(page)).Status);
        var title = (await Researchers.LoadAsync(portal)).ResultTitle;
        // A real post of their own (their antiforgery token), aimed at someone else's application.
        var ownForm = await other.GetAsync("/Account/ChangePassword");
        var post = await Forms.PostAsync(other, ownForm with { Url = Base + "/edit/changes" },
            new Dictionary<string, string?> { ["Input.ResultTitle"] = "他人篡改" });
        Assert.Equal(HttpStatusCode.NotFound, post.Status);
        Assert.Equal(title, (await Researchers.LoadAsync(portal)).ResultTitle);
    }
}
