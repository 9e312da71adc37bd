import { byCodePoint } from "../model/compare.js";
import type { Image, Release } from "../model/types.js";
import { parseImageReference } from "../site/paths.js";
import { commitChanges, type RepositoryChange } from "./commit-diff.js";
import { securityTotals, testTotals, totalsDiffer, type SecurityTotals, type TestTotals } from "./totals.js";
import { workloadKey, workloads, type Workload } from "./workloads.js";
import { yamlChange, type YamlChange } from "./yaml-diff.js";

/** Names the JSON shape, so a reader of `diff.json` knows what it holds and which revision. */
export const RELEASE_DIFF_FORMAT = "zadig-snapshot/release-diff/v1";

export interface ReleaseRef {
  readonly id: string;
  readonly version: string;
  readonly project: string;
  readonly workflow: string;
  readonly taskId: number;
  readonly createdAt: number;
}

/** An image as a reader compares it: the reference, its tag, and its digest when known. */
export interface ImageState {
  readonly reference: string;
  readonly tag: string;
  /** From the exported artifact trace, else from an `@digest` in the reference; null when neither says. */
  readonly digest: string | null;
}

/** A container whose image changed; `before` null = new container, `after` null = container gone. */
export interface ImageChange {
  readonly service: string;
  readonly container: string;
  readonly before: ImageState | null;
  readonly after: ImageState | null;
}

export interface TotalsChange<T> {
  /** null when there is no previous release. */
  readonly before: T | null;
  readonly after: T;
  readonly changed: boolean;
}

/**
 * What changed since the previous release of the same project and workflow. `state` is explicit:
 * "no-previous" (first release: nothing to compare), "no-changes", or "changed".
 */
export interface ReleaseDiff {
  readonly format: typeof RELEASE_DIFF_FORMAT;
  readonly release: ReleaseRef;
  readonly previous: ReleaseRef | null;
  readonly state: "no-previous" | "no-changes" | "changed";
  readonly services: { readonly added: readonly string[]; readonly removed: readonly string[] };
  readonly images: readonly ImageChange[];
  readonly commits: readonly RepositoryChange[];
  readonly yaml: readonly YamlChange[];
  readonly tests: TotalsChange<TestTotals>;
  readonly security: TotalsChange<SecurityTotals>;
}

/**
 * Compares a release with its previous release (or null). Pure: `images` only supplies digests from artifact traces.
 * @example diffReleases(r2, r1, snapshot.imagesByRef).images[0] // { service: "api", container: "api", before: { tag: "1.0", … }, after: { tag: "1.1", … } }
 */
export function diffReleases(current: Release, previous: Release | null, images: ReadonlyMap<string, Image>): ReleaseDiff {
  const tests = testTotals(current);
  const security = securityTotals(current);
  if (previous === null) {
    return {
      format: RELEASE_DIFF_FORMAT,
      release: toRef(current),
      previous: null,
      state: "no-previous",
      services: { added: [], removed: [] },
      images: [],
      commits: [],
      yaml: [],
      tests: { before: null, after: tests, changed: false },
      security: { before: null, after: security, changed: false },
    };
  }
  const now = workloads(current);
  const then = workloads(previous);
  const servicesNow = new Set(now.map((w) => w.service));
  const servicesThen = new Set(then.map((w) => w.service));
  const testsBefore = testTotals(previous);
  const securityBefore = securityTotals(previous);
  const diff = {
    services: {
      added: [...servicesNow].filter((service) => !servicesThen.has(service)),
      removed: [...servicesThen].filter((service) => !servicesNow.has(service)),
    },
    images: imageChanges(then, now, images),
    commits: commitChanges(current, previous),
    yaml: yamlChanges(then, now),
    tests: { before: testsBefore, after: tests, changed: totalsDiffer(testsBefore, tests) },
    security: { before: securityBefore, after: security, changed: totalsDiffer(securityBefore, security) },
  };
  const changed =
    diff.services.added.length + diff.services.removed.length + diff.images.length + diff.yaml.length > 0 ||
    diff.commits.some((change) => change.status !== "unchanged") ||
    diff.tests.changed ||
    diff.security.changed;
  return { format: RELEASE_DIFF_FORMAT, release: toRef(current), previous: toRef(previous), state: changed ? "changed" : "no-changes", ...diff };
}

function toRef(release: Release): ReleaseRef {
  const { id, version, project, workflow, taskId, createdAt } = release;
  return { id, version, project, workflow, taskId, createdAt };
}

/** Containers whose image reference differs, plus containers only one side runs; sorted by service, container. */
function imageChanges(then: readonly Workload[], now: readonly Workload[], images: ReadonlyMap<string, Image>): ImageChange[] {
  const before = new Map(then.map((w) => [workloadKey(w.service, w.container), w]));
  const after = new Map(now.map((w) => [workloadKey(w.service, w.container), w]));
  const keys = [...new Set([...before.keys(), ...after.keys()])];
  const state = (workload: Workload | undefined) => (workload === undefined || workload.image === null ? null : imageState(workload.image, images));
  return keys
    .flatMap((key) => {
      const old = before.get(key);
      const neu = after.get(key);
      if (old?.image === neu?.image) return [];
      const named = neu ?? old;
      return named === undefined ? [] : [{ service: named.service, container: named.container, before: state(old), after: state(neu) }];
    })
    .sort((a, b) => byCodePoint(a.service, b.service) || byCodePoint(a.container, b.container));
}

/** What `imageState` reads of each image: its trace's digest. The snapshot's `imagesByRef` is one. */
export type ImageDigests = ReadonlyMap<string, { readonly trace: { readonly digest: string } | null }>;

/** Tag and digest of a reference: the digest from its artifact trace when exported, else from `@digest` in it. */
export function imageState(reference: string, images: ImageDigests): ImageState {
  const parsed = parseImageReference(reference);
  const traced = images.get(reference)?.trace?.digest ?? "";
  const pinned = parsed.kind === "ok" ? (parsed.digest ?? "") : "";
  const tag = parsed.kind === "ok" ? (parsed.tag ?? "") : looseTag(reference);
  return { reference, tag, digest: traced !== "" ? traced : pinned !== "" ? pinned : null };
}

/** The text after the last ":" past the last "/", for references the grammar rejects. */
function looseTag(reference: string): string {
  const name = reference.split("@")[0] ?? "";
  const colon = name.lastIndexOf(":");
  return colon > name.lastIndexOf("/") ? name.slice(colon + 1) : "";
}

/** YAML of containers both releases deployed, where the text differs. */
function yamlChanges(then: readonly Workload[], now: readonly Workload[]): YamlChange[] {
  const before = new Map(then.map((w) => [workloadKey(w.service, w.container), w]));
  return now.flatMap((workload) => {
    const old = before.get(workloadKey(workload.service, workload.container));
    if (old?.yaml == null || workload.yaml === null) return [];
    return yamlChange(workload.service, workload.container, old.yaml, workload.yaml) ?? [];
  });
}
