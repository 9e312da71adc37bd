import { byCodePoint } from "../model/compare.js";
import type { Image, ImageUse, Release, Snapshot, ArtifactTrace } from "../model/types.js";

/**
 * Builds the snapshot: releases newest first, and one image per reference named by any release or exported
 * trace, with its back-links (the releases that contain it) computed once here.
 */
export function link(releases: readonly Release[], traces: ReadonlyMap<string, ArtifactTrace>): Snapshot {
  const sorted = [...releases].sort(newestFirst);
  const uses = new Map<string, ImageUse[]>();
  const addUse = (reference: string, use: ImageUse) => {
    if (reference === "") return;
    const list = uses.get(reference) ?? [];
    if (!list.some((known) => sameUse(known, use))) list.push(use);
    uses.set(reference, list);
  };
  for (const release of sorted) {
    const environment = release.environment?.name ?? "";
    const namespace = release.environment?.namespace ?? "";
    const base = { releaseId: release.id, environment, namespace };
    for (const deploy of release.deploys) {
      if (deploy.image !== null) addUse(deploy.image, { ...base, via: "deploy", service: deploy.service, container: deploy.container });
    }
    for (const service of release.environment?.groups.flat() ?? []) {
      for (const container of service.containers) {
        addUse(container.image, { ...base, via: "environment", service: service.name, container: container.name });
      }
    }
    for (const build of release.builds) {
      addUse(build.imageName, { ...base, via: "build", service: build.service, container: "" });
    }
  }
  const references = [...new Set([...uses.keys(), ...traces.keys()])].sort(byCodePoint);
  const images: Image[] = references.map((reference) => ({
    reference,
    uses: uses.get(reference) ?? [],
    trace: traces.get(reference) ?? null,
  }));
  return {
    releases: sorted,
    images,
    releasesById: new Map(sorted.map((release) => [release.id, release])),
    imagesByRef: new Map(images.map((image) => [image.reference, image])),
  };
}

/** The API's order: created_at desc; Zadig leaves ties unordered, we break them by id desc so output is stable. */
export function newestFirst(a: Release, b: Release): number {
  return b.createdAt - a.createdAt || byCodePoint(b.id, a.id);
}

function sameUse(a: ImageUse, b: ImageUse): boolean {
  return a.releaseId === b.releaseId && a.via === b.via && a.service === b.service && a.container === b.container;
}

