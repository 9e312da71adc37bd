import type { Snapshot } from "../model/types.js";
import { releaseNeighbours, type Neighbours } from "./neighbours.js";
import { diffReleases, type ReleaseDiff } from "./release-diff.js";

interface Memo {
  readonly neighbours: ReadonlyMap<string, Neighbours>;
  readonly diffs: Map<string, ReleaseDiff>;
}

// The page, the mirror and both reports read the same diff; the YAML diffs are computed once per snapshot.
const memos = new WeakMap<Snapshot, Memo>();

/** The diff of one release of the snapshot against its previous release (memoised per snapshot), or null for an unknown id. */
export function releaseDiffOf(snapshot: Snapshot, releaseId: string): ReleaseDiff | null {
  let memo = memos.get(snapshot);
  if (memo === undefined) {
    memo = { neighbours: releaseNeighbours(snapshot.releases), diffs: new Map() };
    memos.set(snapshot, memo);
  }
  const known = memo.diffs.get(releaseId);
  if (known !== undefined) return known;
  const release = snapshot.releasesById.get(releaseId);
  if (release === undefined) return null;
  const diff = diffReleases(release, memo.neighbours.get(releaseId)?.previous ?? null, snapshot.imagesByRef);
  memo.diffs.set(releaseId, diff);
  return diff;
}
