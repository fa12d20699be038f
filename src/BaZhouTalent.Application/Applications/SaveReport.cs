using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Typesetting;
using FluentValidation;

namespace BaZhouTalent.Application.Applications;

/// <summary>最终成果: the report text, pasted or imported from Word, in ReportMarkup form.</summary>
public static class SaveReport
{
    public const string ClassifiedMessage =
        "成果已声明为涉密。涉密成果不得上传或录入联网系统，请将最终成果以纸质件和移动存储介质按保密规定线下报送市社科联。";

    public sealed class Command
    {
        public string ProjectCode { get; set; } = "";
        public Guid ConcurrencyStamp { get; set; }
        public string ReportText { get; set; } = "";
        /// <summary>Not posted: the declaration's 涉密 choice, which decides whether a report may be held here.</summary>
        public bool Classified { get; set; }
        /// <summary>Not posted: what replaces the text, recorded with the version kept (导入 Word 文档, 恢复历史版本, 保存).</summary>
        public string ReplacedBy { get; set; } = ReportVersions.BySaving;

        public static Command From(ClosureApplication a) => new()
        {
            ProjectCode = a.Project.Code,
            ConcurrencyStamp = a.ConcurrencyStamp,
            ReportText = a.ReportText,
            Classified = a.Classified == true,
        };
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            When(x => x.Classified, () =>
                RuleFor(x => x.ReportText).Must(string.IsNullOrWhiteSpace).WithMessage(ClassifiedMessage));
            When(x => !x.Classified, () =>
                RuleFor(x => x.ReportText)
                    .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("请粘贴最终成果全文，或导入 Word（.docx）文档。")
                    .Must(t => (t ?? "").Length <= FieldRules.ReportCharacters).WithErrorCode(FieldRules.TooLongCode)
                    .WithMessage(x => $"最终成果不能超过 {FieldRules.ReportCharacters:N0} 个字符（现有 {x.ReportText.Length:N0} 个），本次未保存。请删减后再保存。")
                    .Printable("最终成果", multiLine: true));
        }
    }

    public sealed class Handler(IAppDbContext db, TimeProvider clock)
    {
        public async Task<SaveOutcome> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            var kept = await ReportVersions.IdsNewestFirstAsync(db, command.ProjectCode, cancellationToken);
            return await DraftStore.SaveAsync(db, clock, command.ProjectCode, command.ConcurrencyStamp, application =>
            {
                var text = Normalize(command.ReportText);
                // A classified result must not be held by a networked system, whatever was posted.
                if (application.Classified == true) text = "";
                text = FieldRules.Clip(text, FieldRules.ReportCharacters);
                // The text being replaced is kept as a version — except a classified one, which must go.
                if (application.Classified != true && application.ReportText.Length > 0 && application.ReportText != text)
                    ReportVersions.Keep(db, application, kept, command.ReplacedBy, clock.GetUtcNow());
                application.ReportText = text;
            }, cancellationToken);
        }
    }

    /// <summary>
    /// Line endings unified, blank lines dropped and invisible characters removed: the stored form is one
    /// paragraph per line.
    /// </summary>
    public static string Normalize(string? text) =>
        string.Join("\n", PrintableText.Normalize(text).Replace("\r\n", "\n").Replace('\r', '\n').Split('\n')
            .Select(l => l.Trim()).Where(l => l.Length > 0));
}
