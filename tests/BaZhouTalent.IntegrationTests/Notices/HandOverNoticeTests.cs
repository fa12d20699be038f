using System.Net;
using BaZhouTalent.Application.Domain;
using MimeKit;
using Microsoft.EntityFrameworkCore;
using static BaZhouTalent.IntegrationTests.Notices.NoticeKit;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Notices;

/// <summary>
/// Every hand-over of a closure, walked through the real pages with a real SMTP server listening: each step mails
/// whoever acts next (or learns the outcome), in Chinese, at their own address, with where to act and without
/// the report; experts' notices name neither the leader nor the unit; the message centre and its header count agree.
/// </summary>
public sealed class HandOverNoticeTests(NoticePortal portal) : IClassFixture<NoticePortal>, IAsyncLifetime
{
    private MailCatcher mail = null!;

    public async Task InitializeAsync()
    {
        mail = new MailCatcher(portal.SmtpPort);
        await mail.StartAsync();
    }

    public async Task DisposeAsync() => await mail.DisposeAsync();

    [Fact]
    public async Task Each_hand_over_from_submission_to_conclusion_is_mailed_to_whoever_acts_next_and_shown_in_the_message_centre()
    {
        const string code = "BZ25YB951";
        await SetEmailsAsync(portal, "unit.bzdx", "skl.bazhou", "admin", "expert.1", "expert.2", "expert.3");
        // The researcher's address is entered by the federation on the account page, as in real use.
        var admin = await SignInAsync(portal, "admin");
        var edit = await admin.GetAsync("/Admin/Users/Edit/yangzhuo");
        var saved = await admin.SubmitAsync(edit, new Dictionary<string, string> { ["Input.Email"] = AddressOf("yangzhuo") }, "#edit-account");
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        var researcher = await SignInAsync(portal, "yangzhuo");
        await SubmitThroughPageAsync(portal, code, researcher);
        await ExpectMailAsync("unit.bzdx", $"结项申请 {code} 待您审核", $"https://skl.bazhong.test/Review/Act/{code}");

        await ActOkAsync(await SignInAsync(portal, "unit.bzdx"), code, "unit", Opinion(text: "同意报送。"));
        await ExpectMailAsync("skl.bazhou", $"结项申请 {code} 待您审核", "县（区）社科联审核");

        await ActOkAsync(await SignInAsync(portal, "skl.bazhou"), code, "county",
            new Dictionary<string, string>(Opinion(text: "同意结项。")) { ["Input.PersonInCharge"] = "王主任" });
        await ExpectMailAsync("admin", $"结项申请 {code} 待您受理", "分配鉴定专家");

        await ActOkAsync(admin, code, "assign", await ExpertsAsync(portal, "expert.1", "expert.1", "expert.2", "expert.3"));
        foreach (var expert in new[] { "expert.1", "expert.2", "expert.3" })
            await ExpectMailAsync(expert, $"结项申请 {code} 请您鉴定", "鉴定意见");

        await ActOkAsync(await SignInAsync(portal, "expert.2"), code, "appraise", Opinion(text: "成果扎实。", grade: "Good"));
        await ActOkAsync(await SignInAsync(portal, "expert.3"), code, "appraise", Opinion(text: "基本达到要求。", grade: "Good"));
        Assert.Equal(0, await portal.DeliverAsync()); // nothing to tell until the last appraisal is in
        var chief = await SignInAsync(portal, "expert.1");
        await ActOkAsync(chief, code, "appraise", Opinion(text: "质量较好。", grade: "Good"));
        await ExpectMailAsync("expert.1", $"结项申请 {code} 鉴定意见已到齐", "综合鉴定意见");
        Assert.Single(mail.To(AddressOf("admin")), m => m.Subject == $"结项申请 {code} 专家鉴定意见已到齐");

        await ActOkAsync(chief, code, "combine", new Dictionary<string, string>
        {
            ["Input.HasProblem"] = "false", ["Input.Agrees"] = "true", ["Input.Grade"] = "Good", ["Input.Opinion"] = "同意结项，鉴定等级良好。",
        });
        await ExpectMailAsync("admin", $"结项申请 {code} 鉴定完成，待您审核", "终审");

        await ActOkAsync(admin, code, "decide", new Dictionary<string, string> { ["Input.Approve"] = "true", ["Input.Opinion"] = "同意结项。" });
        var certificate = (await LoadAsync(portal, code)).CertificateNumber!;
        await ExpectMailAsync("yangzhuo", $"结项申请 {code} 已同意结项", certificate);
        Assert.Single(mail.To(AddressOf("unit.bzdx")), m => m.Subject == $"结项申请 {code} 已同意结项");

        // Delivered once: another pass sends nothing more.
        var total = mail.Received.Count;
        Assert.Equal(0, await portal.DeliverAsync());
        Assert.Equal(total, mail.Received.Count);

        // Nothing mailed carries the report, and nothing an expert received names the applicant's side.
        var application = await LoadAsync(portal, code);
        var reportLines = application.ReportText.Split('\n').Select(l => l.Trim()).Where(l => l.Length >= 12).Take(20).ToList();
        Assert.NotEmpty(reportLines);
        foreach (var message in mail.Received.Where(m => (m.Subject ?? "").Contains(code, StringComparison.Ordinal)))
            Assert.All(reportLines, line => Assert.DoesNotContain(line, message.TextBody, StringComparison.Ordinal));
        var applicantSide = new[] { application.CurrentLeader.Name, PartySchoolBazhou, "巴州区", "杨卓" }
            .Concat(application.CurrentParticipants.Select(p => p.Name)).Where(s => s.Length > 0).ToList();
        foreach (var expert in new[] { "expert.1", "expert.2", "expert.3" })
        {
            var texts = mail.To(AddressOf(expert)).Select(m => m.Subject + m.TextBody)
                .Concat((await NoticesAsync(portal, expert, code)).Select(n => n.Title + n.Body + n.Link)).ToList();
            Assert.NotEmpty(texts);
            foreach (var text in texts)
                Assert.All(applicantSide, name => Assert.DoesNotContain(name, text, StringComparison.Ordinal));
            var centre = await (await SignInAsync(portal, expert)).GetAsync("/Notices");
            Assert.Contains($"结项申请 {code} 请您鉴定", centre.Text);
            Assert.All(applicantSide, name => Assert.DoesNotContain(name, centre.Document.QuerySelector("main")!.TextContent, StringComparison.Ordinal));
        }

        // The researcher's message centre: the count in the header, opening a notice marks it read and goes to the application.
        var home = await researcher.GetAsync("/");
        var unread = await portal.WithDbAsync(db => db.Notices.CountAsync(n => n.RecipientUserId == application.Project.LeaderUserId && n.ReadAt == null));
        Assert.True(unread >= 1);
        Assert.Equal(unread.ToString(System.Globalization.CultureInfo.InvariantCulture),
            home.Document.QuerySelector(".site-notices-count")?.GetAttribute("data-unread"));
        var centrePage = await researcher.GetAsync("/Notices");
        var item = centrePage.Document.QuerySelectorAll("li.notice-item.notice-unread")
            .Single(li => li.TextContent.Contains($"结项申请 {code} 已同意结项", StringComparison.Ordinal));
        var opened = await researcher.SubmitAsync(centrePage, new Dictionary<string, string>(),
            $"li[data-notice-id='{item.GetAttribute("data-notice-id")}'] form[action*='handler=Open']");
        Assert.Equal(HttpStatusCode.Redirect, opened.Status);
        Assert.Equal($"/applications/{code}", opened.RedirectTarget);
        Assert.Equal(unread - 1, await portal.WithDbAsync(db => db.Notices.CountAsync(n => n.RecipientUserId == application.Project.LeaderUserId && n.ReadAt == null)));

        if (unread > 1)
        {
            var readAll = await researcher.SubmitAsync(await researcher.GetAsync("/Notices"), new Dictionary<string, string>(), "form[action*='handler=ReadAll']");
            Assert.Equal(HttpStatusCode.Redirect, readAll.Status);
        }
        var after = await researcher.GetAsync("/Notices?unread=true");
        Assert.True(after.Document.QuerySelector(".site-notices-count") is null,
            $"still unread: {await portal.WithDbAsync(db => db.Notices.CountAsync(n => n.RecipientUserId == application.Project.LeaderUserId && n.ReadAt == null))} of {unread}\n{after.Document.QuerySelector("header")?.OuterHtml}");
        Assert.Contains("没有未读通知", after.Text);
    }

    [Fact]
    public async Task A_return_is_mailed_to_the_leader_with_the_reason_and_a_withdrawal_to_the_unit()
    {
        const string code = "BZ25YB952";
        await SetEmailsAsync(portal, "unit.bzdx", "yangzhuo");
        var researcher = await SignInAsync(portal, "yangzhuo");
        await SubmitThroughPageAsync(portal, code, researcher);
        await ActOkAsync(await SignInAsync(portal, "unit.bzdx"), code, "return",
            new Dictionary<string, string> { ["Input.Reason"] = "请补充成果的发表证明。" });
        await ExpectMailAsync("yangzhuo", $"结项申请 {code} 被退回修改", "退回理由：请补充成果的发表证明。");

        await SubmitThroughPageAsync(portal, code, researcher);
        var resubmitted = await ExpectMailAsync("unit.bzdx", $"结项申请 {code} 待您审核", "重新提交");
        var confirm = await researcher.GetAsync($"/Review/Withdraw/{code}");
        var withdrawn = await researcher.SubmitAsync(confirm, new Dictionary<string, string>(), "main form[method=post]");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.Status);
        await ExpectMailAsync("unit.bzdx", $"结项申请 {code} 已撤回", "撤回");
        Assert.NotNull(resubmitted);
    }

    /// <summary>Delivers and returns the one new mail to <paramref name="userName"/> with <paramref name="subject"/>, checking it is Chinese plain text with where to act.</summary>
    private async Task<MimeMessage> ExpectMailAsync(string userName, string subject, string bodyContains)
    {
        await portal.DeliverAsync();
        var matching = mail.To(AddressOf(userName)).Where(m => m.Subject == subject).ToList();
        Assert.True(matching.Count >= 1, $"no “{subject}” to {userName}; received: {string.Join(" | ", mail.Received.Select(m => $"{m.To}: {m.Subject}"))}");
        var message = matching[^1];
        Assert.Contains(bodyContains, message.TextBody, StringComparison.Ordinal);
        Assert.Contains("请勿回复", message.TextBody, StringComparison.Ordinal);
        Assert.Equal("noreply@skl.bazhong.test", message.From.Mailboxes.Single().Address);
        Assert.Single(message.To.Mailboxes);
        return message;
    }
}
