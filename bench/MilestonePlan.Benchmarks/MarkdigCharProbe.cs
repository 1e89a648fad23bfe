using System.Diagnostics;
using Markdig;

namespace MilestonePlan.Benchmarks;

/// <summary>
/// `--chars [length] [names]`: Markdig's bare cost per character of one long paragraph (or lines, tables, items) of
/// each markup character, to see which runs are costly (issue #19: `|` is, about 1 µs each; most others are not).
/// </summary>
internal static class MarkdigCharProbe
{
    public static void Run(string[] args)
    {
        var precise = new MarkdownPipelineBuilder().UsePipeTables().UseTaskLists().UseYamlFrontMatter().UsePreciseSourceLocation().Build();
        var n = args.Length > 1 ? int.Parse(args[1]) : 520_000;
        var shapes = new Dictionary<string, string>
        {
            ["a"] = new string('a', n),
            ["a b"] = string.Concat(Enumerable.Repeat("a ", n / 2)),
            ["|"] = new string('|', n),
            ["| a"] = string.Concat(Enumerable.Repeat("| a ", n / 4)),
            ["*"] = new string('*', n),
            ["*a"] = string.Concat(Enumerable.Repeat("*a", n / 2)),
            ["_a"] = string.Concat(Enumerable.Repeat("_a", n / 2)),
            ["`"] = new string('`', n),
            ["`a"] = string.Concat(Enumerable.Repeat("`a", n / 2)),
            ["\\|"] = string.Concat(Enumerable.Repeat("\\|", n / 2)),
            ["\\"] = new string('\\', n),
            ["<"] = new string('<', n),
            ["<a"] = string.Concat(Enumerable.Repeat("<a", n / 2)),
            ["&"] = new string('&', n),
            ["&amp;"] = string.Concat(Enumerable.Repeat("&amp;", n / 5)),
            ["!"] = new string('!', n),
            ["~"] = new string('~', n),
            ["]"] = new string(']', n),
            ["("] = new string('(', n),
            ["http://a "] = string.Concat(Enumerable.Repeat("http://a ", n / 9)),
            ["lines |"] = string.Concat(Enumerable.Repeat("|\n", n / 2)),
            ["lines a|b"] = string.Concat(Enumerable.Repeat("a|b\n", n / 4)),
            ["tables 5k"] = string.Concat(Enumerable.Repeat("|a|b|\n|-|-|\n" + string.Concat(Enumerable.Repeat("|a|b|\n", 1600)) + "\n", Math.Max(1, n / 9600))),
            ["table rows 250"] = "|a|b|\n|-|-|\n" + string.Concat(Enumerable.Repeat(new string('|', 250) + "\n", n / 251)),
            ["list items |"] = string.Concat(Enumerable.Repeat("- " + new string('|', 998) + "\n", n / 1000)),
            ["heading |"] = "# " + new string('|', n),
        };
        var only = args.Length > 2 ? args[2].Split(',') : null;
        foreach (var (name, body) in shapes)
        {
            if (only is not null && !only.Contains(name)) continue;
            var text = "# T\n\n" + body + "\n";
            try { Markdown.Parse(text, precise); } catch (ArgumentException) { Console.WriteLine($"{name,-16} refused by Markdig"); continue; }
            var best = double.MaxValue;
            for (var i = 0; i < 3; i++) { var w = Stopwatch.StartNew(); Markdown.Parse(text, precise); best = Math.Min(best, w.Elapsed.TotalMilliseconds); }
            Console.WriteLine($"{name,-16} {text.Length,8} {best,9:F1} ms  {best * 1000 / text.Length,6:F2} us/char");
        }
    }
}
