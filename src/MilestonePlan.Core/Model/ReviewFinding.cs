namespace MilestonePlan.Core.Model;

/// <summary>
/// One finding of a code review, as the template's findings format lists it: `text (score: N, file: path, line: N)`.
/// The reviewer's words are untrusted; the editor writes a finding only when it reads back as this record.
/// </summary>
/// <param name="Text">What the reviewer found, one line.</param>
/// <param name="Score">How sure and how serious, 0–100 (SARIF's `rank`).</param>
/// <param name="File">The file it is in (repository-relative), null when the finding names none.</param>
/// <param name="Line">The 1-based line in <paramref name="File"/>, null when the finding names none.</param>
internal sealed record ReviewFinding(string Text, int Score, string? File, int? Line);

/// <summary>
/// A Blocked / Needs Review entry in the template's code-review findings format, as read from its nested lines: why
/// (Reason), the numbered Findings, what to do (Fix), the PR and when. Parts the entry does not have are null; an
/// entry in another format has no findings and no PR.
/// </summary>
/// <param name="Findings">In the entry's order. A list: compare with SequenceEqual, not with the record's ==.</param>
internal sealed record ReviewStop(string? Reason, IReadOnlyList<ReviewFinding> Findings, string? Fix, int? PullRequest, string? BlockedDate);
