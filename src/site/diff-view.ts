import { digestText, diffSummary, historyNote, yamlNote } from "../diff/describe.js";
import type { RepositoryChange } from "../diff/commit-diff.js";
import type { ImageState, ReleaseDiff } from "../diff/release-diff.js";
import type { SecurityTotals, TestTotals } from "../diff/totals.js";
import type { Commit } from "../model/types.js";
import { commitLinks } from "./links.js";
import type { CommitView, ImageLink } from "./views.js";
import { escapeHtml } from "./format.js";

/** The release diff as templates print it: sentences made, links resolved (null where the output may not link). */
export interface DiffView {
  readonly state: ReleaseDiff["state"];
  readonly summary: string;
  readonly previous: null | { readonly id: string; readonly version: string; readonly workflow: string; readonly taskId: number; readonly createdAt: number; readonly href: string | null };
  readonly servicesAdded: readonly string[];
  readonly servicesRemoved: readonly string[];
  readonly images: readonly { readonly service: string; readonly container: string; readonly before: ImageStateView | null; readonly after: ImageStateView | null }[];
  readonly commits: readonly {
    readonly repoLabel: string;
    readonly repoHref: string | null;
    readonly status: RepositoryChange["status"];
    readonly note: string;
    readonly before: readonly CommitView[];
    readonly added: readonly CommitView[];
    readonly after: readonly CommitView[];
    readonly compareHref: string | null;
  }[];
  readonly yaml: readonly { readonly service: string; readonly container: string; readonly addedLines: number; readonly removedLines: number; readonly patch: string | null; readonly lines: readonly DiffLine[]; readonly note: string }[];
  readonly tests: TotalsView;
  readonly security: TotalsView;
  /** Site-relative path of the diff JSON, and a link to it (null in a single-file report). */
  readonly jsonPath: string;
  readonly jsonHref: string | null;
}

export interface ImageStateView {
  readonly reference: string;
  readonly tag: string;
  readonly digest: string;
  readonly digestKnown: boolean;
  readonly image: ImageLink | null;
}

export interface DiffLine {
  readonly kind: "file" | "hunk" | "add" | "del" | "context" | "note";
  readonly text: string;
}

export interface TotalsView {
  readonly changed: boolean;
  readonly rows: readonly { readonly label: string; readonly before: number | null; readonly after: number; readonly changed: boolean }[];
}

export interface DiffViewLinks {
  readonly image: (reference: string) => ImageLink | null;
  readonly release: (id: string) => string | null;
  readonly commit: (commit: Commit) => CommitView;
  readonly jsonPath: string;
  readonly jsonHref: string | null;
}

const TEST_ROWS: readonly (readonly [keyof TestTotals, string])[] = [
  ["suites", "Test suites"],
  ["total", "Tests"],
  ["passed", "Passed"],
  ["failed", "Failed"],
  ["errors", "Errors"],
  ["skipped", "Skipped"],
];
const SECURITY_ROWS: readonly (readonly [keyof SecurityTotals, string])[] = [
  ["images", "Scanned images"],
  ["total", "Vulnerabilities"],
  ["critical", "Critical"],
  ["high", "High"],
  ["medium", "Medium"],
  ["low", "Low"],
  ["negligible", "Negligible"],
  ["unknown", "Unknown"],
];

export function toDiffView(diff: ReleaseDiff, links: DiffViewLinks): DiffView {
  const state = (image: ImageState | null): ImageStateView | null =>
    image === null ? null : { reference: image.reference, tag: image.tag, digest: digestText(image.digest), digestKnown: image.digest !== null, image: links.image(image.reference) };
  return {
    state: diff.state,
    summary: diffSummary(diff),
    previous: diff.previous === null ? null : { ...diff.previous, href: links.release(diff.previous.id) },
    servicesAdded: diff.services.added,
    servicesRemoved: diff.services.removed,
    images: diff.images.map((change) => ({ service: change.service, container: change.container, before: state(change.before), after: state(change.after) })),
    commits: diff.commits.map((change) => {
      const head = change.after[0];
      return {
        repoLabel: [change.repository.owner, change.repository.repo].filter((part) => part !== "").join("/") || "(repository not named)",
        repoHref: head === undefined ? null : commitLinks(head).repo,
        status: change.status,
        note: historyNote(change),
        before: change.before.map(links.commit),
        added: change.added.map(links.commit),
        after: change.after.map(links.commit),
        compareHref: compareUrl(change),
      };
    }),
    yaml: diff.yaml.map((change) => ({
      service: change.service,
      container: change.container,
      addedLines: change.addedLines,
      removedLines: change.removedLines,
      patch: change.patch,
      lines: change.patch === null ? [] : diffLines(change.patch),
      note: yamlNote(change),
    })),
    tests: totalsView(diff.tests, TEST_ROWS),
    security: totalsView(diff.security, SECURITY_ROWS),
    jsonPath: links.jsonPath,
    jsonHref: links.jsonHref,
  };
}

function totalsView<T extends object>(totals: { before: T | null; after: T; changed: boolean }, rows: readonly (readonly [keyof T, string])[]): TotalsView {
  const number = (value: unknown) => (typeof value === "number" ? value : 0);
  return {
    changed: totals.changed,
    rows: rows.map(([key, label]) => {
      const before = totals.before === null ? null : number(totals.before[key]);
      const after = number(totals.after[key]);
      return { label, before, after, changed: before !== null && before !== after };
    }),
  };
}

/** Unified diff text as classified lines, for colouring; the text itself is printed escaped. */
export function diffLines(patch: string): DiffLine[] {
  const lines = patch.endsWith("\n") ? patch.slice(0, -1).split("\n") : patch.split("\n");
  return lines.map((text, index) => {
    if (index < 2 && (text.startsWith("--- ") || text.startsWith("+++ "))) return { kind: "file", text };
    if (text.startsWith("@@")) return { kind: "hunk", text };
    if (text.startsWith("+")) return { kind: "add", text };
    if (text.startsWith("-")) return { kind: "del", text };
    if (text.startsWith("\\")) return { kind: "note", text };
    return { kind: "context", text };
  });
}

/**
 * The lines of a unified diff as HTML, one `<span class="d-<kind>">` per line followed by a line feed, every text
 * escaped exactly as Nunjucks' autoescape does. A filter (`diffSpans`) rather than a template loop: a loop costs
 * about ten Nunjucks frame writes per line, and diffs run to a thousand lines on every release page and report.
 */
export function diffSpans(lines: readonly DiffLine[]): string {
  let html = "";
  for (const line of lines) html += `<span class="d-${escapeHtml(line.kind)}">${escapeHtml(line.text)}</span>\n`;
  return html;
}

/** Code-host compare paths, per provider; others get no compare link. */
const COMPARE: Readonly<Record<string, string>> = { github: "/compare/", gitee: "/compare/", gitea: "/compare/", gitlab: "/-/compare/" };

/** A link to the commits between the previous and the new build, when both are known and the host has a compare view. */
function compareUrl(change: RepositoryChange): string | null {
  const from = change.before.find((commit) => commit.commitId !== "");
  const to = change.added[0];
  if (change.status !== "new-commits" || from === undefined || to === undefined || change.before.length !== 1 || change.added.length !== 1) return null;
  const repo = commitLinks(to).repo;
  const path = COMPARE[to.source.toLowerCase()];
  return repo === null || path === undefined ? null : `${repo}${path}${encodeURIComponent(from.commitId)}...${encodeURIComponent(to.commitId)}`;
}
