using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace BaZhouTalent.Application.Audit;

/// <summary>The security events the audit records besides the staff actions (<see cref="StaffAction"/>).</summary>
public enum SecurityEventKind
{
    SignIn,
    AccountLockedOut,
    SignOut,
    PasswordChanged,
    TwoFactorEnrolled,
    TwoFactorDisabled,
    RecoveryCodesRenewed,
    AccessDenied,
    Export,
    ArchiveDownloaded,
    AuditExported,
    AuditVerified,
    AuditArchived,
}

/// <summary>
/// 安全审计: writes one <see cref="SecurityEvent"/> for the signed-in user (or the account named) from the request's
/// client address. <see cref="Add"/> puts it into the request's context so the caller's save writes it together with the
/// change it records (neither exists without the other); <see cref="RecordAsync"/> saves it at once through a context of
/// its own, for events with no change of their own or after a change already saved (a sign-in, a refused page, an
/// export, an account saved by Identity) — so nothing else the request holds is saved with it, or stops it being saved.
/// The save chains the record (see <see cref="SecurityEvent"/>).
/// </summary>
public sealed class SecurityAudit(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock, IServiceScopeFactory scopes)
{
    public void Add(string kind, SecurityOutcome outcome, string target, string detail = "", string? account = null, string? accountName = null) =>
        db.SecurityEvents.Add(Create(kind, outcome, target, detail, account, accountName));

    public void Add(SecurityEventKind kind, SecurityOutcome outcome, string target, string detail = "", string? account = null, string? accountName = null) =>
        Add(kind.ToString(), outcome, target, detail, account, accountName);

    public Task RecordAsync(SecurityEventKind kind, SecurityOutcome outcome, string target, string detail = "",
        string? account = null, string? accountName = null, CancellationToken cancellationToken = default) =>
        RecordAsync(kind.ToString(), outcome, target, detail, account, accountName, cancellationToken);

    public async Task RecordAsync(string kind, SecurityOutcome outcome, string target, string detail = "",
        string? account = null, string? accountName = null, CancellationToken cancellationToken = default)
    {
        var record = Create(kind, outcome, target, detail, account, accountName);
        await using var scope = scopes.CreateAsyncScope();
        var own = scope.ServiceProvider.GetRequiredService<IAppDbContext>();
        own.SecurityEvents.Add(record);
        await own.SaveChangesAsync(cancellationToken);
    }

    private SecurityEvent Create(string kind, SecurityOutcome outcome, string target, string detail, string? account, string? accountName)
    {
        var record = new SecurityEvent
        {
            At = clock.GetUtcNow(),
            Kind = kind,
            Outcome = outcome.ToString(),
            Account = account ?? currentUser.UserName ?? "",
            AccountName = accountName ?? (account is null ? currentUser.DisplayName : ""),
            ClientAddress = currentUser.ClientAddress,
            Target = target,
            Detail = detail,
        };
        record.Normalise();
        return record;
    }
}

/// <summary>The Chinese names of events and results, for the audit page and its export.</summary>
public static class SecurityEventNames
{
    public static string ToChinese(string kind) => Enum.TryParse<SecurityEventKind>(kind, out var known) ? known switch
    {
        SecurityEventKind.SignIn => "登录",
        SecurityEventKind.AccountLockedOut => "账户锁定",
        SecurityEventKind.SignOut => "退出登录",
        SecurityEventKind.PasswordChanged => "修改密码",
        SecurityEventKind.TwoFactorEnrolled => "绑定身份验证器",
        SecurityEventKind.TwoFactorDisabled => "关闭双因素认证",
        SecurityEventKind.RecoveryCodesRenewed => "重新生成恢复码",
        SecurityEventKind.AccessDenied => "越权访问被拒绝",
        SecurityEventKind.Export => "导出数据",
        SecurityEventKind.ArchiveDownloaded => "下载归档",
        SecurityEventKind.AuditExported => "导出审计记录",
        SecurityEventKind.AuditVerified => "校验审计记录",
        SecurityEventKind.AuditArchived => "归档审计记录",
        _ => kind,
    } : StaffActionNames.ToChinese(kind);

    public static string OutcomeToChinese(string outcome) => Enum.TryParse<SecurityOutcome>(outcome, out var known) ? known switch
    {
        SecurityOutcome.Success => "成功",
        SecurityOutcome.Failure => "失败",
        _ => "拒绝",
    } : outcome;

    /// <summary>Every event the log can hold, security events first, then the staff actions.</summary>
    public static IReadOnlyList<string> All { get; } =
        [.. Enum.GetNames<SecurityEventKind>(), .. Enum.GetNames<StaffAction>()];
}
