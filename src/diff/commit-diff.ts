import { byCodePoint } from "../model/compare.js";
import type { Commit, Release } from "../model/types.js";

/** Why which commits are new cannot be told from the export. */
export type HistoryGap = "not-built-before" | "previous-commit-unknown" | "commit-unknown";

/**
 * One repository this release built, compared with what the previous release built from it.
 * Zadig records only the commit each build checked out, so "added" holds this release's commits that the previous
 * release did not build; the commits in between are not in the export (a code-host compare link shows them).
 */
export interface RepositoryChange {
  readonly repository: { readonly source: string; readonly address: string; readonly owner: string; readonly repo: string };
  readonly status: "unchanged" | "new-commits" | "history-unknown";
  readonly gap: HistoryGap | null;
  /** What the previous release built from this repository (distinct commit ids). */
  readonly before: readonly Commit[];
  /** What this release built from it (distinct commit ids). */
  readonly after: readonly Commit[];
  /** `after` minus the commit ids in `before`; empty when the history is unknown. */
  readonly added: readonly Commit[];
}

/** Every repository this release built, sorted by owner/repo: unchanged, new commits, or history unknown (and why). */
export function commitChanges(current: Release, previous: Release): RepositoryChange[] {
  const before = commitsByRepository(previous);
  return [...commitsByRepository(current).entries()]
    .map(([key, after]) => compareRepository(after, before.get(key) ?? null))
    .sort((a, b) => byCodePoint(label(a), label(b)) || byCodePoint(a.repository.address, b.repository.address));
}

function compareRepository(after: readonly Commit[], before: readonly Commit[] | null): RepositoryChange {
  const first = after[0];
  const repository = { source: first?.source ?? "", address: first?.address ?? "", owner: first?.owner ?? "", repo: first?.repo ?? "" };
  const base = { repository, before: before ?? [], after };
  if (after.some((commit) => commit.commitId === "")) return { ...base, status: "history-unknown", gap: "commit-unknown", added: [] };
  if (before === null) return { ...base, status: "history-unknown", gap: "not-built-before", added: [] };
  const known = new Set(before.map((commit) => commitKey(commit.commitId)).filter((id) => id !== ""));
  if (known.size === 0) return { ...base, status: "history-unknown", gap: "previous-commit-unknown", added: [] };
  const added = after.filter((commit) => !known.has(commitKey(commit.commitId)));
  return { ...base, status: added.length === 0 ? "unchanged" : "new-commits", gap: null, added };
}

/** Build commits grouped by repository (code-host address, owner and name, case-insensitive), distinct by commit id. */
function commitsByRepository(release: Release): Map<string, Commit[]> {
  const groups = new Map<string, Commit[]>();
  for (const commit of release.builds.flatMap((build) => build.commits)) {
    const key = JSON.stringify([commit.address.toLowerCase().replace(/\/+$/, ""), commit.owner.toLowerCase(), commit.repo.toLowerCase()]);
    const list = groups.get(key) ?? [];
    if (!list.some((known) => commitKey(known.commitId) === commitKey(commit.commitId))) list.push(commit);
    groups.set(key, list);
  }
  return groups;
}

function commitKey(id: string): string {
  return id.trim().toLowerCase();
}

function label(change: RepositoryChange): string {
  return `${change.repository.owner}/${change.repository.repo}`.toLowerCase();
}
