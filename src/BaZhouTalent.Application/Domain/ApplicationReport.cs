namespace BaZhouTalent.Application.Domain;

/// <summary>
/// The final report of a closure application, in a table of its own keyed by the application: the text runs to
/// 10–20k characters, and keeping it out of the application row keeps every list that reads those rows small.
/// Owned by <see cref="ClosureApplication"/>, so loading an application loads its report, while a list's
/// projection never touches it.
/// </summary>
public class ApplicationReport
{
    /// <summary>The final report in <c>ReportMarkup</c> form: one paragraph a line, <c>**bold**</c> runs.</summary>
    public string Text { get; set; } = "";
}
