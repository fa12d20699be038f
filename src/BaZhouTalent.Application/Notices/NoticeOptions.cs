using System.ComponentModel.DataAnnotations;

namespace BaZhouTalent.Application.Notices;

/// <summary>Bound from <c>Notices</c>: the mail server, and how the background workers deliver and remind.</summary>
public sealed class NoticeOptions
{
    public const string Section = "Notices";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Run the delivery and reminder workers in this instance (tests drive them by hand instead).</summary>
    public bool WorkersEnabled { get; set; } = true;

    [Range(1, 3600)]
    public int DeliveryIntervalSeconds { get; set; } = 30;

    /// <summary>Attempts after which a message is given up (kept in the outbox with its last error).</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 48;

    /// <summary>The China-time hour from which the day's reminders go out.</summary>
    [Range(0, 23)]
    public int ReminderHour { get; set; } = 8;

    [Range(1, 1440)]
    public int ReminderCheckMinutes { get; set; } = 15;

    /// <summary>Copied from <c>Portal:PublicBaseUrl</c>: e-mails carry full links only when it is known.</summary>
    public string? PortalBaseUrl { get; set; }
}

public enum SmtpSecurity
{
    /// <summary>TLS when the server offers it (STARTTLS), plain otherwise.</summary>
    Auto,
    None,
    StartTls,
    SslOnConnect,
}

/// <summary><c>Notices:Smtp</c>. E-mail is off while <see cref="Host"/> or <see cref="SenderAddress"/> is empty.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    [Range(1, 65535)]
    public int Port { get; set; } = 25;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;
    public string? SenderAddress { get; set; }
    public string SenderName { get; set; } = "巴中市社科联结项管理系统";
    public string? UserName { get; set; }
    public string? Password { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(SenderAddress);
}
