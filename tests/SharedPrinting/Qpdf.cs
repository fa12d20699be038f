using System.Diagnostics;

namespace BaZhouTalent.Tests.Printing;

/// <summary>qpdf's structural check of a produced PDF (Debian's qpdf, installed by .ci/install-test-deps).</summary>
public static class Qpdf
{
    /// <summary>Asserts that <c>qpdf --check</c> exits 0 with no warning: every stream, xref and object well formed.</summary>
    public static void AssertClean(byte[] pdf, string name)
    {
        var path = Path.Combine(Path.GetTempPath(), $"bazhoutalent-qpdf-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            ProcessStartInfo start = new("qpdf", ["--check", path]) { RedirectStandardOutput = true, RedirectStandardError = true };
            Process process;
            try { process = Process.Start(start)!; }
            catch (System.ComponentModel.Win32Exception) { throw new Xunit.Sdk.XunitException("qpdf is not installed: run .ci/install-test-deps (apt-get install qpdf)."); }
            using (process)
            {
                var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
                process.WaitForExit();
                Assert.True(process.ExitCode == 0 && !output.Contains("WARNING", StringComparison.Ordinal), $"qpdf --check {name}: exit {process.ExitCode}\n{output}");
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
