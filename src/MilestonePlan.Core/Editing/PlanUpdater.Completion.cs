using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Editing;

/// <summary>Ticking a "Milestone Completion Checklist" item, named by its text, once the workflow has verified it.</summary>
internal sealed partial class PlanUpdater
{
    /// <summary>
    /// The checklist line whose text is <paramref name="text"/> gets `[x]`; nothing when it is already ticked. Refused
    /// when no line or more than one reads so (which one was verified would be a guess), or the line has no `[ ]`.
    /// </summary>
    public IEnumerable<LineEdit> TickCompletionItem(string text)
    {
        var matches = Plan.CompletionChecklist.Where(e => string.Equals(e.Line.Text.Trim(), text.Trim(), StringComparison.Ordinal)).ToList();
        if (matches.Count != 1)
        {
            throw Refuse(matches.Count > 1 ? matches[1].Line.Span.Line : 0,
                $"the Milestone Completion Checklist has {matches.Count} item(s) reading '{text}', not one");
        }

        var entry = matches[0];
        if (entry.Checked == true)
        {
            return [];
        }

        var number = entry.Line.Span.Line;
        var line = lines[number];
        var box = line.IndexOf("[ ]", StringComparison.Ordinal);
        if (entry.Checked != false || box < 0 || entry.Line.Span.EndLine != number)
        {
            throw Refuse(number, $"the completion item '{text}' has no checkbox this editor can tick");
        }

        var why = $"completion checklist: {text} ✓";
        Intend(new EditIntent(IntentKind.CompletionTicked, number, why, Value: text));
        return [LineEdit.Replace(number, line.Substring(0, box) + "[x]" + line.Substring(box + 3), why)];
    }
}
