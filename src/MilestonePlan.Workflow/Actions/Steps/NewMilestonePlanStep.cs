using MilestonePlan.Core.Configuration;
using MilestonePlan.Core.IO;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Parsing;
using MilestonePlan.Core.Planning;
using MilestonePlan.Core.Validation;
using MilestonePlan.Workflow.Editing;
using MilestonePlan.Workflow.Services;

namespace MilestonePlan.Workflow.Actions.Steps;

/// <summary>NewMilestonePlan: scaffolds `m{n}/IMPLEMENTATION_PLAN.md` from the template and the specs already in the folder.</summary>
internal sealed class NewMilestonePlanStep(Settings.WorkflowContext options, Action<string> say, BranchGuard branches)
{
    public NewMilestonePlanStep(WorkflowServices services)
        : this(services, StepParts.Of(services))
    {
    }

    private NewMilestonePlanStep(WorkflowServices services, StepParts parts)
        : this(services.Options, services.Say, parts.Branches)
    {
    }

    public string Run()
    {
        if (options.Milestone is not { } milestone)
        {
            throw WorkflowException.Tool("NewMilestonePlan needs the milestone: -p:Milestone=m3");
        }

        var docs = Path.GetFullPath(Path.Combine(options.RepositoryRoot, options.DocsRoot));
        var folder = (Directory.Exists(docs) ? Directory.GetDirectories(docs, "*", SearchOption.AllDirectories) : [])
            .FirstOrDefault(d => MilestoneId.Parse(Path.GetFileName(d)) == milestone && Path.GetFileName(d).Length == milestone.Value.Length)
            ?? Path.Combine(docs, milestone.Value);
        var planPath = branches.RequireInside(Path.Combine(branches.RequireInside(folder), PlanDiscovery.PlanFileName));
        if (File.Exists(planPath))
        {
            throw WorkflowException.Write($"{options.Relative(planPath)} already exists; nothing was written");
        }

        var ignored = new HashSet<string>(ValidationOptions.DefaultNonSpecFileNames, StringComparer.OrdinalIgnoreCase);
        // Specs are read as the build reads them: regular files inside the repository, under the size cap.
        var markdown = (Directory.Exists(folder) ? Directory.GetFiles(folder, "*.md") : [])
            .Select(f => (Path: f, File: RepositoryPath.Check(DiskFileSystem.Instance, options.RepositoryRoot, f) is null
                ? DiskFileSystem.Instance.Read(f, options.MaxSpecBytes) : FileText.Missing))
            .Where(f => f.File.Text is not null)
            .ToList();
        var specs = markdown.Where(f => !ignored.Contains(Path.GetFileName(f.Path)))
            .Select(f => new ScaffoldSpec(Path.GetFileName(f.Path), SpecParser.Parse(f.Path, f.File.Text!)))
            .ToList();
        var epic = markdown.FirstOrDefault(f => Path.GetFileName(f.Path) is "00-epic.md" or "_milestone.md");
        var title = epic.Path is null ? null : MilestoneTitle(SpecParser.Parse(epic.Path, epic.File.Text!), milestone);
        var text = PlanScaffold.Create(milestone, options.Relative(folder), title, specs);
        if (options.DryRun)
        {
            say($"would write {options.Relative(planPath)} ({specs.Count} spec(s)):\n{text}");
            return text;
        }

        Directory.CreateDirectory(folder);
        PlanFile.Create(branches.RequireInside(planPath), text);

        say($"Wrote {options.Relative(planPath)} with {specs.Count} issue(s)");
        return text;
    }

    private static string? MilestoneTitle(IssueSpec epic, MilestoneId milestone)
    {
        var title = epic.Get("title")?.Scalar ?? epic.Title?.Text;
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        var colon = title!.IndexOf(':');
        return colon > 0 && MilestoneId.Parse(title.Substring(0, colon)) == milestone ? title.Substring(colon + 1).Trim() : title.Trim();
    }
}
