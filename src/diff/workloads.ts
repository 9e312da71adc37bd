import { byCodePoint } from "../model/compare.js";
import type { Release } from "../model/types.js";

/** One container a release runs: its service, container, image, and the YAML its deploy row rendered. */
export interface Workload {
  readonly service: string;
  readonly container: string;
  /** null when the deploy row names no image. */
  readonly image: string | null;
  /** The deploy row's `yamlContents`; null when only the environment snapshot names this container. */
  readonly yaml: readonly string[] | null;
}

/**
 * What a release runs, per service and container, sorted: its deploy rows first (what it deployed), then the
 * environment snapshot's containers that no deploy row names (e.g. helm versions have no deploy rows).
 */
export function workloads(release: Release): Workload[] {
  const found = new Map<string, Workload>();
  for (const deploy of release.deploys) {
    const key = workloadKey(deploy.service, deploy.container);
    if (!found.has(key)) found.set(key, { service: deploy.service, container: deploy.container, image: deploy.image, yaml: deploy.yaml });
  }
  for (const service of release.environment?.groups.flat() ?? []) {
    for (const container of service.containers) {
      const key = workloadKey(service.name, container.name);
      if (!found.has(key)) found.set(key, { service: service.name, container: container.name, image: container.image === "" ? null : container.image, yaml: null });
    }
  }
  return [...found.values()].sort((a, b) => byCodePoint(a.service, b.service) || byCodePoint(a.container, b.container));
}

export function workloadKey(service: string, container: string): string {
  return JSON.stringify([service, container]);
}
