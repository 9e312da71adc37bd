import { digestText } from "../diff/describe.js";
import { imageState, type ImageDigests } from "../diff/release-diff.js";
import { securityTotals, testTotals } from "../diff/totals.js";
import { workloads } from "../diff/workloads.js";
import type { Commit } from "../model/types.js";
import { formatTime } from "../site/format.js";
import type { ReleaseView } from "../site/views.js";
import { mdCode, mdFence, mdTable, mdText } from "./markdown.js";
import type { ReportStamp } from "./stamp.js";

/** Past this many lines a YAML diff is cut in the Markdown (the HTML report has it whole); keeps tickets small. */
export const MARKDOWN_DIFF_LINES = 200;

/**
 * The Markdown summary of one release for a ticket body: facts, images with digests, commits, test and security
 * totals, and what changed since the previous release, as GFM tables. Every value from the export is escaped.
 */
export function renderReleaseMarkdown(view: ReleaseView, stamp: ReportStamp, images: ImageDigests, pagePath: string): string {
  const r = view.release;
  const env = r.environment;
  const tests = testTotals(r);
  const security = securityTotals(r);
  const parts = [
    `# Release ${mdText(r.version)} · ${mdText(r.project)}\n`,
    mdTable(
      ["Field", "Value"],
      [
        ["Version", mdText(r.version)],
        ["Project", mdText(r.project)],
        ["Workflow", `${mdText(r.workflow)}#${r.taskId}${r.workflowDisplayName !== "" && r.workflowDisplayName !== r.workflow ? ` (${mdText(r.workflowDisplayName)})` : ""}`],
        ["Status", mdText(r.status)],
        ["Environment", env === null ? "not recorded" : `${mdText(env.name)} (namespace ${mdText(env.namespace)})`],
        ["Created", `${formatTime(r.createdAt)} by ${mdText(r.createdBy)}`],
        ["Labels", r.labels.length === 0 ? "none" : r.labels.map(mdText).join(", ")],
        ["Release id", mdCode(r.id)],
      ],
    ),
    "## Images\n",
    imageTable(view, images),
    "## Commits\n",
    commitTable(r.builds.flatMap((build) => build.commits)),
    "## Tests\n",
    view.functionalTests.length === 0
      ? "No functional test reports.\n"
      : mdTable(
          ["Suite", "Total", "Passed", "Failed", "Errors", "Skipped"],
          [
            ...view.functionalTests.map((t) => [mdText(t.name), ...[t.total, t.passed, t.failed, t.errors, t.skipped].map(String)]),
            ["**Total**", ...[tests.total, tests.passed, tests.failed, tests.errors, tests.skipped].map((n) => `**${n}**`)],
          ],
          ["left", "right", "right", "right", "right", "right"],
        ),
    "## Security scans\n",
    view.security.length === 0
      ? "No security scan results.\n"
      : mdTable(
          ["Image", "Total", "Critical", "High", "Medium", "Low", "Negligible", "Unknown"],
          [
            ...view.security.map((s) => [mdCode(s.imageName), ...[s.total, s.critical, s.high, s.medium, s.low, s.negligible, s.unknown].map(String)]),
            ["**Total**", ...[security.total, security.critical, security.high, security.medium, security.low, security.negligible, security.unknown].map((n) => `**${n}**`)],
          ],
          ["left", "right", "right", "right", "right", "right", "right", "right"],
        ),
    ...diffSection(view),
    "---\n",
    `Snapshot: zadig-snapshot ${mdText(stamp.toolVersion)} · input digest ${mdCode(`sha256:${stamp.inputDigest}`)} (${stamp.inputFiles} files) · data as of ${stamp.dataAsOf === null ? "unknown" : formatTime(stamp.dataAsOf)} · release page ${mdCode(pagePath)}\n`,
  ];
  return parts.join("\n");
}

/** Every image the release names, with its digest and where it runs. */
function imageTable(view: ReleaseView, images: ImageDigests): string {
  const running = workloads(view.release);
  const rows = view.release.imageRefs.map((reference) => {
    const usedBy = [
      ...running.filter((w) => w.image === reference).map((w) => `${w.service}/${w.container}`),
      ...view.release.builds.filter((b) => b.imageName === reference).map((b) => `${b.service} (build)`),
    ];
    return [mdCode(reference), mdCode(digestText(imageState(reference, images).digest)), usedBy.length === 0 ? "—" : usedBy.map(mdText).join(", ")];
  });
  return rows.length === 0 ? "No images.\n" : mdTable(["Image", "Digest", "Used by"], rows);
}

function commitTable(commits: readonly Commit[]): string {
  if (commits.length === 0) return "No builds were recorded for this release.\n";
  return mdTable(
    ["Repository", "Branch", "Commit", "PR", "Message", "Author"],
    commits.map((c) => [
      mdText([c.owner, c.repo].filter((part) => part !== "").join("/")),
      mdText(c.branch),
      mdCode(c.commitId.slice(0, 10) || "—"),
      c.pr === null ? "" : `#${c.pr}`,
      mdText(firstLine(c.message)),
      mdText(c.author),
    ]),
  );
}

function diffSection(view: ReleaseView): string[] {
  const d = view.diff;
  const title = d.previous === null ? "## Changes since the previous release\n" : `## Changes since ${mdText(d.previous.version)}\n`;
  const head = [title, `${mdText(d.summary)}\n`];
  if (d.previous !== null) {
    head.push(`Previous release: ${mdText(d.previous.version)}, ${mdText(d.previous.workflow)}#${d.previous.taskId}, ${formatTime(d.previous.createdAt)}, release id ${mdCode(d.previous.id)}.\n`);
  }
  if (d.state !== "changed") return head;
  const sections = [...head];
  if (d.servicesAdded.length + d.servicesRemoved.length > 0) {
    sections.push("### Services\n", mdTable(["Change", "Service"], [...d.servicesAdded.map((s) => ["added", mdText(s)]), ...d.servicesRemoved.map((s) => ["removed", mdText(s)])]));
  }
  if (d.images.length > 0) {
    const side = (state: (typeof d.images)[number]["before"], none: string) => (state === null ? [none, ""] : [mdCode(state.reference), mdCode(state.digest)]);
    sections.push(
      "### Images\n",
      mdTable(["Service", "Container", "Before", "Before digest", "After", "After digest"], d.images.map((c) => [mdText(c.service), mdText(c.container), ...side(c.before, "not running"), ...side(c.after, "removed")])),
    );
  }
  if (d.commits.length > 0) {
    const ids = (commits: readonly { readonly shortId: string }[], none: string) => (commits.length === 0 ? none : commits.map((c) => mdCode(c.shortId || "—")).join(", "));
    sections.push(
      "### Commits\n",
      mdTable(["Repository", "Previous release built", "This release built", "What is known"], d.commits.map((c) => [mdText(c.repoLabel), ids(c.before, "not built"), ids(c.after, "—"), mdText(c.note)])),
    );
  }
  sections.push(
    "### Tests and security\n",
    mdTable(["Count", "Before", "After"], [...d.tests.rows, ...d.security.rows].map((row) => [row.changed ? `**${row.label}**` : row.label, String(row.before ?? "—"), String(row.after)]), ["left", "right", "right"]),
  );
  if (d.yaml.length > 0) {
    sections.push("### Kubernetes YAML\n");
    for (const y of d.yaml) {
      sections.push(`#### ${mdText(y.service)} / ${mdText(y.container)} (+${y.addedLines} −${y.removedLines} lines)\n`);
      if (y.patch === null) {
        sections.push(`${mdText(y.note)}\n`);
        continue;
      }
      const lines = y.patch.split("\n");
      const cut = lines.length > MARKDOWN_DIFF_LINES + 1;
      sections.push(mdFence("diff", cut ? lines.slice(0, MARKDOWN_DIFF_LINES).join("\n") : y.patch));
      if (cut) sections.push(`The diff is cut after ${MARKDOWN_DIFF_LINES} lines; the HTML report has all of it.\n`);
    }
  }
  return sections;
}

function firstLine(text: string): string {
  const line = text.split(/\r\n|\r|\n/)[0] ?? "";
  return line.length > 100 ? `${line.slice(0, 99)}…` : line;
}
