using System.Runtime.CompilerServices;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace BaZhouTalent.Application.Common;

/// <summary>
/// An .xlsx written to its output as its rows are read. MiniExcel takes the first sheet's rows as an async stream and
/// writes each into the sheet's zip entry as it comes (no count asked for, nothing collected first); the zip writes
/// synchronously, so into an <see cref="OutputSpool"/> that is drained into the output between rows — at the first row
/// (the response starts) and then whenever it holds <see cref="DrainAt"/> bytes. Memory holds MiniExcel's buffers, one
/// row and one drain's worth of bytes, whatever the number of rows.
/// </summary>
public static class StreamedWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The tag of every export's query (<c>TagWith</c>): its SQL starts with <c>-- Excel export</c>, in logs and plans.</summary>
    public const string QueryTag = "Excel export";

    /// <summary>The bytes held before they are sent on.</summary>
    public const int DrainAt = 32 * 1024;

    /// <summary>
    /// MiniExcel's text buffer before the zip: 64 K characters (about 70 rows of 结项管理) rather than its larger default,
    /// so rows leave in small steps and little is held. Not FastMode, which rewrites the sheet's start in place and so
    /// needs a seekable stream holding the whole workbook (without it the sheet's dimension is written from the rows
    /// known at its start, none: spreadsheet programs and MiniExcel read the rows themselves, as the tests do).
    /// </summary>
    private static readonly OpenXmlConfiguration Configuration = new() { BufferSize = 64 * 1024 };

    /// <summary>
    /// Writes a workbook whose first sheet <paramref name="sheetName"/> holds <paramref name="rows"/> (a header row from
    /// the first row's keys), followed by <paramref name="moreSheets"/> (small lists, written after the rows).
    /// </summary>
    public static async Task WriteAsync<TRow>(Stream output, string sheetName, IAsyncEnumerable<TRow> rows,
        IReadOnlyDictionary<string, object>? moreSheets, CancellationToken cancellationToken)
    {
        var spool = new OutputSpool();
        var sheets = new Dictionary<string, object> { [sheetName] = Draining(rows, spool, output, cancellationToken) };
        foreach (var (name, sheet) in moreSheets ?? new Dictionary<string, object>())
            sheets[name] = sheet;
        await spool.SaveAsAsync(sheets, configuration: Configuration, cancellationToken: cancellationToken);
        await spool.DrainAsync(output, cancellationToken);
    }

    /// <summary>The rows, with what the workbook has written so far sent on before each is handed over.</summary>
    private static async IAsyncEnumerable<TRow> Draining<TRow>(IAsyncEnumerable<TRow> rows, OutputSpool spool, Stream output,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var first = true;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (first || spool.Held >= DrainAt)
                await spool.DrainAsync(output, cancellationToken);
            first = false;
            yield return row;
        }
    }
}
