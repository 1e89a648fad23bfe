using MilestonePlan.Core.IO;
using MilestonePlan.Core.Validation;
using MilestonePlan.Workflow.Tests.Support;
using MilestonePlan.Core.Configuration;

namespace MilestonePlan.Workflow.Tests;

[TestClass]
public sealed class NewMilestonePlanTests
{
    [TestMethod]
    public void Scaffolds_a_plan_from_the_specs_that_validates_clean_and_never_overwrites()
    {
        using var repo = new WorkflowRepository();
        const string folder = "docs/03-build-notes/milestones/m2";
        repo.Git.Write($"{folder}/00-epic.md", "---\ntitle: \"M2: Todo API\"\n---\n\n# M2: Todo API\n");
        repo.Git.Write($"{folder}/01-model.md", "---\ntitle: \"Todo model\"\npriority: P0\ndependencies: []\n---\n\n# Todo model\n\n## Done Definition\n\nx\n\n## Acceptance Criteria\n\n- [ ] a\n");
        repo.Git.Write($"{folder}/02-storage.md", "---\ntitle: \"Storage | SQLite\"\npriority: P1\ndependencies: [01-model.md]\n---\n\n# Storage\n\n## Done Definition\n\nx\n\n## Acceptance Criteria\n\n- [ ] b\n");

        repo.Runner(milestone: "M2").NewMilestonePlan();

        var plan = File.ReadAllText(Path.Combine(repo.Git.Path_, folder, "IMPLEMENTATION_PLAN.md"));
        StringAssert.Contains(plan, "# M2: Todo API — Implementation Plan");
        StringAssert.Contains(plan, "**Milestone Branch:** `milestone/m2-todo-api`");
        StringAssert.Contains(plan, "| #02 | 02-storage.md | Storage \\| SQLite | P1 | #01 | `feat/m2-02-storage` | `feat(m2)` | M |");
        var findings = RepositoryValidator.Validate(DiskFileSystem.Instance, new ValidationOptions { RepositoryRoot = repo.Git.Path_ })
            .Diagnostics.Where(d => d.FilePath.Contains("/m2/", StringComparison.Ordinal)).ToList();
        Assert.IsEmpty(findings, string.Join("\n", findings));

        var error = Assert.ThrowsExactly<WorkflowException>(() => repo.Runner(milestone: "m2").NewMilestonePlan());
        Assert.AreEqual("MP9002", error.Rule.Id);
    }
}
