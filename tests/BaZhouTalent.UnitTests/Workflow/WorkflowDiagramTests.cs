using BaZhouTalent.Application.Workflow;

namespace BaZhouTalent.UnitTests.Workflow;

public class WorkflowDiagramTests
{
    private const string Begin = "```mermaid";
    private const string End = "```";

    /// <summary>Set BAZHOU_UPDATE_WORKFLOW_DOC=1 to rewrite the diagram in docs/workflow.md from the machine.</summary>
    [Fact]
    public void Docs_workflow_diagram_matches_the_state_machine()
    {
        var path = Path.Combine(WorkflowFixture.RepositoryRoot(), "docs", "workflow.md");
        var expected = ReviewWorkflow.ToMermaid().Trim();
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = text.IndexOf(Begin, StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/workflow.md has no mermaid block");
        var bodyStart = start + Begin.Length;
        var stop = text.IndexOf("\n" + End, bodyStart, StringComparison.Ordinal);
        var actual = text[bodyStart..stop].Trim();

        if (actual != expected && Environment.GetEnvironmentVariable("BAZHOU_UPDATE_WORKFLOW_DOC") == "1")
        {
            File.WriteAllText(path, text[..bodyStart] + "\n" + expected + text[stop..]);
            return;
        }
        Assert.True(actual == expected,
            "docs/workflow.md drifted from ReviewWorkflow; rerun this test with BAZHOU_UPDATE_WORKFLOW_DOC=1 and commit the diagram.\n" + expected);
    }
}
