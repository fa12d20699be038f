namespace BaZhouTalent.Typesetting.Layout;

/// <summary>Which sides of a cell are ruled.</summary>
[Flags]
internal enum Borders
{
    None = 0,
    Left = 1,
    Top = 2,
    Right = 4,
    Bottom = 8,
    All = Left | Top | Right | Bottom,
}

/// <summary>Vertical placement of a cell's content.</summary>
internal enum CellAlign
{
    Middle,
    Top,
}

/// <summary>One cell of a <see cref="Table"/>, anchored at its top-left grid position and spanning rows and columns.</summary>
internal sealed record TableCell(int Row, int Column, int RowSpan, int ColSpan, IReadOnlyList<Paragraph> Content, Borders Borders, CellAlign Align);

/// <summary>
/// A ruled table with merged cells. Rows never split; the table breaks between rows, preferring boundaries no
/// merged cell crosses. A merged group taller than a page is cut between its rows, and the merged cell's text
/// is repeated in each part so every page stays legible.
/// </summary>
internal sealed class Table : IElement
{
    private const double Epsilon = 0.01;
    private readonly double[] _columns;
    private readonly IReadOnlyList<TableCell> _cells;
    private readonly double[] _minRowHeights;
    private readonly bool[] _headerRows;
    private readonly Table? _origin;
    private readonly int _firstRow;
    private double[]? _rowHeights;
    private double _measuredWidth = double.NaN;

    public Table(double[] columns, IReadOnlyList<TableCell> cells, double[] minRowHeights, bool[]? headerRows = null, double paddingX = 4, double paddingY = 2, double borderWidth = 0.75)
    {
        _columns = columns;
        _cells = cells;
        _minRowHeights = minRowHeights;
        _headerRows = headerRows ?? new bool[minRowHeights.Length];
        PaddingX = paddingX;
        PaddingY = paddingY;
        BorderWidth = borderWidth;
    }

    private Table(Table origin, int firstRow)
    {
        _origin = origin;
        _firstRow = firstRow;
        _columns = origin._columns;
        _cells = origin._cells;
        _minRowHeights = origin._minRowHeights;
        _headerRows = origin._headerRows;
        PaddingX = origin.PaddingX;
        PaddingY = origin.PaddingY;
        BorderWidth = origin.BorderWidth;
    }

    public double PaddingX { get; }

    public double PaddingY { get; }

    public double BorderWidth { get; }

    public int RowCount => _minRowHeights.Length;

    public IReadOnlyList<TableCell> Cells => _cells;

    public LayoutSlice Layout(double width, double available, bool atPageTop)
    {
        var heights = RowHeights(width);
        var header = RepeatedHeader();
        var used = header is { } h ? heights[h] : 0.0;
        var lastFit = _firstRow;
        while (lastFit < RowCount && used + heights[lastFit] <= available + Epsilon)
        {
            used += heights[lastFit];
            lastFit++;
        }
        if (lastFit == RowCount)
            return new(new PlacedRows(this, _firstRow, RowCount, header, width), null);

        var cut = lastFit;
        while (cut > _firstRow && !IsBreakableBoundary(cut)) cut--;
        if (cut == _firstRow)
        {
            if (!atPageTop) return LayoutSlice.Defer(this);
            cut = Math.Max(lastFit, _firstRow + 1);
        }
        return new(new PlacedRows(this, _firstRow, cut, header, width), cut < RowCount ? new Table(_origin ?? this, cut) : null);
    }

    /// <summary>
    /// On a continuation inside a merged group (a participant list), the group's header row (姓名 单位 …) to
    /// print again at the top of the page, or null.
    /// </summary>
    private int? RepeatedHeader()
    {
        if (_origin is null) return null;
        for (var row = _firstRow - 1; row >= 0; row--)
            if (_headerRows[row] && _cells.Any(c => c.Row <= row && c.Row + c.RowSpan > _firstRow))
                return row;
        return null;
    }

    /// <summary>Row heights at a width: each row fits its cells, and merged cells stretch their last row.</summary>
    public double[] RowHeights(double width)
    {
        if (_origin is not null) return _origin.RowHeights(width);
        if (_rowHeights is not null && Math.Abs(_measuredWidth - width) < Epsilon) return _rowHeights;
        var heights = (double[])_minRowHeights.Clone();
        foreach (var cell in _cells.Where(c => c.RowSpan == 1))
            heights[cell.Row] = Math.Max(heights[cell.Row], ContentHeight(cell, width) + 2 * PaddingY);
        foreach (var cell in _cells.Where(c => c.RowSpan > 1))
        {
            var need = ContentHeight(cell, width) + 2 * PaddingY;
            var have = 0.0;
            for (var r = cell.Row; r < cell.Row + cell.RowSpan; r++) have += heights[r];
            // Spread evenly, so a tall merged label (原参与人员 set vertically) leaves its rows alike.
            if (need > have)
                for (var r = cell.Row; r < cell.Row + cell.RowSpan; r++) heights[r] += (need - have) / cell.RowSpan;
        }
        _rowHeights = heights;
        _measuredWidth = width;
        return heights;
    }

    private double[] ColumnWidths(double width)
    {
        var total = _columns.Sum();
        return [.. _columns.Select(c => c * width / total)];
    }

    private double CellWidth(TableCell cell, double[] columns)
    {
        var w = 0.0;
        for (var c = cell.Column; c < cell.Column + cell.ColSpan; c++) w += columns[c];
        return w;
    }

    private double ContentHeight(TableCell cell, double width)
    {
        var inner = CellWidth(cell, ColumnWidths(width)) - 2 * PaddingX;
        return cell.Content.Sum(p => p.Measure(inner));
    }

    /// <summary>
    /// A page may break before a row when no merged cell crosses that boundary, or when every crossing cell is a
    /// long list (six rows or more) and keeps at least two of its rows on each side. A leader's three merged
    /// rows thus never split, while a long participant list continues on the next page.
    /// </summary>
    private bool IsBreakableBoundary(int row) =>
        _cells.Where(c => c.Row < row && c.Row + c.RowSpan > row)
            .All(c => c.RowSpan >= LongGroup && row - c.Row >= 2 && c.Row + c.RowSpan - row >= 2);

    private const int LongGroup = 6;

    private sealed class PlacedRows(Table table, int first, int end, int? header, double width) : IPlaced
    {
        private double HeaderHeight => header is { } h ? table.RowHeights(width)[h] : 0;

        public double Height
        {
            get
            {
                var heights = table.RowHeights(width);
                var h = HeaderHeight;
                for (var r = first; r < end; r++) h += heights[r];
                return h;
            }
        }

        public void Draw(DrawContext context, double x, double y)
        {
            var heights = table.RowHeights(width);
            var rowTop = new double[end - first + 1];
            rowTop[0] = HeaderHeight;
            for (var r = first; r < end; r++) rowTop[r - first + 1] = rowTop[r - first] + heights[r];
            if (header is { } h)
                foreach (var cell in table._cells.Where(c => c.Row == h && c.RowSpan == 1))
                    DrawCell(context, cell, x, y, y + heights[h]);
            foreach (var cell in table._cells)
            {
                var top = Math.Max(cell.Row, first);
                var bottom = Math.Min(cell.Row + cell.RowSpan, end);
                if (top >= bottom) continue;
                // A merged cell continued from the previous page also covers the repeated header row.
                var y0 = cell.Row < first ? y : y + rowTop[top - first];
                DrawCell(context, cell, x, y0, y + rowTop[bottom - first]);
            }
        }

        private void DrawCell(DrawContext context, TableCell cell, double x, double y0, double y1)
        {
            var columns = table.ColumnWidths(width);
            var pen = context.Pen(table.BorderWidth);
            var left = x;
            for (var c = 0; c < cell.Column; c++) left += columns[c];
            var cellWidth = table.CellWidth(cell, columns);
            var g = context.Graphics;
            if (cell.Borders.HasFlag(Borders.Top)) g.DrawLine(pen, left, y0, left + cellWidth, y0);
            if (cell.Borders.HasFlag(Borders.Bottom)) g.DrawLine(pen, left, y1, left + cellWidth, y1);
            if (cell.Borders.HasFlag(Borders.Left)) g.DrawLine(pen, left, y0, left, y1);
            if (cell.Borders.HasFlag(Borders.Right)) g.DrawLine(pen, left + cellWidth, y0, left + cellWidth, y1);

            var inner = cellWidth - 2 * table.PaddingX;
            var contentHeight = cell.Content.Sum(p => p.Measure(inner));
            var contentTop = cell.Align == CellAlign.Top
                ? y0 + table.PaddingY
                : y0 + Math.Max(table.PaddingY, (y1 - y0 - contentHeight) / 2);
            Paragraph.DrawStack(context, cell.Content, inner, left + table.PaddingX, contentTop);
        }
    }
}

/// <summary>Builds a <see cref="Table"/> row by row, placing cells left to right around cells merged from above.</summary>
internal sealed class TableBuilder(params double[] columns)
{
    private readonly List<TableCell> _cells = [];
    private readonly List<double> _minHeights = [];
    private readonly HashSet<int> _headers = [];
    private readonly HashSet<(int Row, int Column)> _occupied = [];

    /// <summary>A row printed again at the top of each page a long merged group continues on.</summary>
    public TableBuilder HeaderRow(double minHeight, params CellSpec[] cells)
    {
        _headers.Add(_minHeights.Count);
        return Row(minHeight, cells);
    }

    public TableBuilder Row(double minHeight, params CellSpec[] cells)
    {
        var row = _minHeights.Count;
        _minHeights.Add(minHeight);
        var column = 0;
        foreach (var spec in cells)
        {
            while (_occupied.Contains((row, column))) column++;
            if (column + spec.ColSpan > columns.Length)
                throw new InvalidOperationException($"Row {row} has more cells than the table's {columns.Length} columns.");
            _cells.Add(new TableCell(row, column, spec.RowSpan, spec.ColSpan, spec.Content, spec.Borders, spec.Align));
            for (var r = row; r < row + spec.RowSpan; r++)
                for (var c = column; c < column + spec.ColSpan; c++)
                    _occupied.Add((r, c));
            column += spec.ColSpan;
        }
        return this;
    }

    public Table Build(double paddingX = 4, double paddingY = 2)
    {
        // Rows promised by a row span but never added would leave a merged cell hanging below the table.
        var rows = _cells.Count == 0 ? 0 : _cells.Max(c => c.Row + c.RowSpan);
        while (_minHeights.Count < rows) _minHeights.Add(0);
        var headers = Enumerable.Range(0, _minHeights.Count).Select(_headers.Contains).ToArray();
        return new Table(columns, _cells, [.. _minHeights], headers, paddingX, paddingY);
    }
}

/// <summary>A cell as given to <see cref="TableBuilder.Row"/>.</summary>
internal sealed record CellSpec(IReadOnlyList<Paragraph> Content, int ColSpan = 1, int RowSpan = 1, Borders Borders = Borders.All, CellAlign Align = CellAlign.Middle);
