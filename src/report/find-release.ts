import type { Release, Snapshot } from "../model/types.js";

export type FoundRelease =
  | { readonly kind: "found"; readonly release: Release }
  | { readonly kind: "ambiguous"; readonly candidates: readonly Release[] }
  | { readonly kind: "unknown" };

const ID = /^[0-9a-f]{24}$/i;

/**
 * The release a `--release` value names: its id (24 hex, any case), else its exact version. A version several
 * projects or workflows share is ambiguous (candidates newest first); nothing is guessed.
 * @example findRelease(snapshot, "2.4.1") // { kind: "found", release: … }
 */
export function findRelease(snapshot: Snapshot, selector: string): FoundRelease {
  if (ID.test(selector)) {
    const byId = snapshot.releasesById.get(selector.toLowerCase());
    if (byId !== undefined) return { kind: "found", release: byId };
  }
  const byVersion = snapshot.releases.filter((release) => release.version === selector);
  const [only] = byVersion;
  if (only === undefined) return { kind: "unknown" };
  return byVersion.length === 1 ? { kind: "found", release: only } : { kind: "ambiguous", candidates: byVersion };
}
