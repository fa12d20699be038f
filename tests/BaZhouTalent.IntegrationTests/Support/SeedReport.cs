namespace BaZhouTalent.IntegrationTests.Support;

/// <summary>
/// The seed's final report read independently of the portal's parser: the lines after 最 终 成 果, with
/// the paragraphs that the paper's page breaks cut rejoined by hand-listed first words, and bold marks dropped.
/// </summary>
public static class SeedReport
{
    // Each of these opens a line that continues the paragraph before it (the page broke mid-paragraph).
    private static readonly string[] Continuations = ["了区域创新能力", "等优势产业", "动更加频繁", "产业专项人才队伍", "区委书记亲自抓", "区人均", "资、天使投资", "文旅创意、生物医药", "展需求，鼓励"];

    public static IReadOnlyList<string> Paragraphs()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "seeds", "000_61e57fa0fe31f5a0.txt");
        var lines = File.ReadAllLines(path).SkipWhile(l => l.Trim() != "最 终 成 果").Skip(1)
            .Select(l => l.Trim().Replace("**", "")).Where(l => l.Length > 0);
        var paragraphs = new List<string>();
        foreach (var line in lines)
        {
            if (paragraphs.Count > 0 && Continuations.Any(line.StartsWith))
                paragraphs[^1] += line;
            else
                paragraphs.Add(line);
        }
        return paragraphs;
    }
}
