using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using BaZhouTalent.Application.Audit;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Desk;

/// <summary>单位管理 through the pages: add, rename, move between a county and 市本级 (refused while in review), disable.</summary>
public class UnitsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private Task<int> UnitIdAsync(string name) => portal.WithDbAsync(db => db.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync());

    private Task<string> RegionOfAsync(int unitId) => portal.WithDbAsync(db => db.Units.Where(u => u.Id == unitId).Select(u => u.Region.Name).SingleAsync());

    private static string RegionOption(Browser.Page page, string select, string name) =>
        page.Document.QuerySelectorAll<IHtmlOptionElement>($"select[name='{select}'] option").Single(o => o.Text.Trim() == name).Value;

    [Fact]
    public async Task Admin_adds_renames_and_disables_a_unit_and_each_change_is_audited()
    {
        var admin = await SignInAsync(portal, "admin");
        var page = await admin.GetAsync("/Admin/Units");
        var added = await admin.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Input.Name"] = "巴中市社会科学院", ["Input.RegionId"] = RegionOption(page, "Input.RegionId", "市本级"),
        }, "form[data-form=add-unit]");
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        var id = await UnitIdAsync("巴中市社会科学院");
        Assert.Equal("市本级", await RegionOfAsync(id));

        var duplicate = await admin.SubmitAsync(await admin.GetAsync("/Admin/Units"), new Dictionary<string, string>
        {
            ["Input.Name"] = "巴中市社会科学院", ["Input.RegionId"] = RegionOption(page, "Input.RegionId", "市本级"),
        }, "form[data-form=add-unit]");
        Assert.Equal(HttpStatusCode.OK, duplicate.Status);
        Assert.Contains("单位“巴中市社会科学院”已存在", duplicate.Text);

        var edit = await admin.GetAsync($"/Admin/Units/Edit/{id}");
        var renamed = await admin.SubmitAsync(edit, new Dictionary<string, string> { ["Rename.Name"] = "巴中市社会科学研究院" }, "form[data-form=rename]");
        Assert.Equal(HttpStatusCode.Redirect, renamed.Status);
        Assert.Equal(id, await UnitIdAsync("巴中市社会科学研究院"));

        var list = await admin.GetAsync("/Admin/Units?q=" + Uri.EscapeDataString("社会科学研究院"));
        var row = Assert.Single(list.Document.QuerySelectorAll("tbody tr"));
        var disabled = await admin.SubmitAsync(list, new Dictionary<string, string>(), $"tr[data-unit='{id}'] form");
        Assert.Equal(HttpStatusCode.Redirect, disabled.Status);
        Assert.True(await portal.WithDbAsync(db => db.Units.Where(u => u.Id == id).Select(u => u.IsDisabled).SingleAsync()));
        // A disabled unit is no longer offered when registering a project or creating an account.
        Assert.DoesNotContain("巴中市社会科学研究院", (await admin.GetAsync("/Admin/Projects/Create")).Text);
        Assert.DoesNotContain("巴中市社会科学研究院", (await admin.GetAsync("/Admin/Users/Create")).Text);

        var audit = await DeskKit.StaffAuditAsync(portal);
        Assert.Contains(audit, e => e.Action == nameof(StaffAction.UnitAdded) && e.Note.Contains("巴中市社会科学院") && e.ActorName == "市社科联管理员");
        Assert.Contains(audit, e => e.Action == nameof(StaffAction.UnitRenamed) && e.Note.Contains("巴中市社会科学研究院"));
        Assert.Contains(audit, e => e.Action == nameof(StaffAction.UnitDisabled) && e.Note.Contains("巴中市社会科学研究院"));
        Assert.DoesNotContain(audit, e => e.Note.Contains("已存在"));
    }

    [Fact]
    public async Task A_unit_cannot_be_moved_while_one_of_its_applications_is_in_review_and_can_once_it_is_not()
    {
        await CreateUserAsync(portal, "unit.move", "待调整单位审核人", BaZhouTalent.Application.Security.Roles.UnitReviewer, OrganisationDepartmentBazhou);
        await RegisterProjectAsync(portal, "BZ25YB881", OrganisationDepartmentBazhou);
        await SubmitAsync(portal, "BZ25YB881");
        var id = await UnitIdAsync(OrganisationDepartmentBazhou);
        var admin = await SignInAsync(portal, "admin");

        var edit = await admin.GetAsync($"/Admin/Units/Edit/{id}");
        var cityLevel = RegionOption(edit, "Move.RegionId", "市本级");
        var refused = await admin.SubmitAsync(edit, new Dictionary<string, string> { ["Move.RegionId"] = cityLevel }, "form[data-form=move]");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("BZ25YB881", refused.Document.QuerySelector("[data-testid=move-error]")!.TextContent);
        Assert.Contains("正在审核中", refused.Text);
        Assert.Equal("巴州区", await RegionOfAsync(id));

        // Withdrawn by the researcher: nothing in review any more, so the move goes through.
        var leader = await SignInAsync(portal, "yangzhuo");
        var withdraw = await leader.GetAsync("/Review/Withdraw/BZ25YB881");
        Assert.Equal(HttpStatusCode.Redirect, (await leader.SubmitAsync(withdraw, new Dictionary<string, string>())).Status);
        var moved = await admin.SubmitAsync(await admin.GetAsync($"/Admin/Units/Edit/{id}"),
            new Dictionary<string, string> { ["Move.RegionId"] = cityLevel }, "form[data-form=move]");
        Assert.Equal(HttpStatusCode.Redirect, moved.Status);
        Assert.Equal("市本级", await RegionOfAsync(id));
        Assert.Contains(await DeskKit.StaffAuditAsync(portal), e => e.Action == nameof(StaffAction.UnitMoved) && e.Note.Contains("巴州区 → 市本级"));

        // The route follows: resubmitted and signed by the unit, it goes straight to the city, past the county.
        await SubmitAsync(portal, "BZ25YB881");
        await ActOkAsync(await SignInAsync(portal, "unit.move"), "BZ25YB881", "unit", Opinion());
        Assert.Equal("FederationIntake", (await LoadAsync(portal, "BZ25YB881")).Status.ToString());
        var county = await SignInAsync(portal, "skl.bazhou");
        Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync("/Review/Act/BZ25YB881")).Status);
    }
}
