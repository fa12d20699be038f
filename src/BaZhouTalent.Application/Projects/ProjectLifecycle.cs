using System.Globalization;
using BaZhouTalent.Application.Domain;

namespace BaZhouTalent.Application.Projects;

/// <summary>
/// The one rule the closure consults about the project's lifecycle: a terminated project takes no closure step.
/// Starting, submitting and every review action call <see cref="RefusalFor(FundedProject)"/> once.
/// </summary>
public static class ProjectLifecycle
{
    /// <summary>A Chinese message when no closure step may be taken on <paramref name="project"/>; null when it may.</summary>
    public static string? RefusalFor(FundedProject project) => project.Lifecycle == ProjectLifecycleStatus.Terminated
        ? $"该项目已于{FormatDate(project.TerminatedAt)}被市社科联终止（{project.TerminationGround}），不能再办理结项。"
        : null;

    public static string FormatDate(DateTimeOffset? at) =>
        at is { } t ? Common.ChinaTime.ChinaDate(t).ToString("yyyy年M月d日", CultureInfo.InvariantCulture) : "";
}

/// <summary>Limits of the project lifecycle (section “Closure” of appsettings.json).</summary>
public sealed class ClosureLifecycleOptions
{
    public const string Section = "Closure";

    public ExtensionLimits Extensions { get; set; } = new();

    public TerminationSettings Termination { get; set; } = new();

    public sealed class ExtensionLimits
    {
        /// <summary>Approved extensions a project may have.</summary>
        [System.ComponentModel.DataAnnotations.Range(0, 10)]
        public int MaxCount { get; set; } = 2;

        /// <summary>Months, in total, the completion may move beyond the register's original date.</summary>
        [System.ComponentModel.DataAnnotations.Range(1, 60)]
        public int MaxTotalMonths { get; set; } = 12;
    }

    public sealed class TerminationSettings
    {
        /// <summary>The grounds (撤项理由类别) the federation chooses from; an array, so configuration replaces it.</summary>
        public string[] Grounds { get; set; } = ["逾期未结项", "单位申请撤项", "学术不端", "其他"];
    }
}
