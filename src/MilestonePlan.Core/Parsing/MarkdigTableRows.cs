using Markdig.Extensions.Tables;

namespace MilestonePlan.Core.Parsing;

/// <summary>The rows of a table Markdig parsed, header first, positioned through the <see cref="SourceCells"/>.</summary>
internal static class MarkdigTableRows
{
    /// <summary>Every row of <paramref name="table"/>; empty when its first row is not a header (then it is no plan table).</summary>
    public static List<TableSourceRow> Of(Table table, SourceCells cells)
    {
        var rows = new List<TableSourceRow>(table.Count);
        for (var i = 0; i < table.Count; i++)
        {
            if (table[i] is not TableRow row)
            {
                continue;
            }

            if (rows.Count == 0 && !row.IsHeader)
            {
                return rows;
            }

            rows.Add(new TableSourceRow(row.Span.Start, row.Span.End, Cells(row, cells)));
        }

        return rows;
    }

    private static RowCell[] Cells(TableRow row, SourceCells cells)
    {
        var read = new List<RowCell>(row.Count);
        var previousEnd = row.Span.Start - 1;
        for (var i = 0; i < row.Count; i++)
        {
            if (row[i] is TableCell cell)
            {
                var (text, offset) = cells.TableCellAt(cell, previousEnd);
                read.Add(new RowCell(text, offset));
                previousEnd = SourceCells.NextPreviousEnd(previousEnd, text, offset);
            }
        }

        return read.ToArray();
    }
}
