using System.Net;
using System.Text.RegularExpressions;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.IntegrationTests.Researcher;
using BaZhouTalent.IntegrationTests.Support;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Review;

/// <summary>
/// Two projects whose researcher replaced the leader's phone, added a participant and changed a participant's
/// unit through the real change page, attached a blind-safe 成果简介 and a named award certificate (both uploaded
/// under file names that name the leader and the unit), then went through the real review forms: one is frozen during 专家鉴定
/// (one of three experts has appraised), the other is concluded. Built once for the whole class.
/// </summary>
public sealed class BlindReviewScenario : IAsyncLifetime
{
    public const string During = "BZ25YB961";
    public const string After = "BZ25YB962";

    /// <summary>Another researcher's earlier project whose report both applications reuse in part (自建库查重).</summary>
    public const string ReuseSource = "BZ24YB960";

    /// <summary>What identifies the reused report's project: only the federation may learn it.</summary>
    public static readonly string[] SourceIdentity = [ReuseSource, "巴中市红色旅游资源开发利用研究", "周明远"];

    public PortalFactory Portal { get; } = new();

    /// <summary>Everything that identifies the applicant: the leader (old and new phone), the participants (old, new,
    /// changed unit), the units, the county, and the people who signed 二 and 三. Spaces are removed before searching.</summary>
    public static readonly string[] ApplicantIdentity =
    [
        "杨卓", "土家族", "1983年", "常务副校长", "副教授", "江北大道", "15283330001", "13812345678",
        "唐华林", "19983661986", "高级经济师", "李亚军", "18729767393",
        "王晓燕", "13600001234", "巴中市恩阳区教育局", "巴中市平昌县文化馆",
        PartySchoolBazhou, OrganisationDepartmentBazhou, "巴州区", "王主任",
    ];

    /// <summary>The experts by account: expert.1 is the chief.</summary>
    public static readonly Dictionary<string, string> ExpertNames = new()
    {
        ["expert.1"] = "张立新", ["expert.2"] = "刘芳", ["expert.3"] = "陈志强",
    };

    /// <summary>The reports are the work, which experts read: they carry no word the test searches for (the seed's
    /// report names 巴州区 throughout).</summary>
    private static string Scrub(string text) => ApplicantIdentity.Aggregate(text.Replace("巴州", "某地", StringComparison.Ordinal),
        (t, word) => t.Replace(word, "某某", StringComparison.Ordinal));

    public async Task InitializeAsync()
    {
        await CreateUserAsync(Portal, "zhoumingyuan", "周明远", Roles.Researcher);
        var sourceLeader = await UserIdAsync(Portal, "zhoumingyuan");
        await RegisterProjectAsync(Portal, ReuseSource, PartySchoolCity, Reuse.ReuseKit.Complete("周明远", project =>
        {
            project.Year = 2024;
            project.Title = "巴中市红色旅游资源开发利用研究";
            project.LeaderUserId = sourceLeader;
        }), Scrub(Reuse.ReuseKit.SourceReport));
        await Notices.NoticeKit.SubmitThroughPageAsync(Portal, ReuseSource, await SignInAsync(Portal, "zhoumingyuan"));
        await Reuse.ReuseKit.RunChecksAsync(Portal);

        foreach (var code in new[] { During, After })
        {
            await RegisterAsync(code);
            await ChangeAndSubmitAsync(code);
            await Reuse.ReuseKit.RunChecksAsync(Portal);
            await ActOkAsync(await SignInAsync(Portal, "unit.bzdx"), code, "unit", Opinion(text: "经审核，杨卓同志的成果无政治导向问题，同意报送。"));
            await ActOkAsync(await SignInAsync(Portal, "skl.bazhou"), code, "county",
                new Dictionary<string, string>(Opinion(text: "巴州区社科联同意结项。")) { ["Input.PersonInCharge"] = "王主任" });
            await ActOkAsync(await SignInAsync(Portal, "admin"), code, "assign", await ExpertsAsync(Portal, "expert.1", "expert.1", "expert.2", "expert.3"));
            await ActOkAsync(await SignInAsync(Portal, "expert.2"), code, "appraise", Opinion(text: "独立意见：论证扎实。", grade: "Excellent"));
        }

        await ActOkAsync(await SignInAsync(Portal, "expert.3"), After, "appraise", Opinion(text: "基本达到要求。", grade: "Pass"));
        var chief = await SignInAsync(Portal, "expert.1");
        await ActOkAsync(chief, After, "appraise", Opinion(text: "质量较好。", grade: "Good"));
        await ActOkAsync(chief, After, "combine", Opinion(text: "综合三位专家意见，同意结项。", grade: "Good"));
        await ActOkAsync(await SignInAsync(Portal, "admin"), After, "decide",
            new Dictionary<string, string> { ["Input.Approve"] = "true", ["Input.Opinion"] = "同意结项。" });

        Assert.Equal(ApplicationStatus.ExpertReview, (await LoadAsync(Portal, During)).Status);
        Assert.Equal(ApplicationStatus.Concluded, (await LoadAsync(Portal, After)).Status);
    }

    public Task DisposeAsync()
    {
        Portal.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The register's record (原) with every identifying field filled, as the federation keeps it.</summary>
    /// <summary>The report of <paramref name="code"/>: an essay reusing passages of the source's, scrubbed of names.</summary>
    public static string Report(string code) => Reuse.ReuseKit.Reusing(code == During ? 961 : 962, Scrub);

    private Task RegisterAsync(string code) => RegisterProjectAsync(Portal, code, PartySchoolBazhou, report: Report(code), describe: project =>
    {
        project.OriginalLeader = new PersonDetails
        {
            Name = "杨卓", Gender = "女", Ethnicity = "土家族", BirthYear = 1983, BirthMonth = 6, Unit = PartySchoolBazhou,
            AdministrativePost = "常务副校长", ProfessionalTitle = "副教授", Address = "巴中市江北大道东段88号", Phone = "15283330001",
        };
        project.OriginalParticipants =
        [
            new Participant { SortOrder = 1, Name = "唐华林", Unit = PartySchoolBazhou, Title = "高级经济师", Phone = "19983661986" },
            new Participant { SortOrder = 2, Name = "李亚军", Unit = OrganisationDepartmentBazhou, Title = "股长", Phone = "18729767393" },
        ];
    });

    /// <summary>The researcher replaces the leader's phone, moves 李亚军 to another unit and adds 王晓燕, then submits: all through the pages.</summary>
    private async Task ChangeAndSubmitAsync(string code)
    {
        var researcher = await SignInAsync(Portal, "yangzhuo");
        var changes = await researcher.GetAsync($"/applications/{code}/edit/changes");
        Assert.Equal(HttpStatusCode.OK, changes.Status);
        var saved = await Forms.PostAsync(researcher, changes, new Dictionary<string, string?>
        {
            ["Input.Leader.Phone"] = "13812345678",
            ["Input.Participants[1].Unit"] = "巴中市平昌县文化馆",
            ["Input.Participants[2].Name"] = "王晓燕", ["Input.Participants[2].Unit"] = "巴中市恩阳区教育局",
            ["Input.Participants[2].Title"] = "讲师", ["Input.Participants[2].Phone"] = "13600001234",
            ["next"] = "false",
        });
        Assert.True(saved.Status == HttpStatusCode.Redirect, $"changes of {code}: {saved.Status}\n{saved.Text}");
        await AttachmentTests.UploadOkAsync(researcher, code, AttachmentKind.Summary, true, "杨卓-成果简介.pdf", AttachmentTests.Pdf(code + "summary"));
        await AttachmentTests.UploadOkAsync(researcher, code, AttachmentKind.ExemptionEvidence, false,
            $"杨卓-{PartySchoolBazhou}-获奖证书.png", AttachmentTests.Png(code + "award"));

        await Notices.NoticeKit.SubmitThroughPageAsync(Portal, code, researcher);
    }
}

/// <summary>
/// The blind-review policy (docs/blind-review.md) against every output × every viewer kind: no output an expert
/// can reach names the applicant (HTML, PDF text, and every /verify link or printed code the expert can see,
/// followed), and no output a researcher, unit or county can reach names an expert — during appraisal and after.
/// </summary>
public class BlindReviewTests(BlindReviewScenario scenario) : IClassFixture<BlindReviewScenario>
{
    private static readonly string[] Viewers = ["expert", "chief", "researcher", "unit", "county", "federation"];
    private static readonly string[] Outputs = ["review", "details", "history", "queue", "list", "a4", "a3", "report", "project", "verify", "reuse"];

    private static readonly Dictionary<string, string> Accounts = new()
    {
        ["expert"] = "expert.2", ["chief"] = "expert.1", ["researcher"] = "yangzhuo",
        ["unit"] = "unit.bzdx", ["county"] = "skl.bazhou", ["federation"] = "admin",
    };

    private static readonly Dictionary<string, string> Lists = new()
    {
        ["expert"] = "/Review/Expert", ["chief"] = "/Review/Expert", ["researcher"] = "/Projects",
        ["unit"] = "/Review/Unit", ["county"] = "/Review/County", ["federation"] = "/Review/Federation",
    };

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var stage in new[] { "during", "after" })
        {
            foreach (var viewer in Viewers)
            {
                foreach (var output in Outputs)
                    data.Add(stage, viewer, output);
            }
            data.Add(stage, "anonymous", "verify");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task No_output_discloses_more_than_the_policy_allows(string stage, string viewer, string output)
    {
        var code = stage == "during" ? BlindReviewScenario.During : BlindReviewScenario.After;
        var texts = await ReadAsync(viewer, output, code);
        var blind = viewer is "expert" or "chief";

        var forbidden = new List<string>();
        if (blind || (viewer == "anonymous" && stage == "during"))
            forbidden.AddRange(BlindReviewScenario.ApplicantIdentity);
        // Expert names: only the federation; each expert only themself.
        forbidden.AddRange(BlindReviewScenario.ExpertNames
            .Where(e => viewer != "federation" && !(blind && Accounts[viewer] == e.Key))
            .Select(e => e.Value));
        // 自建库查重: which report was reused is the federation's alone.
        if (viewer != "federation")
            forbidden.AddRange(BlindReviewScenario.SourceIdentity);

        foreach (var (source, text) in texts)
        {
            foreach (var word in forbidden)
                Assert.False(text.Contains(word, StringComparison.Ordinal), $"{viewer} sees “{word}” in {source} ({stage})");
            // One word for the code on every page: 核验码, never 验证码 (read as a captcha).
            if (!source.EndsWith(".pdf", StringComparison.Ordinal))
                Assert.DoesNotContain("验证码", text);
        }

        // Not vacuous: the federation sees names, and experts see the marker where the names were.
        if (viewer == "federation" && output == "review")
        {
            var page = Assert.Single(texts).Value;
            Assert.Contains("杨卓", page);
            Assert.Contains("张立新", page);
            Assert.Contains(PartySchoolBazhou, page);
        }
        if (output is "a3" or "report" or "queue" or "list")
            await AssertReadAsync(stage, viewer, output, texts);
        // 自建库查重: the federation reads the source; experts the share and the passages (marked), nothing of the source.
        if (output == "reuse" && viewer == "federation")
            Assert.Contains(BlindReviewScenario.ReuseSource, Assert.Single(texts).Value);
        if (output == "reuse" && blind)
        {
            var page = await (await SignInAsync(scenario.Portal, Accounts[viewer])).GetAsync($"/Review/Reuse/{code}");
            Assert.NotEmpty(page.Document.QuerySelectorAll("[data-testid=reuse-report] mark"));
            Assert.Matches(@"\d+\.\d%", page.Document.QuerySelector("[data-testid=reuse-share]")!.TextContent);
        }
        if (blind && output is "review" or "details" or "a4")
        {
            var text = Assert.Single(texts).Value;
            Assert.Contains(BlindReview.HiddenText, text);
            // 变更的内容 says which fields changed, not their values.
            Assert.Contains("参与人员：新增1人", text);
            Assert.Contains("联系电话有变更", text);
        }
    }

    /// <summary>Experts list and download only the blind-safe attachment, under a neutral name; its neighbour's address answers 404.</summary>
    [Theory]
    [InlineData("during", "expert")]
    [InlineData("during", "chief")]
    [InlineData("after", "expert")]
    [InlineData("after", "chief")]
    [InlineData("during", "researcher")]
    [InlineData("during", "unit")]
    [InlineData("during", "county")]
    [InlineData("after", "federation")]
    public async Task Experts_see_and_download_only_the_blind_safe_attachment(string stage, string viewer)
    {
        var code = stage == "during" ? BlindReviewScenario.During : BlindReviewScenario.After;
        var files = (await LoadAsync(scenario.Portal, code)).Attachments;
        var safe = files.Single(f => f.BlindSafe);
        var named = files.Single(f => !f.BlindSafe);
        var blind = viewer is "expert" or "chief";
        var browser = await SignInAsync(scenario.Portal, Accounts[viewer]);

        foreach (var page in new[] { $"/applications/{code}", $"/Review/Act/{code}" })
        {
            var read = await browser.GetAsync(page);
            // Experts appraise on the review page; the others' access to it is the review matrix's concern.
            if (blind) Assert.Equal(HttpStatusCode.OK, read.Status);
            else if (read.Status != HttpStatusCode.OK) continue;
            var links = read.Links.Where(l => l.StartsWith($"/applications/{code}/attachments/", StringComparison.Ordinal)).Distinct().ToList();
            Assert.Equal(blind ? [$"/applications/{code}/attachments/{safe.Id}"] : new[] { safe.Id, named.Id }.Select(id => $"/applications/{code}/attachments/{id}").ToList(), links);
            Assert.Contains(blind ? "成果简介-1.pdf" : "杨卓-成果简介.pdf", read.Text);
        }

        var download = await browser.Client.GetAsync($"/applications/{code}/attachments/{safe.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(blind ? "成果简介-1.pdf" : safe.FileName, download.Content.Headers.ContentDisposition!.FileNameStar);
        var other = await browser.Client.GetAsync($"/applications/{code}/attachments/{named.Id}");
        Assert.Equal(blind ? HttpStatusCode.NotFound : HttpStatusCode.OK, other.StatusCode);
        if (blind) Assert.DoesNotContain("杨卓", await other.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("researcher")]
    [InlineData("unit")]
    [InlineData("county")]
    public async Task During_appraisal_the_researcher_unit_and_county_see_only_that_the_experts_have_it(string viewer)
    {
        var browser = await SignInAsync(scenario.Portal, Accounts[viewer]);
        var details = await browser.GetAsync($"/applications/{BlindReviewScenario.During}");
        Assert.Contains("专家鉴定中", details.Document.QuerySelector(".details-status")!.TextContent);
        var actions = details.Document.QuerySelectorAll(".history-list .status-badge").Select(e => e.TextContent.Trim()).ToList();
        Assert.Contains("受理并分配鉴定专家", actions);
        Assert.DoesNotContain("专家鉴定", actions);
        var history = await browser.GetAsync($"/Review/History/{BlindReviewScenario.During}");
        Assert.Equal(HttpStatusCode.OK, history.Status);
        Assert.DoesNotContain("专家鉴定", history.Document.QuerySelectorAll("[data-testid=timeline] strong").Select(e => e.TextContent.Trim()));
    }

    [Fact]
    public async Task The_certificate_number_shows_on_verify_for_the_federation_sign_off_and_on_the_application_page()
    {
        var done = await LoadAsync(scenario.Portal, BlindReviewScenario.After);
        Assert.Matches(@"^巴社科结〔\d{4}〕\d{3}号$", done.CertificateNumber!);
        var federation = done.Opinions.Single(o => o.Round == done.Round && o.Stage == ReviewStage.Federation);

        var verify = await new Browser(scenario.Portal.CreateBrowser()).GetAsync($"/verify/{federation.VerificationCode}");
        Assert.Equal(HttpStatusCode.OK, verify.Status);
        Assert.Equal(done.CertificateNumber, verify.Document.QuerySelector("[data-testid=certificate]")?.TextContent.Trim());
        var unit = done.Opinions.Single(o => o.Round == done.Round && o.Stage == ReviewStage.Unit);
        Assert.Null((await new Browser(scenario.Portal.CreateBrowser()).GetAsync($"/verify/{unit.VerificationCode}"))
            .Document.QuerySelector("[data-testid=certificate]"));

        var page = await (await SignInAsync(scenario.Portal, "yangzhuo")).GetAsync($"/applications/{BlindReviewScenario.After}");
        var field = page.Document.QuerySelector("[data-testid=certificate]")!;
        Assert.Contains("结项证书编号", field.TextContent);
        Assert.Contains(done.CertificateNumber!, field.TextContent);
    }

    [Fact]
    public async Task Verify_names_the_unit_only_after_the_appraisal_and_never_an_expert()
    {
        var anonymous = new Browser(scenario.Portal.CreateBrowser());
        foreach (var code in new[] { BlindReviewScenario.During, BlindReviewScenario.After })
        {
            var application = await LoadAsync(scenario.Portal, code);
            var unit = application.Opinions.Single(o => o.Stage == ReviewStage.Unit);
            var page = await anonymous.GetAsync($"/verify/{unit.VerificationCode}");
            Assert.Contains("该签署真实有效", page.Text);
            Assert.Contains(unit.ContentFingerprint, page.Text);
            if (code == BlindReviewScenario.During)
                Assert.DoesNotContain(PartySchoolBazhou, page.Text);
            else
                Assert.Contains(PartySchoolBazhou, page.Text);
        }
    }

    [Theory]
    [InlineData("/Review/Expert")]
    [InlineData("/")]
    public async Task An_experts_lists_cannot_be_searched_or_sorted_by_who_or_where_the_applicant_is(string list)
    {
        // The chief has not appraised BZ25YB961 yet, so it waits in both of their lists.
        var chief = await SignInAsync(scenario.Portal, "expert.1");
        var search = list == "/" ? "/Review/Expert" : list;
        Assert.Contains(BlindReviewScenario.During, (await chief.GetAsync($"{search}?q={BlindReviewScenario.During}")).Text);
        Assert.Contains(BlindReviewScenario.During, (await chief.GetAsync(list)).Text);

        foreach (var word in new[] { "杨卓", PartySchoolBazhou, "巴州区" })
            Assert.DoesNotContain(BlindReviewScenario.During, (await chief.GetAsync($"{search}?q={Uri.EscapeDataString(word)}")).Text);
        foreach (var url in new[] { $"{list}?sort=leader", $"{list}?sort=unit&desc=true", "/?group=expert" })
        {
            var text = Squeeze((await chief.GetAsync(url)).Text);
            foreach (var word in BlindReviewScenario.ApplicantIdentity)
                Assert.False(text.Contains(word, StringComparison.Ordinal), $"the chief sees “{word}” in {url}");
        }
    }

    /// <summary>
    /// Not vacuous: the reader of <paramref name="output"/> read it. The printed booklet names the applicant to whom
    /// the policy allows it and shows experts the marker where the names were; the report alone names no one, so its
    /// own text stands in; the queues and lists of the reviewers no longer hold the application at every stage, so the
    /// same reader is run where the name is allowed and present (the researcher's own queue and list) and must find it.
    /// </summary>
    private async Task AssertReadAsync(string stage, string viewer, string output, Dictionary<string, string> texts)
    {
        var code = stage == "during" ? BlindReviewScenario.During : BlindReviewScenario.After;
        var read = string.Concat(texts.Values);
        var blind = viewer is "expert" or "chief";
        switch (output)
        {
            case "a3":
                Assert.Contains(code, read);
                Assert.Contains(blind ? BlindReview.HiddenText : "杨卓", read);
                break;
            case "report":
                Assert.Contains(ReportPhrase(code), read);
                break;
            default:
                var control = viewer == "researcher" ? read : string.Concat((await ReadAsync("researcher", output, code)).Values);
                Assert.True(control.Contains("杨卓", StringComparison.Ordinal), $"the {output} reader finds no name where it is allowed: {control}");
                break;
        }
    }

    /// <summary>The opening of the scenario's report (its heading and first words), which names no one, spaces removed as the reader removes them.</summary>
    private static string ReportPhrase(string code) =>
        new(BlindReviewScenario.Report(code).Where(c => !char.IsWhiteSpace(c)).Take(16).ToArray());

    /// <summary>What <paramref name="viewer"/> reads in <paramref name="output"/>, by source, with spaces removed.</summary>
    private async Task<Dictionary<string, string>> ReadAsync(string viewer, string output, string code)
    {
        var texts = new Dictionary<string, string>();
        if (viewer == "anonymous")
        {
            // Whoever holds any printed copy: every code of the application.
            var application = await LoadAsync(scenario.Portal, code);
            var browser = new Browser(scenario.Portal.CreateBrowser());
            foreach (var opinion in application.Opinions)
                texts[$"/verify/{opinion.VerificationCode}"] = await VerifyTextAsync(browser, opinion.VerificationCode);
            Assert.NotEmpty(texts);
            return texts;
        }

        var signedIn = await SignInAsync(scenario.Portal, Accounts[viewer]);
        var urls = new Dictionary<string, string>
        {
            ["review"] = $"/Review/Act/{code}",
            ["details"] = $"/applications/{code}",
            ["history"] = $"/Review/History/{code}",
            ["queue"] = "/",
            ["list"] = Lists[viewer],
            ["a4"] = $"/applications/{code}/print/a4.pdf",
            ["a3"] = $"/applications/{code}/print/a3-booklet.pdf",
            ["report"] = $"/applications/{code}/print/report.pdf",
            // The project's file (dates, requests, termination) names the leader: experts get no such page.
            ["project"] = $"/projects/{code}",
            ["reuse"] = $"/Review/Reuse/{code}",
        };
        if (output != "verify")
        {
            texts[urls[output]] = await FetchAsync(signedIn, viewer, output, urls[output]);
            return texts;
        }

        // Every /verify link on the viewer's pages and every code printed on the viewer's PDFs, followed.
        var codes = new HashSet<string>();
        foreach (var (kind, url) in urls)
        {
            var text = await FetchAsync(signedIn, viewer, kind, url);
            if (kind is "a4" or "a3" or "report")
            {
                foreach (var opinion in (await LoadAsync(scenario.Portal, code)).Opinions.Where(o => text.Contains(o.VerificationCode, StringComparison.Ordinal)))
                    codes.Add(opinion.VerificationCode);
            }
            else
            {
                var page = await signedIn.GetAsync(url);
                foreach (var link in page.Links.Where(l => l.StartsWith("/verify/", StringComparison.Ordinal)))
                    codes.Add(link["/verify/".Length..]);
            }
        }
        // Everyone sees some code, except the chief before appraising: 二 and 三 are hidden, and the others' appraisals too.
        if (!(viewer == "chief" && code == BlindReviewScenario.During))
            Assert.NotEmpty(codes);
        foreach (var verificationCode in codes)
            texts[$"/verify/{verificationCode}"] = await VerifyTextAsync(signedIn, verificationCode);
        return texts;
    }

    /// <summary>One output as its viewer reads it (a page's text, a PDF's), checked to answer as it should; the demo programme's test reads with it too.</summary>
    internal static async Task<string> FetchAsync(Browser browser, string viewer, string output, string url)
    {
        var response = await browser.Client.GetAsync(url);
        // Experts have no history page (its round diffs show identifying fields); everything else answers.
        var expected = output == "history" && viewer is "expert" or "chief" ? HttpStatusCode.Forbidden
            : output == "project" && viewer is "expert" or "chief" ? HttpStatusCode.NotFound
            // The researcher learns nothing of 自建库查重 before the federation's decision.
            : output == "reuse" && viewer == "researcher" && url.Contains(BlindReviewScenario.During, StringComparison.Ordinal) ? HttpStatusCode.NotFound
            : HttpStatusCode.OK;
        Assert.True(response.StatusCode == expected, $"{viewer} {url}: {response.StatusCode}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (url.EndsWith(".pdf", StringComparison.Ordinal))
            return PdfText(bytes);
        var page = await Browser.Page.ReadAsync(new HttpResponseMessage(response.StatusCode) { Content = new ByteArrayContent(bytes) }, url);
        return Squeeze(page.Document.Body?.TextContent ?? "");
    }

    private static async Task<string> VerifyTextAsync(Browser browser, string verificationCode)
    {
        var page = await browser.GetAsync($"/verify/{verificationCode}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        // What an issued certificate states (leader, unit, grade) is public once the project is concluded, as 公示
        // publishes it: /verify of 五 shows it to anyone. Everything else on the page stays under the policy.
        page.Document.QuerySelector("[data-testid=certificate-facts]")?.Remove();
        return Squeeze(page.Document.Body?.TextContent ?? "");
    }

    internal static string Squeeze(string text) => Regex.Replace(text, @"\s+", "");
}
