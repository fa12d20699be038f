using System.Net;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Infrastructure.Data;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace BaZhouTalent.IntegrationTests.Printing;

public class PrintEndpointTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string A4 = "/applications/BZ25YB027/print/a4.pdf";

    private async Task<Browser> SignedInAsync(string userName, string password = "Bz2025demo")
    {
        var browser = new Browser(portal.CreateBrowser());
        await browser.SignInAsync(userName, password);
        return browser;
    }

    [Fact]
    public async Task Leader_gets_the_A4_form_inline_with_a_Chinese_file_name()
    {
        var browser = await SignedInAsync("yangzhuo");

        var response = await browser.Client.GetAsync(A4);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("inline", disposition.DispositionType);
        Assert.Equal("BZ25YB027-结项申请书.pdf", Uri.UnescapeDataString(disposition.FileNameStar!.Trim('"')));
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        Assert.All(pdf.GetPages(), page => Assert.Equal((595, 842), ((int)Math.Round(page.Width), (int)Math.Round(page.Height))));
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.Contains("BZ25YB027", text);
        Assert.Contains("巴中市巴州区加快建设人才创新集聚地研究", text);
    }

    [Fact]
    public async Task Booklet_is_A3_landscape_and_the_report_prints_alone()
    {
        var browser = await SignedInAsync("yangzhuo");

        var booklet = await browser.Client.GetByteArrayAsync("/applications/BZ25YB027/print/a3-booklet.pdf");
        var report = await browser.Client.GetByteArrayAsync("/applications/BZ25YB027/print/report.pdf");

        using (var pdf = PdfDocument.Open(booklet))
        {
            Assert.All(pdf.GetPages(), page => Assert.Equal((1191, 842), ((int)Math.Round(page.Width), (int)Math.Round(page.Height))));
            Assert.Equal(0, pdf.NumberOfPages % 2);
        }
        using (var pdf = PdfDocument.Open(report))
        {
            Assert.StartsWith("巴中市巴州区加快建设人才创新集聚地研究", pdf.GetPage(1).Text.Replace(" ", ""));
            Assert.DoesNotContain("填表说明", string.Concat(pdf.GetPages().Select(p => p.Text)));
        }
    }

    [Fact]
    public async Task Nobody_else_sees_a_draft_and_unknown_documents_are_not_found()
    {
        await CreateResearcherAsync("other.researcher");

        Assert.Equal(HttpStatusCode.NotFound, (await (await SignedInAsync("other.researcher", "Other2025pw")).Client.GetAsync(A4)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignedInAsync("unit.bzdx")).Client.GetAsync(A4)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignedInAsync("expert.1")).Client.GetAsync(A4)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignedInAsync("yangzhuo")).Client.GetAsync("/applications/BZ25YB027/print/other.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignedInAsync("yangzhuo")).Client.GetAsync("/applications/BZ99YB999/print/a4.pdf")).StatusCode);
        var anonymous = await portal.CreateBrowser().GetAsync(A4);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/Account/Login", anonymous.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_character_no_font_covers_is_listed_by_field_instead_of_printed_blank()
    {
        var browser = await SignedInAsync("yangzhuo");
        await portal.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var application = await db.ClosureApplications.SingleAsync(a => a.Project.Code == "BZ25YB027");
            application.ResultTitle = "巴州区人才𠀀研究"; // U+20000, CJK Extension B: in no bundled font
            await db.SaveChangesAsync();
        });
        try
        {
            var page = await browser.GetAsync(A4);

            Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
            Assert.Contains("无法生成 PDF", page.Text);
            Assert.Contains("𠀀", page.Text);
            Assert.Contains("U+20000", page.Text);
        }
        finally
        {
            await portal.WithScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<AppDbContext>();
                var application = await db.ClosureApplications.Include(a => a.Project).SingleAsync(a => a.Project.Code == "BZ25YB027");
                application.ResultTitle = application.Project.Title;
                await db.SaveChangesAsync();
            });
        }
    }

    private Task CreateResearcherAsync(string userName) => portal.WithScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(userName) is not null) return;
        var user = new AppUser { UserName = userName, DisplayName = "另一位负责人" };
        Assert.True((await users.CreateAsync(user, "Other2025pw")).Succeeded);
        await users.AddToRoleAsync(user, Roles.Researcher);
    });
}
