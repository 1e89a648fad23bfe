namespace MilestonePlan.Core.Editing;

/// <summary>What a line edit does.</summary>
internal enum LineEditKind
{
    /// <summary>Replace line <see cref="LineEdit.Line"/> by <see cref="LineEdit.Text"/> (one or more lines).</summary>
    Replace,

    /// <summary>Insert <see cref="LineEdit.Text"/> after line <see cref="LineEdit.Line"/> (0 = at the top).</summary>
    InsertAfter,

    /// <summary>Remove line <see cref="LineEdit.Line"/>.</summary>
    Delete,
}

/// <summary>
/// One surgical change to a plan, by 1-based line number of the text as it was read. New lines take the
/// line ending of the line they replace or follow, so a CRLF plan stays CRLF.
/// </summary>
internal sealed record LineEdit(int Line, LineEditKind Kind, IReadOnlyList<string> Text, string Why)
{
    public static LineEdit Replace(int line, string text, string why) => new(line, LineEditKind.Replace, [text], why);

    public static LineEdit InsertAfter(int line, IReadOnlyList<string> text, string why) => new(line, LineEditKind.InsertAfter, text, why);

    public static LineEdit Delete(int line, string why) => new(line, LineEditKind.Delete, [], why);
}
