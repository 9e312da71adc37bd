import type { Commit } from "../model/types.js";

/**
 * The URL itself when it is absolute http(s), otherwise null: only these become links.
 * @example safeHttpUrl("javascript:alert(1)") // null
 */
export function safeHttpUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
}

/** Relative href from one output file to another, both given as site-relative paths. */
export function relativeHref(from: string, to: string): string {
  const depth = from.split("/").length - 1;
  return "../".repeat(depth) + to;
}

export interface CommitLinks {
  readonly repo: string | null;
  readonly commit: string | null;
  readonly branch: string | null;
  readonly pr: string | null;
}

/** Code-host web URLs per provider (`source`); unknown providers get repo and commit links only. */
const PROVIDERS: ReadonlyMap<string, { commit: string; tree: string; pr: string | null }> = new Map([
  ["github", { commit: "/commit/", tree: "/tree/", pr: "/pull/" }],
  ["gitlab", { commit: "/-/commit/", tree: "/-/tree/", pr: "/-/merge_requests/" }],
  ["gitee", { commit: "/commit/", tree: "/tree/", pr: "/pulls/" }],
  ["gitea", { commit: "/commit/", tree: "/src/branch/", pr: "/pulls/" }],
  ["bitbucket", { commit: "/commits/", tree: "/branch/", pr: "/pull-requests/" }],
]);

/**
 * Links for one commit, chosen by its code host. Nothing becomes a link unless the address is http(s).
 * @example commitLinks({ source: "github", address: "https://github.com", owner: "koderover", repo: "zadig", commitId: "4b15", pr: 736, ... }).pr
 *   // "https://github.com/koderover/zadig/pull/736"
 */
export function commitLinks(commit: Commit): CommitLinks {
  const base = safeHttpUrl(commit.address);
  if (base === null || commit.repo === "") return { repo: null, commit: null, branch: null, pr: null };
  const repoPath = [...commit.owner.split("/"), commit.repo].filter((part) => part !== "").map(encodeURIComponent).join("/");
  const repo = `${base.replace(/\/+$/, "")}/${repoPath}`;
  const provider = PROVIDERS.get(commit.source.toLowerCase()) ?? { commit: "/commit/", tree: "/tree/", pr: null };
  return {
    repo,
    commit: commit.commitId === "" ? null : repo + provider.commit + encodeURIComponent(commit.commitId),
    branch: commit.branch === "" ? null : repo + provider.tree + commit.branch.split("/").map(encodeURIComponent).join("/"),
    pr: commit.pr === null || provider.pr === null ? null : repo + provider.pr + String(commit.pr),
  };
}
