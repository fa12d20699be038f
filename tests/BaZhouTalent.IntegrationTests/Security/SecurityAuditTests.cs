using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using BaZhouTalent.Application.Audit;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;
using static BaZhouTalent.IntegrationTests.Security.SecurityKit;

namespace BaZhouTalent.IntegrationTests.Security;

/// <summary>
/// 安全审计 (issue 21): each security event leaves exactly one record with time, account, client address, event, object
/// and result; the hash chain names the first record changed in the database, on the page and from the command; and
/// records written at the same moment never fork the chain.
/// </summary>
public class SecurityAuditTests(SecurePortalFactory portal) : IClassFixture<SecurePortalFactory>
{
    [Fact]
    public async Task Every_event_kind_leaves_exactly_one_record_with_its_fields()
    {
        var started = DateTimeOffset.UtcNow;
        var admin = await SecondFactor.SignInAsync(portal, "admin");
        const string account = "audited";
        var user = new Browser(portal.CreateBrowser());

        // 新建账户
        var create = await admin.GetAsync("/Admin/Users/Create");
        var created = await OnlyAsync(() => admin.SubmitAsync(create, new Dictionary<string, string>
        {
            ["Input.UserName"] = account, ["Input.DisplayName"] = "被审计人", ["Input.RealName"] = "王审计", ["Input.Role"] = Roles.Researcher,
            ["Input.UnitId"] = UnitOption(create, "Input.UnitId", PartySchoolBazhou), ["Input.RegionId"] = "", ["Input.InitialPassword"] = "Start2026a",
        }), nameof(StaffAction.AccountCreated));
        AssertRecord(created[0], "admin", SecurityOutcome.Success, account, "项目负责人");
        Assert.Equal("市社科联管理员", created[0].AccountName);

        // 登录成功, then the forced change of the initial password
        AssertRecord((await OnlyAsync(() => user.SignInAsync(account, "Start2026a"), nameof(SecurityEventKind.SignIn)))[0],
            account, SecurityOutcome.Success, account, "密码");
        var change = await user.GetAsync("/Account/ChangePassword");
        AssertRecord((await OnlyAsync(() => user.SubmitAsync(change, Passwords("Start2026a", "Second2026b")), nameof(SecurityEventKind.PasswordChanged)))[0],
            account, SecurityOutcome.Success, account, "修改初始密码");

        // 退出
        AssertRecord((await OnlyAsync(() => SignOutAsync(user), nameof(SecurityEventKind.SignOut)))[0], account, SecurityOutcome.Success, account, "主动退出");

        // 登录失败 (wrong password; unknown user), 锁定, refused while locked
        AssertRecord((await OnlyAsync(() => user.SignInAsync(account, "Wrong2026x"), nameof(SecurityEventKind.SignIn)))[0],
            account, SecurityOutcome.Failure, account, "密码错误");
        AssertRecord((await OnlyAsync(() => user.SignInAsync("nobody.here", "Wrong2026x"), nameof(SecurityEventKind.SignIn)))[0],
            "nobody.here", SecurityOutcome.Failure, "nobody.here", "用户不存在");
        await OnlyAsync(async () => { for (var i = 0; i < 3; i++) await user.SignInAsync(account, "Wrong2026x"); },
            nameof(SecurityEventKind.SignIn), nameof(SecurityEventKind.SignIn), nameof(SecurityEventKind.SignIn));
        var lockout = await OnlyAsync(() => user.SignInAsync(account, "Wrong2026x"), nameof(SecurityEventKind.SignIn), nameof(SecurityEventKind.AccountLockedOut));
        AssertRecord(lockout[1], account, SecurityOutcome.Success, account, "锁定 15 分钟");
        AssertRecord((await OnlyAsync(() => user.SignInAsync(account, "Second2026b"), nameof(SecurityEventKind.SignIn)))[0],
            account, SecurityOutcome.Refused, account, "账户已锁定");

        // 解除锁定, 重置密码 (staff)
        AssertRecord((await OnlyAsync(() => PostListAsync(admin, "Unlock", account), nameof(StaffAction.AccountUnlocked)))[0],
            "admin", SecurityOutcome.Success, account, "");
        var reset = await admin.GetAsync($"/Admin/Users/ResetPassword/{account}");
        AssertRecord((await OnlyAsync(() => admin.SubmitAsync(reset, new Dictionary<string, string> { ["Input.NewPassword"] = "Reset2026c" }),
            nameof(StaffAction.PasswordReset)))[0], "admin", SecurityOutcome.Success, account, "下次登录时修改密码");

        // 停用 (and the refused sign-in), 启用
        AssertRecord((await OnlyAsync(() => PostListAsync(admin, "Disable", account), nameof(StaffAction.AccountDisabled)))[0],
            "admin", SecurityOutcome.Success, account, "不能再登录");
        AssertRecord((await OnlyAsync(() => user.SignInAsync(account, "Reset2026c"), nameof(SecurityEventKind.SignIn)))[0],
            account, SecurityOutcome.Refused, account, "账户已停用");
        AssertRecord((await OnlyAsync(() => PostListAsync(admin, "Enable", account), nameof(StaffAction.AccountEnabled)))[0],
            "admin", SecurityOutcome.Success, account, "恢复登录");

        // 调整角色, 调整单位
        var role = await admin.GetAsync($"/Admin/Users/Role/{account}");
        AssertRecord((await OnlyAsync(() => admin.SubmitAsync(role, new Dictionary<string, string> { ["Input.Role"] = Roles.Expert }),
            nameof(StaffAction.AccountRoleChanged)))[0], "admin", SecurityOutcome.Success, account, "项目负责人 → 鉴定专家");
        role = await admin.GetAsync($"/Admin/Users/Role/{account}");
        AssertRecord((await OnlyAsync(() => admin.SubmitAsync(role, new Dictionary<string, string>
            {
                ["Input.UnitId"] = UnitOption(role, "Input.UnitId", OrganisationDepartmentBazhou),
            }), nameof(StaffAction.AccountScopeChanged)))[0],
            "admin", SecurityOutcome.Success, account, $"{PartySchoolBazhou} → {OrganisationDepartmentBazhou}");

        // 绑定身份验证器 (by choice: an expert), 重新生成恢复码, 重置双因素认证 (staff)
        user = new Browser(portal.CreateBrowser());
        await OnlyAsync(async () =>
        {
            await user.SignInAsync(account, "Reset2026c");
            await user.SubmitAsync(await user.GetAsync("/Account/ChangePassword"), Passwords("Reset2026c", "Third2026d"));
        }, nameof(SecurityEventKind.SignIn), nameof(SecurityEventKind.PasswordChanged));
        AssertRecord((await OnlyAsync(async () => await SecondFactor.CompleteAsync(portal, user, await user.GetAsync("/Account/EnrollAuthenticator"), account),
            nameof(SecurityEventKind.TwoFactorEnrolled)))[0], account, SecurityOutcome.Success, account, "生成 10 个恢复码");
        var security = await user.GetAsync("/Account/Security");
        AssertRecord((await OnlyAsync(() => user.SubmitAsync(security, new Dictionary<string, string>(), "form[action*=RecoveryCodes]"),
            nameof(SecurityEventKind.RecoveryCodesRenewed)))[0], account, SecurityOutcome.Success, account, "原恢复码作废");
        var resetTwoFactor = await admin.GetAsync($"/Admin/Users/ResetTwoFactor/{account}");
        AssertRecord((await OnlyAsync(() => admin.SubmitAsync(resetTwoFactor, new Dictionary<string, string> { ["Confirmed"] = "true" }),
            nameof(StaffAction.TwoFactorReset)))[0], "admin", SecurityOutcome.Success, account, "原身份验证器和恢复码作废");

        // 越权访问 (403)
        var researcher = await SecondFactor.SignInAsync(portal, "yangzhuo");
        AssertRecord((await OnlyAsync(() => researcher.GetAsync("/Admin/Users?q=x"), nameof(SecurityEventKind.AccessDenied)))[0],
            "yangzhuo", SecurityOutcome.Refused, "GET /Admin/Users?q=x", "无权访问");

        // 导出, 归档下载, 审计日志导出与校验
        AssertRecord((await OnlyAsync(() => admin.GetAsync("/Programme?handler=Export&year=2025"), nameof(SecurityEventKind.Export)))[0],
            "admin", SecurityOutcome.Success, "结项管理 Excel", "含个人信息");
        var yearArchive = await FinishedYearArchiveAsync(2025);
        AssertRecord((await OnlyAsync(() => admin.GetAsync($"/Admin/Archive?handler=Download&id={yearArchive.Id}"), nameof(SecurityEventKind.ArchiveDownloaded)))[0],
            "admin", SecurityOutcome.Success, $"归档包 2025 年度（SHA-256 {yearArchive.Sha256}）", "含个人信息");
        AssertRecord((await OnlyAsync(() => admin.GetAsync("/Admin/Audit?handler=Export&account=audited"), nameof(SecurityEventKind.AuditExported)))[0],
            "admin", SecurityOutcome.Success, "审计日志 Excel", "账户 audited");
        var auditPage = await admin.GetAsync("/Admin/Audit");
        AssertRecord((await OnlyAsync(() => admin.SubmitAsync(auditPage, new Dictionary<string, string>(), "form[action*=Verify]"),
            nameof(SecurityEventKind.AuditVerified)))[0], "admin", SecurityOutcome.Success, "审计日志", "审计记录完整");

        var all = await RecordsAfterAsync(portal, 0);
        Assert.All(all.Where(r => r.At >= started), r => Assert.InRange(r.At, started.AddSeconds(-1), DateTimeOffset.UtcNow));
        // A password typed anywhere never reaches the audit.
        Assert.DoesNotContain(all, r => new[] { "Start2026a", "Second2026b", "Wrong2026x", "Reset2026c", "Third2026d" }
            .Any(p => r.Target.Contains(p) || r.Detail.Contains(p) || r.Account.Contains(p)));
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Changing_any_byte_of_any_record_makes_the_check_name_that_record()
    {
        for (var i = 0; i < 6; i++)
            await new Browser(portal.CreateBrowser()).SignInAsync(i % 2 == 0 ? "unit.bzdx" : "tamper.nobody", SecondFactor.DemoPassword);
        var sequences = await portal.WithDbAsync(db => db.SecurityEvents.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync());
        Assert.True((await VerifyAsync()).Intact);

        var failures = new List<string>();
        foreach (var sequence in new[] { sequences[0], sequences[sequences.Count / 2], sequences[^1] })
        {
            foreach (var column in Columns)
            {
                var original = await ReadAsync(sequence, column);
                await WriteAsync(sequence, column, column == "Sequence" ? (long)original! + 1_000_000 : Altered(original));
                var result = await VerifyAsync();
                var restoreKey = column == "Sequence" ? (long)original! + 1_000_000 : sequence;
                await WriteAsync(restoreKey, column, original);
                if (result.BrokenAt != sequence || !result.Message.Contains($"第 {sequence} 条", StringComparison.Ordinal))
                    failures.Add($"{column} of {sequence}: {result.BrokenAt} {result.Message}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True((await VerifyAsync()).Intact);

        // A record removed from the middle or the end, or appended past the head, is named too.
        foreach (var sequence in new[] { sequences[sequences.Count / 2], sequences[^1] })
        {
            var row = await ExecuteAsync(c => c.CommandText = $"DELETE FROM SecurityEvents WHERE Sequence = {sequence} RETURNING *", ReadRow);
            Assert.Equal(sequence, (await VerifyAsync()).BrokenAt);
            await InsertAsync(row);
        }
        var forged = await ExecuteAsync(c => c.CommandText = $"SELECT * FROM SecurityEvents WHERE Sequence = {sequences[^1]}", ReadRow);
        forged["Sequence"] = sequences[^1] + 1;
        await InsertAsync(forged);
        Assert.Equal(sequences[^1] + 1, (await VerifyAsync()).BrokenAt);
        await ExecuteAsync(c => c.CommandText = $"DELETE FROM SecurityEvents WHERE Sequence = {sequences[^1] + 1}", r => r.RecordsAffected);
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task The_check_on_the_page_and_from_the_command_names_the_changed_record()
    {
        var admin = await SecondFactor.SignInAsync(portal, "admin");
        await new Browser(portal.CreateBrowser()).SignInAsync("unit.bzdx", "Wrong2026x");
        var target = await LastSequenceAsync(portal);
        var original = await ReadAsync(target, "Detail");
        await WriteAsync(target, "Detail", "密码正确");
        try
        {
            var page = await admin.GetAsync("/Admin/Audit");
            var checkedPage = await admin.NavigateAsync((await admin.SubmitAsync(page, new Dictionary<string, string>(), "form[action*=Verify]")).RedirectTarget!);
            Assert.Contains($"第 {target} 条记录", checkedPage.Document.QuerySelector("[data-testid=audit-check]")!.TextContent);

            var (exitCode, output) = await PortalProcess.RunCommandAsync(portal.DatabasePath, "audit-verify");
            Assert.Equal(3, exitCode);
            Assert.Contains($"第 {target} 条记录", output);
        }
        finally
        {
            await WriteAsync(target, "Detail", original);
        }
        var (intactCode, intactOutput) = await PortalProcess.RunCommandAsync(portal.DatabasePath, "audit-verify");
        Assert.True(intactCode == 0, intactOutput);
        Assert.Contains("审计记录完整", intactOutput);
        // Each check is itself recorded (the page's and the command's), and still chains.
        var checks = (await RecordsAfterAsync(portal, target)).Where(r => r.Kind == nameof(SecurityEventKind.AuditVerified)).ToList();
        Assert.Equal([nameof(SecurityOutcome.Failure), nameof(SecurityOutcome.Failure), nameof(SecurityOutcome.Success)], checks.Select(c => c.Outcome));
        Assert.StartsWith("os:", checks[^1].Account);
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Records_written_at_the_same_moment_never_fork_the_chain()
    {
        var before = await LastSequenceAsync(portal);
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            new Browser(portal.CreateBrowser()).SignInAsync($"at.once.{i}", "Wrong2026x")));

        var written = await RecordsAfterAsync(portal, before);
        Assert.Equal(40, written.Count(r => r.Account.StartsWith("at.once.", StringComparison.Ordinal)));
        Assert.Equal(Enumerable.Range(1, written.Count).Select(i => before + i), written.Select(r => r.Sequence));
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task The_audit_page_filters_by_account_event_and_date_and_exports_what_it_shows()
    {
        var admin = await SecondFactor.SignInAsync(portal, "admin");
        await new Browser(portal.CreateBrowser()).SignInAsync("filter.other", "Wrong2026x");
        await new Browser(portal.CreateBrowser()).SignInAsync("skl.bazhou", "Wrong2026x");
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");

        var filtered = await admin.GetAsync($"/Admin/Audit?account=skl.bazhou&event=SignIn&from={today}&to={today}");
        var rows = filtered.Document.QuerySelectorAll("tbody tr").ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("SignIn", r.GetAttribute("data-action")));
        Assert.All(rows, r => Assert.Contains("skl.bazhou", r.TextContent));
        Assert.Contains("密码错误", filtered.Text);
        Assert.Empty((await admin.GetAsync("/Admin/Audit?account=skl.bazhou&to=2000-01-01")).Document.QuerySelectorAll("tbody tr"));
        Assert.Empty((await admin.GetAsync("/Admin/Audit?account=skl.bazhou&event=Export")).Document.QuerySelectorAll("tbody tr"));

        var export = await admin.Client.GetAsync($"/Admin/Audit?handler=Export&account=skl.bazhou&event=SignIn");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var text = XlsxText(await export.Content.ReadAsByteArrayAsync());
        Assert.Contains("skl.bazhou", text);
        Assert.Contains("含个人信息", text);
        Assert.DoesNotContain("filter.other", text);
    }

    private static readonly string[] Columns =
        ["Sequence", "At", "Kind", "Outcome", "Account", "AccountName", "ClientAddress", "Target", "Detail", "PreviousHash", "Hash"];

    private Task<VerifySecurityAudit.Result> VerifyAsync() =>
        portal.WithScopeAsync(sp => sp.GetRequiredService<VerifySecurityAudit.Handler>().HandleAsync());

    /// <summary>Runs the step and returns what it recorded, which must be exactly <paramref name="kinds"/> in order.</summary>
    private async Task<List<SecurityEvent>> OnlyAsync(Func<Task> step, params string[] kinds)
    {
        var before = await LastSequenceAsync(portal);
        await step();
        var records = await RecordsAfterAsync(portal, before);
        Assert.True(records.Select(r => r.Kind).SequenceEqual(kinds),
            $"expected {string.Join(", ", kinds)}; recorded {string.Join(", ", records.Select(r => $"{r.Kind}({r.Detail})"))}");
        return records;
    }

    /// <summary>A year's 归档 as the worker leaves it: its row finished and its file in the archive folder.</summary>
    private Task<YearArchiveJob> FinishedYearArchiveAsync(int year) => portal.WithDbAsync(async db =>
    {
        var job = new YearArchiveJob { Year = year, Status = YearArchiveStatus.Succeeded, RequestedAt = DateTimeOffset.UtcNow, Sha256 = new string('a', 64) };
        db.YearArchiveJobs.Add(job);
        await db.SaveChangesAsync();
        job.FileName = Application.Archive.PrepareYearArchive.FileName(job);
        await db.SaveChangesAsync();
        Directory.CreateDirectory(Path.Combine(portal.Folder, "archives"));
        await File.WriteAllBytesAsync(Path.Combine(portal.Folder, "archives", job.FileName), [0x50, 0x4b, 0x05, 0x06]);
        return job;
    });

    private static void AssertRecord(SecurityEvent record, string account, SecurityOutcome outcome, string target, string detail)
    {
        Assert.Equal(account, record.Account);
        Assert.Equal(outcome.ToString(), record.Outcome);
        Assert.Contains(target, record.Target);
        Assert.Contains(detail, record.Detail);
        Assert.Equal(SecurePortalFactory.ClientAddress, record.ClientAddress);
        Assert.Equal(64, record.Hash.Length);
    }

    private static Dictionary<string, string> Passwords(string current, string next) => new()
    {
        ["Input.CurrentPassword"] = current, ["Input.NewPassword"] = next, ["Input.ConfirmPassword"] = next,
    };

    private static string UnitOption(Browser.Page page, string select, string unitName) =>
        page.Document.QuerySelectorAll<IHtmlOptionElement>($"select[name='{select}'] option").Single(o => o.Text.Trim() == unitName).Value;

    private static async Task<Browser.Page> PostListAsync(Browser admin, string handler, string userName)
    {
        var token = (await admin.GetAsync("/Admin/Users")).Document.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        var response = await admin.Client.PostAsync($"/Admin/Users?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["userName"] = userName,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await Browser.Page.ReadAsync(response, "/Admin/Users");
    }

    private static string XlsxText(byte[] workbook)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(workbook));
        return string.Concat(zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .Select(e => new StreamReader(e.Open()).ReadToEnd()));
    }

    // The database itself, as someone with access to it would change it.
    private Task<object?> ReadAsync(long sequence, string column) =>
        ExecuteAsync(c => c.CommandText = $"SELECT {column} FROM SecurityEvents WHERE Sequence = {sequence}", r => r.Read() ? r.GetValue(0) : null);

    private Task WriteAsync(long sequence, string column, object? value) => ExecuteAsync(c =>
    {
        c.CommandText = $"UPDATE SecurityEvents SET {column} = $value WHERE Sequence = {sequence}";
        c.Parameters.AddWithValue("$value", value ?? DBNull.Value);
    }, r => r.RecordsAffected);

    private Task InsertAsync(Dictionary<string, object> row) => ExecuteAsync(c =>
    {
        c.CommandText = $"INSERT INTO SecurityEvents ({string.Join(", ", row.Keys)}) VALUES ({string.Join(", ", row.Keys.Select(k => "$" + k))})";
        foreach (var (name, value) in row) c.Parameters.AddWithValue("$" + name, value);
    }, r => r.RecordsAffected);

    private static Dictionary<string, object> ReadRow(SqliteDataReader reader)
    {
        Assert.True(reader.Read());
        return Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, reader.GetValue);
    }

    private async Task<T> ExecuteAsync<T>(Action<SqliteCommand> prepare, Func<SqliteDataReader, T> read)
    {
        await using var connection = new SqliteConnection($"Data Source={portal.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        prepare(command);
        await using var reader = await command.ExecuteReaderAsync();
        return read(reader);
    }

    /// <summary>One character different (or one added to an empty text); a time moved by a tenth of a millisecond.</summary>
    private static object Altered(object? value) => value switch
    {
        long binary => binary + (1L << 11),
        string { Length: 0 } => "x",
        string text => text[..(text.Length / 2)] + (text[text.Length / 2] == 'a' ? 'b' : 'a') + text[(text.Length / 2 + 1)..],
        _ => throw new InvalidOperationException($"unexpected {value}"),
    };
}
