import type { RepositoryChange } from "./commit-diff.js";
import type { ReleaseDiff } from "./release-diff.js";
import type { YamlChange } from "./yaml-diff.js";
import { MAX_YAML_EDIT_LENGTH } from "./yaml-diff.js";

/** The sentences the release page and both reports print about a diff: one wording everywhere. */

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/**
 * One line that says what the diff found.
 * @example diffSummary(firstRelease) // "No previous release of this project and workflow: nothing to compare with."
 */
export function diffSummary(diff: ReleaseDiff): string {
  if (diff.previous === null || diff.state === "no-previous") return "No previous release of this project and workflow: nothing to compare with.";
  const since = `since ${diff.previous.version}`;
  if (diff.state === "no-changes") {
    return `No changes ${since}: the same services, images, commits, Kubernetes YAML, test totals and security counts.`;
  }
  const parts = [
    diff.services.added.length > 0 ? `${plural(diff.services.added.length, "service")} added` : "",
    diff.services.removed.length > 0 ? `${plural(diff.services.removed.length, "service")} removed` : "",
    diff.images.length > 0 ? `${plural(diff.images.length, "image")} changed` : "",
    countCommits(diff.commits),
    diff.yaml.length > 0 ? `${plural(diff.yaml.length, "YAML document set")} changed` : "",
    diff.tests.changed ? "test totals changed" : "",
    diff.security.changed ? "security counts changed" : "",
  ].filter((part) => part !== "");
  return `Changes ${since}: ${parts.join(", ")}.`;
}

function countCommits(changes: readonly RepositoryChange[]): string {
  const fresh = changes.filter((change) => change.status === "new-commits").length;
  const unknown = changes.filter((change) => change.status === "history-unknown").length;
  return [
    fresh > 0 ? `new commits in ${plural(fresh, "repository", "repositories")}` : "",
    unknown > 0 ? `commit history unknown for ${plural(unknown, "repository", "repositories")}` : "",
  ]
    .filter((part) => part !== "")
    .join(", ");
}

/**
 * What a repository row means, in words; never a guess when the history is not in the export.
 * @example historyNote({ status: "history-unknown", gap: "not-built-before", … }) // "History unknown: the previous release did not build this repository, so which commits are new cannot be told."
 */
export function historyNote(change: RepositoryChange): string {
  switch (change.status) {
    case "unchanged":
      return "Unchanged: the previous release built the same commit.";
    case "new-commits":
      return "New commit: Zadig records only the commit each build checked out, so commits in between are not in the export.";
    case "history-unknown":
      switch (change.gap) {
        case "previous-commit-unknown":
          return "History unknown: the previous release's build of this repository has no commit id.";
        case "commit-unknown":
          return "History unknown: this release's build of this repository has no commit id.";
        default:
          return "History unknown: the previous release did not build this repository, so which commits are new cannot be told.";
      }
  }
}

/** Why a YAML change has no patch, or "" when it has one. */
export function yamlNote(change: YamlChange): string {
  return change.patch === null
    ? `More than ${MAX_YAML_EDIT_LENGTH} lines differ, so the diff is not shown. sha256 before ${change.beforeSha256}, after ${change.afterSha256}.`
    : "";
}

/** The digest, or the words a reader sees when no artifact trace was exported for the image. */
export function digestText(digest: string | null): string {
  return digest ?? "not exported";
}
