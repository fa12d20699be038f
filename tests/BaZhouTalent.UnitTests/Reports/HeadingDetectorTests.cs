using BaZhouTalent.Typesetting.Reports;

namespace BaZhouTalent.UnitTests.Reports;

public class HeadingDetectorTests
{
    [Theory]
    [InlineData("一、引言", ParagraphRole.Heading1)]
    [InlineData("十二、结语", ParagraphRole.Heading1)]
    [InlineData("（一）推动经济高质量发展的核心动力", ParagraphRole.Heading2)]
    [InlineData("(三)提升区域竞争力", ParagraphRole.Heading2)]
    [InlineData("1.完善引才机制", ParagraphRole.Heading3)]
    [InlineData("2．优化服务", ParagraphRole.Heading3)]
    [InlineData("（1）细项仍是正文", ParagraphRole.Body)]
    [InlineData("1.5 万人次参加培训。", ParagraphRole.Body)]
    [InlineData("2025.10 完成调研。", ParagraphRole.Body)]
    [InlineData("人才作为知识、技术与创新的载体。", ParagraphRole.Body)]
    public void Numbering_decides_the_heading_level(string paragraph, ParagraphRole expected) =>
        Assert.Equal(expected, HeadingDetector.Classify(paragraph));
}
