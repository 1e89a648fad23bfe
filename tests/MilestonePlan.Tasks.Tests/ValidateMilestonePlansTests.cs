using Microsoft.Build.Framework;

namespace MilestonePlan.Tasks.Tests;

[TestClass]
public sealed class ValidateMilestonePlansTests
{
    internal const string Plan = """
        # M1 Implementation Plan

        ## Overview

        **Milestone:** `m1`
        **Milestone Folder:** `docs/03-build-notes/m1/`
        **Milestone Branch:** `milestone/m1-core`
        **Total Issues:** 5
        **Status:** In Progress

        ### Phase 1: Core

        | Issue # | Title | Priority | Dependencies |
        |---|---|---|---|
        | #01 | Parser | P0 | None |

        ## Tracking

        ### Completed Issues

        * [ ] #01 — Parser
        """;

    internal static string Repository(string? extraFile = null, string? extraText = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "mp-task-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        Directory.CreateDirectory(Path.Combine(root, "docs/03-build-notes/m1"));
        File.WriteAllText(Path.Combine(root, "docs/03-build-notes/m1/IMPLEMENTATION_PLAN.md"), Plan);
        if (extraFile is not null)
        {
            File.WriteAllText(Path.Combine(root, extraFile), extraText);
        }

        return root;
    }

    private static (ValidateMilestonePlans Task, RecordingBuildEngine Engine) Task(string root, Action<ValidateMilestonePlans>? configure = null)
    {
        var engine = new RecordingBuildEngine();
        var task = new ValidateMilestonePlans
        {
            BuildEngine = engine,
            ProjectDirectory = Path.Combine(root, "docs"),
            StampFile = Path.Combine(root, "stamp", "validation.stamp"),
        };
        configure?.Invoke(task);
        return (task, engine);
    }

    [TestMethod]
    public void Logs_the_finding_with_code_span_and_help_link()
    {
        var root = Repository();
        var (task, engine) = Task(root);

        Assert.IsTrue(task.Execute());

        var warning = engine.Warnings.Single();
        Assert.AreEqual(("MP5001", 8, 19, 8, 19), (warning.Code, warning.LineNumber, warning.ColumnNumber, warning.EndLineNumber, warning.EndColumnNumber));
        Assert.AreEqual(Path.Combine(root, "docs/03-build-notes/m1/IMPLEMENTATION_PLAN.md"), warning.File);
        StringAssert.EndsWith(warning.HelpLink, "docs/rules/MP5001.md");
        Directory.Delete(root, recursive: true);
    }

    [TestMethod]
    public void Globalconfig_suggestion_becomes_a_message_and_TreatWarningsAsErrors_an_error()
    {
        var root = Repository(".globalconfig", "is_global = true\ndotnet_diagnostic.MP5001.severity = suggestion\n");
        var (task, engine) = Task(root);
        Assert.IsTrue(task.Execute());
        Assert.IsEmpty(engine.Warnings);
        Assert.IsTrue(engine.Messages.Any(m => m.Code == "MP5001" && m.Importance == MessageImportance.High && m.Message!.StartsWith("info MP5001: ", StringComparison.Ordinal)));

        File.Delete(Path.Combine(root, ".globalconfig"));
        var (strict, strictEngine) = Task(root, t => t.TreatWarningsAsErrors = true);
        Assert.IsFalse(strict.Execute());
        Assert.AreEqual("MP5001", strictEngine.Errors.Single().Code);
        Directory.Delete(root, recursive: true);
    }

    [TestMethod]
    public void Unchanged_inputs_are_not_validated_again()
    {
        var root = Repository();
        Task(root).Task.Execute();

        var (second, engine) = Task(root);
        Assert.IsTrue(second.Execute());

        Assert.IsEmpty(engine.Warnings);
        Assert.IsTrue(engine.Messages.Any(m => m.Message!.StartsWith("MilestonePlan: plans unchanged since the last validation; skipped", StringComparison.Ordinal)));
        Directory.Delete(root, recursive: true);
    }

    [TestMethod]
    public void A_spec_kept_outside_the_docs_tree_is_an_input_too()
    {
        // The Issue File points out of the docs tree (inside the repository): editing that spec must re-validate,
        // although nothing under the docs root changed.
        var root = Repository();
        File.WriteAllText(Path.Combine(root, "docs/03-build-notes/m1/IMPLEMENTATION_PLAN.md"), Plan
            .Replace("| Issue # | Title | Priority | Dependencies |", "| Issue # | Title | Priority | Dependencies | Issue File |", StringComparison.Ordinal)
            .Replace("|---|---|---|---|", "|---|---|---|---|---|", StringComparison.Ordinal)
            .Replace("| #01 | Parser | P0 | None |", "| #01 | Parser | P0 | None | ../../../specs/01-parser.md |", StringComparison.Ordinal));
        Directory.CreateDirectory(Path.Combine(root, "specs"));
        var spec = Path.Combine(root, "specs/01-parser.md");
        File.WriteAllText(spec, "# Issue #01: Parser\n");
        Assert.IsTrue(Task(root).Task.Execute());

        var (unchanged, unchangedEngine) = Task(root);
        Assert.IsTrue(unchanged.Execute());
        Assert.IsTrue(unchangedEngine.Messages.Any(m => m.Message!.StartsWith("MilestonePlan: plans unchanged", StringComparison.Ordinal)));

        File.WriteAllText(spec, "# Issue #01: Parser, now longer\n");
        var (edited, editedEngine) = Task(root);
        Assert.IsTrue(edited.Execute());
        Assert.IsFalse(editedEngine.Messages.Any(m => m.Message!.StartsWith("MilestonePlan: plans unchanged", StringComparison.Ordinal)),
            string.Join("\n", editedEngine.Messages.Select(m => m.Message)));
        Assert.IsTrue(editedEngine.Messages.Any(m => m.Message!.StartsWith("MilestonePlan: validated 1 plan(s)", StringComparison.Ordinal)));
        Assert.IsFalse(editedEngine.Warnings.Any(w => w.Code is "MP2001" or "MP2006"), "the spec was found and read");
        Directory.Delete(root, recursive: true);
    }

    [TestMethod]
    public void An_internal_failure_is_one_MP0001_never_an_exception()
    {
        var root = Repository();
        var (task, engine) = Task(root, t => t.DocsRoot = "bad\0path");

        Assert.IsTrue(task.Execute());

        var warning = engine.Warnings.Single();
        Assert.AreEqual("MP0001", warning.Code);
        StringAssert.Contains(warning.Message, "MilestonePlan could not finish validating");
        Directory.Delete(root, recursive: true);
    }

    [TestMethod]
    public void Workflow_task_reports_an_unknown_milestone_as_MP9001()
    {
        var root = Repository();
        var engine = new RecordingBuildEngine();
        var task = new MilestoneWorkflow { BuildEngine = engine, Action = "NextIssue", ProjectDirectory = root, Milestone = "m9" };

        Assert.IsFalse(task.Execute());

        Assert.AreEqual(("MP9001", "Workflow stopped: No plan for milestone m9. Plans found: m1"), (engine.Errors.Single().Code, engine.Errors.Single().Message));
        Directory.Delete(root, recursive: true);
    }
}
