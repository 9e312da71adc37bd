import { newestFirst } from "../importer/link.js";
import type { Release } from "../model/types.js";

export interface Neighbours {
  readonly previous: Release | null;
  readonly next: Release | null;
}

/**
 * Previous and next release of the same project and workflow, by `created_at` with ties broken by id (the
 * API's order): the one definition the release page, the release diff and the reports share.
 * @example releaseNeighbours(snapshot.releases).get(id)?.previous?.version // "2.4.0"
 */
export function releaseNeighbours(releases: readonly Release[]): ReadonlyMap<string, Neighbours> {
  const byWorkflow = new Map<string, Release[]>();
  for (const release of releases) {
    const key = JSON.stringify([release.project, release.workflow]);
    const list = byWorkflow.get(key);
    if (list === undefined) byWorkflow.set(key, [release]);
    else list.push(release);
  }
  const result = new Map<string, Neighbours>();
  for (const list of byWorkflow.values()) {
    const newestFirstList = [...list].sort(newestFirst);
    newestFirstList.forEach((release, index) =>
      result.set(release.id, { previous: newestFirstList[index + 1] ?? null, next: newestFirstList[index - 1] ?? null }),
    );
  }
  return result;
}
