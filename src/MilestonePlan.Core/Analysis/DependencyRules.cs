using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Core.Model;
using static MilestonePlan.Core.Diagnostics.Rules;

namespace MilestonePlan.Core.Analysis;

/// <summary>
/// MP3001–MP3006 over the dependency graph, in one pass over issues plus edges: cycles come from Tarjan's
/// strongly connected components (iterative, so a 10,000-issue chain cannot overflow the stack), never
/// from walking every chain from every issue, which is exponential on layered graphs.
/// </summary>
internal sealed class DependencyRules : IPlanRule
{
    public IEnumerable<PlanDiagnostic> Analyze(PlanContext context)
    {
        var plan = context.Plan;
        var rows = plan.FirstRows;
        // Keyed by number, not by row: a record's hash walks every cell of the row.
        var index = new Dictionary<int, int>();
        for (var i = 0; i < rows.Count; i++)
        {
            index[rows[i].Number.Value] = i;
        }

        var edges = new List<(int Target, DependencyReference Reference)>[rows.Count];
        var diagnostics = new List<PlanDiagnostic>();
        for (var i = 0; i < rows.Count; i++)
        {
            edges[i] = [];
            var row = rows[i];
            if (!row.Dependencies.IsReadable)
            {
                diagnostics.Add(context.Report(MP3005, row.Dependencies.Cell!.Span, row.Number, row.Dependencies.Cell.Text));
                continue;
            }

            foreach (var reference in row.Dependencies.References)
            {
                var target = plan.ResolveDependency(reference, out var missing);
                if (missing)
                {
                    diagnostics.Add(context.Report(MP3001, reference.Span, row.Number, reference.Number));
                }

                if (target is null)
                {
                    continue;
                }

                if (target.Number == row.Number)
                {
                    diagnostics.Add(context.Report(MP3002, reference.Span, row.Number));
                    continue;
                }

                edges[i].Add((index[target.Number.Value], reference));
                if (row.Priority.IsKnown && target.Priority.IsKnown && target.Priority.Level > row.Priority.Level)
                {
                    diagnostics.Add(context.Report(MP3004, reference.Span, row.Number, row.Priority, target.Number, target.Priority));
                    continue;
                }

                var later = target.PhaseIndex > row.PhaseIndex
                    ? $"it is in a later phase: {PhaseName(plan, target.PhaseIndex)}"
                    : (target.Priority.Level, target.Order).CompareTo((row.Priority.Level, row.Order)) > 0
                        ? "it is later in the execution order"
                        : null;
                if (later is not null)
                {
                    diagnostics.Add(context.Report(MP3006, reference.Span, row.Number, target.Number, later));
                }
            }
        }

        foreach (var component in StronglyConnected(edges))
        {
            if (component.Count < 2)
            {
                continue;
            }

            var start = component.Min();
            var cycle = CycleThrough(start, edges, new HashSet<int>(component));
            var path = CyclePath(cycle.Select(n => rows[n].Number.ToString()).ToList());
            var first = edges[start].First(e => e.Target == cycle[1]).Reference;
            diagnostics.Add(context.Report(MP3003, first.Span, path));
        }

        return diagnostics;
    }

    /// <summary>`#02 → #05 → #02`; a long cycle is shortened so the message stays one readable line.</summary>
    private static string CyclePath(IReadOnlyList<string> cycle)
    {
        const int shown = 10;
        return cycle.Count <= shown + 2
            ? string.Join(" → ", cycle)
            : string.Join(" → ", cycle.Take(shown)) + $" → … ({cycle.Count - 1} issues) → " + cycle[cycle.Count - 1];
    }

    private static string PhaseName(PlanDocument plan, int phaseIndex) =>
        plan.Phases.FirstOrDefault(p => p.Index == phaseIndex)?.Name is { Length: > 0 } name ? name : $"phase {phaseIndex}";

    /// <summary>Tarjan's algorithm, iterative. Returns components; each issue is in exactly one.</summary>
    internal static List<List<int>> StronglyConnected(List<(int Target, DependencyReference Reference)>[] edges)
    {
        var n = edges.Length;
        var order = new int[n];
        var low = new int[n];
        var onStack = new bool[n];
        var visited = new bool[n];
        var stack = new Stack<int>();
        var components = new List<List<int>>();
        var counter = 0;
        var work = new Stack<(int Node, int Edge)>();

        for (var root = 0; root < n; root++)
        {
            if (visited[root])
            {
                continue;
            }

            work.Push((root, 0));
            while (work.Count > 0)
            {
                var (node, edge) = work.Pop();
                if (edge == 0)
                {
                    visited[node] = true;
                    order[node] = low[node] = counter++;
                    stack.Push(node);
                    onStack[node] = true;
                }

                if (edge < edges[node].Count)
                {
                    work.Push((node, edge + 1));
                    var next = edges[node][edge].Target;
                    if (!visited[next])
                    {
                        work.Push((next, 0));
                    }
                    else if (onStack[next])
                    {
                        low[node] = Math.Min(low[node], order[next]);
                    }

                    continue;
                }

                if (low[node] == order[node])
                {
                    var component = new List<int>();
                    int member;
                    do
                    {
                        member = stack.Pop();
                        onStack[member] = false;
                        component.Add(member);
                    }
                    while (member != node);
                    components.Add(component);
                }

                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[node]);
                }
            }
        }

        return components;
    }

    /// <summary>The shortest cycle from <paramref name="start"/> back to itself inside one component (BFS, linear).</summary>
    private static List<int> CycleThrough(int start, List<(int Target, DependencyReference Reference)>[] edges, HashSet<int> component)
    {
        var parent = new Dictionary<int, int>();
        var queue = new Queue<int>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var (next, _) in edges[node])
            {
                if (!component.Contains(next))
                {
                    continue;
                }

                if (next == start)
                {
                    var path = new List<int> { start };
                    for (var at = node; at != start; at = parent[at])
                    {
                        path.Add(at);
                    }

                    path.Add(start);
                    path.Reverse(1, path.Count - 2);
                    return path;
                }

                if (!parent.ContainsKey(next))
                {
                    parent[next] = node;
                    queue.Enqueue(next);
                }
            }
        }

        return [start, start];
    }
}
