using MilestonePlan.Core.Editing;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Parsing;
using MilestonePlan.Core.Selection;

namespace MilestonePlan.Core.Planning;

/// <summary>A plan's text before and after a workflow step, and what changed, line by line, in words.</summary>
internal sealed record PlanTransition(string Before, string After, IReadOnlyList<string> Changes)
{
    public bool HasChanges => !string.Equals(Before, After, StringComparison.Ordinal);

    /// <summary>Applies the edits a function computes from the parsed text; returns the new text and the reasons.</summary>
    public static PlanTransition Edit(string path, string text, Func<PlanUpdater, PlanDocument, IEnumerable<LineEdit>> edits) =>
        Edit(path, text, null, edits);

    /// <summary>
    /// The same, with the GitHub numbers the specs give (plan number → GitHub number, see
    /// <see cref="PlanDocument.SpecGitHubNumbers"/>): the text alone does not hold them, and without them an entry
    /// that names its issue by GitHub number would not be found.
    /// </summary>
    public static PlanTransition Edit(string path, string text, IReadOnlyDictionary<int, int>? specGitHubNumbers,
        Func<PlanUpdater, PlanDocument, IEnumerable<LineEdit>> edits)
    {
        var plan = PlanParser.Parse(path, text);
        if (specGitHubNumbers is { Count: > 0 })
        {
            plan = plan.WithSpecGitHubNumbers(row => specGitHubNumbers.TryGetValue(row.Number.Value, out var n) ? n : null);
        }

        var lines = TextLines.Split(text);
        var updater = new PlanUpdater(plan, lines);
        // An edit that writes what is already there is no change, and is not reported as one.
        var combined = PlanUpdater.Combine(edits(updater, plan))
            .Where(e => !(e.Kind == LineEditKind.Replace && e.Text.Count == 1 && e.Line <= lines.Count && e.Text[0] == lines[e.Line]))
            .ToList();
        var after = lines.Apply(combined, path);
        if (combined.Count > 0)
        {
            // Read back: the text parsed again shows what the edits meant and nothing else, or nothing is written.
            var reread = PlanParser.Parse(path, after);
            if (specGitHubNumbers is { Count: > 0 })
            {
                reread = reread.WithSpecGitHubNumbers(row => specGitHubNumbers.TryGetValue(row.Number.Value, out var n) ? n : null);
            }

            EditReadBack.Check(plan, reread, updater.Intents);
        }

        return new PlanTransition(text, after, combined.Select(e => $"line {e.Line}: {e.Why}").ToList())
        {
            SpecGitHubNumbers = specGitHubNumbers,
        };
    }

    /// <summary>The GitHub numbers from the specs this transition was computed with; later steps use them too.</summary>
    public IReadOnlyDictionary<int, int>? SpecGitHubNumbers { get; init; }

    public PlanTransition Then(string path, Func<PlanUpdater, PlanDocument, IEnumerable<LineEdit>> edits)
    {
        var next = Edit(path, After, SpecGitHubNumbers, edits);
        return new PlanTransition(Before, next.After, Changes.Concat(next.Changes).ToList()) { SpecGitHubNumbers = SpecGitHubNumbers };
    }

    /// <summary>
    /// Current Issue moves to the next eligible issue, or to `None` (Blockers saying why) when none is and the issue it
    /// names is finished (<see cref="CurrentIssueMove"/>); Last Updated is today.
    /// </summary>
    public PlanTransition MoveCurrentToNext(string path, string today) => Then(path, (updater, plan) =>
        CurrentIssueMove.Edits(updater, plan).Concat(updater.SetLastUpdated(today)));
}
