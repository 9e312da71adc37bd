import type { Snapshot } from "../model/types.js";
import { releaseNeighbours, type Neighbours } from "./neighbours.js";
import { diffReleases, type ReleaseDiff } from "./release-diff.js";

interface Memo {
  readonly neighbours: ReadonlyMap<string, Neighbours>;
  readonly diffs: Map<string, ReleaseDiff>;
}

// The page, the mirror and both reports read the same diff; the YAML diffs are computed once per snapshot as long
// as those readers come close together, as the build arranges (src/site/release-order.ts). Only the latest diffs
// are kept: holding all of them cost about 250 MB at 10,000 releases.
const memos = new WeakMap<Snapshot, Memo>();
const KEPT_DIFFS = 256;

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
  const oldest = memo.diffs.keys().next();
  if (memo.diffs.size > KEPT_DIFFS && oldest.done !== true) memo.diffs.delete(oldest.value);
  return diff;
}
