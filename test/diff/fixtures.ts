import { link } from "../../src/importer/link.js";
import { toArtifactTrace, toRelease } from "../../src/importer/normalize.js";
import type { Release, Snapshot } from "../../src/model/types.js";
import { Artifact } from "../../src/schemas/artifact.js";
import { ReleaseItem } from "../../src/schemas/release.js";
import { inMemoryRecord } from "../../src/model/raw-record.js";

/** Inline release exports for diff and report tests: only what a case needs, through the real schema and normalizer. */
export interface ReleaseSpec {
  readonly id: string;
  readonly version?: string;
  readonly project?: string;
  readonly workflow?: string;
  readonly taskId?: number;
  readonly createdAt?: number;
  readonly deploys?: readonly { service: string; image: string; yaml?: string[] }[];
  readonly builds?: readonly { service: string; image?: string; commits: readonly Record<string, unknown>[] }[];
  readonly tests?: readonly { name: string; tests: number; failures?: number; errors?: number; skips?: number }[];
  readonly security?: readonly { image: string; total: number; critical?: number; high?: number }[];
  readonly env?: readonly { service: string; container: string; image: string }[];
}

export function releaseRaw(spec: ReleaseSpec): Record<string, unknown> {
  return {
    versionInfo: {
      id: spec.id,
      version: spec.version ?? `v-${spec.id.slice(-2)}`,
      productName: spec.project ?? "pay",
      workflowName: spec.workflow ?? "deploy",
      taskId: spec.taskId ?? 1,
      createdBy: "ops",
      created_at: spec.createdAt ?? 1_700_000_000,
      ...(spec.env === undefined
        ? {}
        : { productEnvInfo: { env_name: "prod", namespace: "pay-prod", services: [spec.env.map((e) => ({ service_name: e.service, containers: [{ name: e.container, image: e.image }] }))] } }),
    },
    deployInfo: (spec.deploys ?? []).map((d) => ({
      serviceName: `${d.service}/${d.service}`,
      containerName: d.service,
      image: d.image,
      yamlContents: d.yaml ?? [`kind: Deployment\nmetadata:\n  name: ${d.service}\nspec:\n  image: ${d.image}\n`],
      orderedServices: [(spec.deploys ?? []).map((x) => x.service)],
      created_at: spec.createdAt ?? 1_700_000_000,
    })),
    buildInfo: (spec.builds ?? []).map((b) => ({ serviceName: b.service, imageName: b.image ?? "", commits: b.commits })),
    testInfo: [
      {
        testReports: (spec.tests ?? []).map((t) => ({
          testName: t.name,
          testSuite: { tests: t.tests, failures: t.failures ?? 0, errors: t.errors ?? 0, skips: t.skips ?? 0, time: 1 },
        })),
      },
    ],
    securityStatsInfo: (spec.security ?? []).map((s) => ({
      imageName: s.image,
      deliverySecurityStatsInfo: { total: s.total, critical: s.critical ?? 0, high: s.high ?? 0, medium: 0, low: 0, negligible: 0 },
    })),
  };
}

export function makeRelease(spec: ReleaseSpec): Release {
  const raw = releaseRaw(spec);
  return toRelease(ReleaseItem.parse(raw), inMemoryRecord(raw), "releases.json");
}

/** A GitHub commit as Zadig exports it (credentials included, as the real export does). */
export function githubCommit(repo: string, commitId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const [owner = "", name = ""] = repo.split("/");
  return { source: "github", address: "https://github.com", repo_owner: owner, repo_name: name, branch: "main", commit_id: commitId, commit_message: `change ${commitId}`, author_name: "dev", ...extra };
}

export function snapshotOf(specs: readonly ReleaseSpec[], artifacts: readonly Record<string, unknown>[] = []): Snapshot {
  const traces = artifacts.map((raw) => {
    const artifact = Artifact.parse(raw);
    return [artifact.image ?? artifact.name, toArtifactTrace(artifact, inMemoryRecord(raw), "artifact.json")] as const;
  });
  return link(specs.map(makeRelease), new Map(traces));
}

export function artifactRaw(image: string, digest: string): Record<string, unknown> {
  return { name: image.split("/").pop()?.split(":")[0] ?? "x", type: "image", source: "workflow", image, image_tag: image.split(":").pop() ?? "", image_digest: digest, created_by: "ci", created_time: 1_700_000_100, activities: [] };
}
