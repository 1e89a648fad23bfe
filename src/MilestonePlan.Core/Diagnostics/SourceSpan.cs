namespace MilestonePlan.Core.Diagnostics;

/// <summary>
/// A range inside a text file. Lines and columns are 1-based and count UTF-16 code units
/// after the byte order mark, the way MSBuild and Visual Studio report positions.
/// The end is inclusive of the last character (EndColumn points at it), matching
/// MSBuild's <c>file(line,col,endLine,endCol)</c> convention.
/// </summary>
internal readonly record struct SourceSpan(int Line, int Column, int EndLine, int EndColumn)
{
    /// <summary>The whole first line of a file: used when nothing more precise is known.</summary>
    public static SourceSpan FileStart { get; } = new(1, 1, 1, 1);

    public static SourceSpan At(int line, int column, int length = 1) =>
        new(line, column, line, column + Math.Max(length, 1) - 1);

    public override string ToString() => $"({Line},{Column},{EndLine},{EndColumn})";
}
