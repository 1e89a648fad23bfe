using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Planning;

/// <summary>Issues and their resolved dependency edges, for the status report. Linear-time walks only.</summary>
internal sealed class DependencyGraph
{
    private readonly Dictionary<int, List<IssueRow>> dependents = [];
    private readonly Dictionary<int, List<IssueRow>> dependencies = [];
    private readonly List<IssueRow> rows;

    private DependencyGraph(List<IssueRow> rows) => this.rows = rows;

    public static DependencyGraph Of(PlanDocument plan)
    {
        var rows = plan.Issues.GroupBy(r => r.Number.Value).Select(g => g.First()).ToList();
        var graph = new DependencyGraph(rows);
        foreach (var row in rows)
        {
            graph.dependencies[row.Number.Value] = [];
            if (!graph.dependents.ContainsKey(row.Number.Value))
            {
                graph.dependents[row.Number.Value] = [];
            }

            foreach (var reference in row.Dependencies.References.Where(r => !r.IsExternal))
            {
                if (plan.Resolve(reference.Number) is { } target && target.Number != row.Number)
                {
                    var first = plan.Find(target.Number)!;
                    graph.dependencies[row.Number.Value].Add(first);
                    if (!graph.dependents.TryGetValue(first.Number.Value, out var list))
                    {
                        graph.dependents[first.Number.Value] = list = [];
                    }

                    list.Add(row);
                }
            }
        }

        return graph;
    }

    /// <summary>Every issue that waits on <paramref name="row"/>, directly or through others (breadth first).</summary>
    public IReadOnlyList<IssueRow> Dependents(IssueRow row)
    {
        var seen = new HashSet<int> { row.Number.Value };
        var result = new List<IssueRow>();
        var queue = new Queue<IssueRow>([row]);
        while (queue.Count > 0)
        {
            foreach (var next in dependents.TryGetValue(queue.Dequeue().Number.Value, out var list) ? list : [])
            {
                if (seen.Add(next.Number.Value))
                {
                    result.Add(next);
                    queue.Enqueue(next);
                }
            }
        }

        return result.OrderBy(r => r.Order).ToList();
    }

    /// <summary>The longest dependency chain among <paramref name="subset"/> (Kahn order, one pass); empty on a cycle.</summary>
    public IReadOnlyList<IssueRow> LongestPath(IReadOnlyCollection<IssueRow> rowsGiven)
    {
        // Two rows with one number (MP1004) are one node, the first row, as in Of; keying by number twice would throw.
        var subset = rowsGiven.GroupBy(r => r.Number.Value).Select(g => g.First()).ToList();
        var inSet = new HashSet<int>(subset.Select(r => r.Number.Value));
        var indegree = subset.ToDictionary(r => r.Number.Value, r => (dependencies.TryGetValue(r.Number.Value, out var d) ? d : []).Count(d => inSet.Contains(d.Number.Value)));
        var queue = new Queue<IssueRow>(subset.Where(r => indegree[r.Number.Value] == 0).OrderBy(r => r.Order));
        var length = subset.ToDictionary(r => r.Number.Value, _ => 1);
        var previous = new Dictionary<int, IssueRow>();
        var visited = 0;
        while (queue.Count > 0)
        {
            var row = queue.Dequeue();
            visited++;
            foreach (var next in dependents.TryGetValue(row.Number.Value, out var list) ? list : [])
            {
                if (!inSet.Contains(next.Number.Value))
                {
                    continue;
                }

                if (length[row.Number.Value] + 1 > length[next.Number.Value])
                {
                    length[next.Number.Value] = length[row.Number.Value] + 1;
                    previous[next.Number.Value] = row;
                }

                if (--indegree[next.Number.Value] == 0)
                {
                    queue.Enqueue(next);
                }
            }
        }

        if (visited != subset.Count || subset.Count == 0)
        {
            return [];
        }

        var end = subset.OrderByDescending(r => length[r.Number.Value]).ThenBy(r => r.Order).First();
        var path = new List<IssueRow> { end };
        while (previous.TryGetValue(path[path.Count - 1].Number.Value, out var before))
        {
            path.Add(before);
        }

        path.Reverse();
        return path;
    }
}
