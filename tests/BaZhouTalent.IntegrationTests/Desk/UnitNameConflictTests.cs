using System.Net;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Desk;

/// <summary>
/// Conflicts of interest do not slip through on spelling: an expert whose 工作单位 is typed without the 中共 prefix is tied
/// to the registered unit, and a free-text unit is matched after normalisation (spaces, full-width forms), so neither is
/// offered nor assignable to an application of that unit.
/// </summary>
public class UnitNameConflictTests(UnitNameConflictTests.Fixture fixture) : IClassFixture<UnitNameConflictTests.Fixture>
{
    public const string AtIntake = "BZ25YB881";

    public sealed class Fixture : PortalFactory, IAsyncLifetime
    {
        public async Task InitializeAsync()
        {
            await RegisterProjectAsync(this, AtIntake, PartySchoolBazhou);
            await WithDbAsync(async db =>
            {
                var application = await db.ClosureApplications.SingleAsync(a => a.Project.Code == AtIntake);
                // A member's unit typed with a full-width space; it is in no register.
                application.CurrentParticipants = [new() { SortOrder = 1, Name = "李亚军", Unit = "巴中市　经济研究所", Title = "讲师" }];
                return await db.SaveChangesAsync();
            });
            await SubmitAsync(this, AtIntake);
            await ToIntakeAsync(this, AtIntake);
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    [Fact]
    public async Task An_expert_of_the_applicants_unit_spelt_otherwise_is_neither_offered_nor_assignable()
    {
        var admin = await SignInAsync(fixture, "admin");
        foreach (var (user, name, unit) in new[] { ("ex.nopfx", "无前缀专家", "巴中市巴州区委党校"), ("ex.free", "研究所专家", "巴中市经济研究所"), ("ex.other", "外单位专家", "西华师范大学") })
        {
            var saved = await admin.SubmitAsync(await admin.GetAsync("/Admin/Experts/Edit"), new Dictionary<string, string>
            {
                ["Input.UserName"] = user, ["Input.DisplayName"] = name, ["Input.WorkUnit"] = unit, ["Input.ProfessionalTitle"] = "教授",
                ["Input.Fields"] = "党的建设", ["Input.Phone"] = "0827-5261234", ["Input.Email"] = "", ["Input.DeclaredConflicts"] = "",
            }, "form[data-form=expert]");
            Assert.True(saved.Status == HttpStatusCode.Redirect, saved.Text);
        }
        // Typed without 中共, the expert is tied to the registered unit by id.
        var unitIds = await fixture.WithDbAsync(async db => (
            Expert: await db.Users.Where(u => u.UserName == "ex.nopfx").Select(u => u.UnitId).SingleAsync(),
            Unit: (int?)await db.Units.Where(u => u.Name == PartySchoolBazhou).Select(u => u.Id).SingleAsync()));
        Assert.Equal(unitIds.Unit, unitIds.Expert);

        var ids = new Dictionary<string, string>();
        foreach (var user in new[] { "ex.nopfx", "ex.free", "ex.other" }) ids[user] = await UserIdAsync(fixture, user);
        var page = await OpenAsync(admin, AtIntake);
        var suggested = page.Document.QuerySelectorAll("[data-testid=expert-suggestions] tbody tr").Select(r => r.GetAttribute("data-expert")).ToList();
        Assert.Contains(ids["ex.other"], suggested);
        Assert.DoesNotContain(ids["ex.nopfx"], suggested);
        Assert.DoesNotContain(ids["ex.free"], suggested);
        var conflicts = page.Document.QuerySelectorAll("[data-testid=expert-conflicts] li").ToDictionary(li => li.GetAttribute("data-expert")!, li => li.TextContent);
        Assert.Contains("同属", conflicts[ids["ex.nopfx"]]);
        Assert.Contains("参与人员李亚军", conflicts[ids["ex.free"]]);

        foreach (var refused in new[] { ids["ex.nopfx"], ids["ex.free"] })
        {
            var answer = await PostFormAsync(admin, page, "assign", new Dictionary<string, string>
            {
                ["Input.ExpertIds[0]"] = ids["ex.other"], ["Input.ExpertIds[1]"] = refused, ["Input.ChiefExpertId"] = ids["ex.other"],
            });
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.Contains("存在利益冲突", answer.Text);
            Assert.Equal("FederationIntake", (await LoadAsync(fixture, AtIntake)).Status.ToString());
        }
    }
}
