using BaZhouTalent.Application.Applications;
using BaZhouTalent.Application.Seeding;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.UnitTests.Applications;

public class ImportReportDocumentTests
{
    private static readonly ImportReportDocument.Handler Import = new(Options.Create(new ReportUploadOptions()));

    private static string SeedReport() => ReferenceSeedParser.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "000_61e57fa0fe31f5a0.txt"))).ReportText;

    private static ImportReportDocument.Result Read(byte[] bytes) =>
        Import.Handle(new ImportReportDocument.Command(new MemoryStream(bytes), bytes.Length));

    [Fact]
    public void The_seed_report_as_docx_reads_back_to_the_same_text_and_outline()
    {
        var markup = SeedReport();

        var result = Read(DocxFiles.FromMarkup(markup));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(ReportOutline.From(markup), ReportOutline.From(result.ReportText!), new OutlineComparer());
        Assert.Equal(SaveReport.Normalize(markup), result.ReportText);
    }

    [Fact]
    public void Word_heading_styles_without_numbering_get_the_numbering_of_their_level()
    {
        const string markup = "标题\n摘要：内容\n引言\n背景\n现状\n正文段落\n对策";
        var levels = new Dictionary<string, int> { ["引言"] = 1, ["背景"] = 2, ["现状"] = 3, ["对策"] = 1 };

        var result = Read(DocxFiles.FromMarkup(markup, t => levels.GetValueOrDefault(t)));

        Assert.Equal("标题\n摘要：内容\n一、引言\n（一）背景\n1.现状\n正文段落\n二、对策", result.ReportText);
        Assert.Equal([1, 2, 3, 1], ReportOutline.From(result.ReportText!).Headings.Select(h => h.Level));
    }

    [Fact]
    public void Styled_headings_that_already_carry_numbering_are_kept_as_typed()
    {
        const string markup = "标题\n一、引言\n（一）背景";
        var result = Read(DocxFiles.FromMarkup(markup, t => t.StartsWith('一') ? 1 : t.StartsWith('（') ? 2 : 0));
        Assert.Equal(markup, result.ReportText);
    }

    [Fact]
    public void A_zip_bomb_is_refused_before_it_is_expanded()
    {
        var result = Read(DocxFiles.ZipBomb());
        Assert.False(result.Succeeded);
        Assert.Contains("解压后的内容异常庞大", result.Error);
    }

    [Fact]
    public void A_corrupt_docx_is_refused_in_Chinese()
    {
        var result = Read(DocxFiles.Corrupt(DocxFiles.FromMarkup(SeedReport())));
        Assert.False(result.Succeeded);
        Assert.Contains("损坏", result.Error);
    }

    [Fact]
    public void A_renamed_executable_is_refused_by_its_content()
    {
        var result = Read(DocxFiles.Executable());
        Assert.False(result.Succeeded);
        Assert.Contains("不是 Word（.docx）文档", result.Error);
    }

    [Fact]
    public void A_file_over_the_limit_is_refused_without_reading_it()
    {
        var small = new ImportReportDocument.Handler(Options.Create(new ReportUploadOptions { MaxFileBytes = 1024 * 1024 }));
        var bytes = new byte[1024 * 1024 + 1];
        var result = small.Handle(new ImportReportDocument.Command(new MemoryStream(bytes), bytes.Length));
        Assert.False(result.Succeeded);
        Assert.Contains("1 MB 的大小上限", result.Error);
    }

    private sealed class OutlineComparer : IEqualityComparer<ReportOutline>
    {
        public bool Equals(ReportOutline? x, ReportOutline? y) =>
            x is not null && y is not null && x.Title == y.Title && x.Abstract == y.Abstract && x.Keywords == y.Keywords
            && x.Headings.SequenceEqual(y.Headings) && x.ParagraphCount == y.ParagraphCount && x.CharacterCount == y.CharacterCount;

        public int GetHashCode(ReportOutline obj) => obj.Title.GetHashCode();
    }
}
