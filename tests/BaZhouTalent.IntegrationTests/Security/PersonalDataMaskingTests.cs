using System.IO.Compression;
using System.Net;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Infrastructure.Data;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Security;

/// <summary>
/// 个人信息保护 (issue 21), generated from the route table: every route (page, handler, PDF, export) × every kind of
/// viewer, searched — HTML, JSON, PDF text, every file inside an .xlsx or .zip — for a phone, e-mail address or birth
/// month that viewer gets masked. The policy (docs/blind-review.md): the unit and the county read the applicant's
/// phones masked and the year of birth only, experts nothing; the expert pool's phones and addresses are masked in every
/// list and shown in full only on the expert's own page to the federation; an account's e-mail only on its edit page.
/// </summary>
public class PersonalDataMaskingTests(PersonalDataMaskingTests.Fixture fixture) : IClassFixture<PersonalDataMaskingTests.Fixture>
{
    public const string Code = "BZ25YB971";
    private const string LeaderPhone = "13812345678";
    private const string ParticipantPhone = "13987654321";
    private const string ExpertPhone = "13700001111";
    private const string ExpertEmail = "pool.secret@example.com";
    private const string AccountEmail = "yangzhuo.private@example.com";

    private static readonly string[] ApplicantContact = [LeaderPhone, ParticipantPhone, "1985 年 3 月", "1985.03"];

    private static readonly string[] Viewers = ["admin", "yangzhuo", "unit.bzdx", "skl.bazhou", "expert.1"];

    public sealed class Fixture : SecurePortalFactory, IAsyncLifetime
    {
        public string ExpertId { get; private set; } = "";

        public async Task InitializeAsync()
        {
            await RegisterProjectAsync(this, Code, PartySchoolBazhou, project =>
            {
                project.OriginalLeader = new PersonDetails
                {
                    Name = "杨卓", Gender = "男", Ethnicity = "汉族", BirthYear = 1985, BirthMonth = 3, Unit = PartySchoolBazhou,
                    AdministrativePost = "无", ProfessionalTitle = "讲师", Address = "巴中市巴州区", Phone = LeaderPhone,
                };
                project.OriginalParticipants = [new Participant { SortOrder = 1, Name = "李亚军", Unit = PartySchoolBazhou, Title = "讲师", Phone = ParticipantPhone }];
            });
            await SubmitAsync(this, Code);
            // Signed by the unit: at the county, where the unit, the county and the federation all see it.
            await ActOkAsync(await SignInAsync(this, "unit.bzdx"), Code, "unit", Opinion(text: "经审核，同意报送。"));
            await WithScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<AppDbContext>();
                var expert = await db.Users.SingleAsync(u => u.UserName == "expert.1");
                ExpertId = expert.Id;
                var profile = await db.ExpertProfiles.SingleOrDefaultAsync(p => p.UserId == expert.Id);
                if (profile is null) db.ExpertProfiles.Add(profile = new ExpertProfile { UserId = expert.Id });
                profile.Phone = ExpertPhone;
                profile.Email = ExpertEmail;
                await db.SaveChangesAsync();
                var users = sp.GetRequiredService<UserManager<AppUser>>();
                var researcher = (await users.FindByNameAsync("yangzhuo"))!;
                researcher.Email = AccountEmail;
                await users.UpdateAsync(researcher);
            });
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    [Fact]
    public async Task Masked_fields_never_appear_in_full_to_the_viewers_who_get_them_masked()
    {
        var values = new Dictionary<string, string>
        {
            ["{code}"] = Code, ["{projectCode}"] = Code, ["{document}"] = "a4", ["{userName}"] = "yangzhuo",
            ["{code?}"] = Code, ["{code:int}"] = "404", ["{id?}"] = fixture.ExpertId, ["{id:int}"] = "1", ["{decision?}"] = "approve",
        };
        var routes = (await RouteTable.ReadAsync(fixture.Services)).Where(r => r != "POST /Account/Logout").ToList();
        var failures = new List<string>();
        var answered = 0;
        foreach (var viewer in Viewers)
        {
            var browser = await SignInAsync(fixture, viewer);
            foreach (var route in routes)
            {
                var text = Flat(await ReadableTextAsync(await RouteTable.RequestAsync(browser, route, values)));
                if (text.Length > 0) answered++;
                foreach (var value in Masked(viewer, route).Where(v => text.Contains(Flat(v), StringComparison.Ordinal)))
                    failures.Add($"{route} as {viewer}: {value}");
            }
        }
        Assert.True(failures.Count == 0, "shown in full:\n" + string.Join("\n", failures));
        Assert.True(answered > Viewers.Length * 40, $"only {answered} answers had a body");
    }

    [Fact]
    public async Task The_viewers_who_need_them_see_them_and_the_others_see_them_masked()
    {
        var admin = await SignInAsync(fixture, "admin");
        Assert.Contains(LeaderPhone, (await admin.GetAsync($"/applications/{Code}")).Text);
        Assert.Contains(ExpertPhone, (await admin.GetAsync($"/Admin/Experts/Edit/{fixture.ExpertId}")).Html);
        var pool = (await admin.GetAsync("/Admin/Experts")).Text;
        Assert.Contains("137****1111", pool);
        Assert.Contains("p***@example.com", pool);
        Assert.Contains(AccountEmail, (await admin.GetAsync("/Admin/Users/Edit/yangzhuo")).Html);
        Assert.Contains(LeaderPhone, (await (await SignInAsync(fixture, "yangzhuo")).GetAsync($"/applications/{Code}")).Text);

        foreach (var reviewer in new[] { "unit.bzdx", "skl.bazhou" })
        {
            var browser = await SignInAsync(fixture, reviewer);
            var page = Flat((await browser.GetAsync($"/Review/Act/{Code}")).Text);
            Assert.Contains("138****5678", page);
            Assert.Contains("139****4321", page);
            Assert.Contains(Flat("1985 年 ** 月"), page);
            var pdf = await browser.Client.GetAsync($"/applications/{Code}/print/a4.pdf");
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.Contains("138****5678", PdfText(await pdf.Content.ReadAsByteArrayAsync()));
        }
    }

    /// <summary>What <paramref name="viewer"/> must not read in full on <paramref name="route"/>.</summary>
    private static IEnumerable<string> Masked(string viewer, string route)
    {
        var path = route[(route.IndexOf(' ', StringComparison.Ordinal) + 1)..];
        if (viewer is "unit.bzdx" or "skl.bazhou" or "expert.1")
            foreach (var value in ApplicantContact) yield return value;
        if (!(viewer == "admin" && path == "/Admin/Experts/Edit/{id?}"))
        {
            yield return ExpertPhone;
            yield return ExpertEmail;
        }
        if (!(viewer == "admin" && path == "/Admin/Users/Edit/{userName}"))
            yield return AccountEmail;
    }

    /// <summary>The text of an answer whatever it is: a page, JSON, a PDF, or each text and PDF file inside an .xlsx or .zip.</summary>
    private static async Task<string> ReadableTextAsync(HttpResponseMessage response)
    {
        var type = response.Content.Headers.ContentType?.MediaType ?? "";
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (type == "application/pdf") return PdfText(bytes);
        if (type.Contains("zip", StringComparison.Ordinal) || type.Contains("spreadsheetml", StringComparison.Ordinal))
        {
            using var archive = new ZipArchive(new MemoryStream(bytes));
            return string.Concat(archive.Entries.Select(entry =>
            {
                using var content = new MemoryStream();
                entry.Open().CopyTo(content);
                return entry.FullName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)
                    ? PdfText(content.ToArray())
                    : System.Text.Encoding.UTF8.GetString(content.ToArray());
            }));
        }
        return type.StartsWith("image/", StringComparison.Ordinal) ? "" : System.Text.Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Without spaces, as PDF text comes out and however a page spaces “1985 年 3 月”.</summary>
    private static string Flat(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
