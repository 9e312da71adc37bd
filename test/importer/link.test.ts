import { describe, expect, it } from "vitest";
import { link, newestFirst } from "../../src/importer/link.js";
import { toArtifactTrace, toRelease } from "../../src/importer/normalize.js";
import type { ArtifactTrace, Release } from "../../src/model/types.js";
import { Artifact } from "../../src/schemas/artifact.js";
import { ReleaseItem } from "../../src/schemas/release.js";
import { inMemoryRecord } from "../../src/model/raw-record.js";

interface ReleaseFields {
  id: string;
  createdAt: number;
  env?: { env_name: string; namespace: string; services?: { service_name: string; containers: { name: string; image: string }[] }[][] };
  deploys?: { serviceName: string; containerName: string; image?: string }[];
  builds?: { serviceName: string; imageName: string }[];
}

/** A release as the importer builds it: an inline export record, validated, then normalized. */
function release({ id, createdAt, env, deploys = [], builds = [] }: ReleaseFields): Release {
  const raw = {
    versionInfo: {
      id,
      version: `v-${id.slice(-2)}`,
      productName: "pay",
      workflowName: "pay-ops",
      taskId: 1,
      createdBy: "ops",
      created_at: createdAt,
      ...(env === undefined ? {} : { productEnvInfo: env }),
    },
    deployInfo: deploys.map((row) => ({ ...row, yamlContents: [], orderedServices: [], created_at: createdAt })),
    buildInfo: builds,
  };
  return toRelease(ReleaseItem.parse(raw), inMemoryRecord(raw), `${id}.json`);
}

function trace(image: string): ArtifactTrace {
  const raw = { name: image.split(":")[0] ?? image, type: "image", source: "workflow", image, image_tag: "v1", created_by: "u", created_time: 1, activities: [] };
  return toArtifactTrace(Artifact.parse(raw), inMemoryRecord(raw), "artifact.json");
}

const ID_A = "aaaaaaaaaaaaaaaaaaaaaaaa";
const ID_B = "bbbbbbbbbbbbbbbbbbbbbbbb";
const ID_C = "cccccccccccccccccccccccc";

describe("newestFirst", () => {
  it("orders releases by created_at, newest first", () => {
    const sorted = [release({ id: ID_A, createdAt: 100 }), release({ id: ID_B, createdAt: 300 }), release({ id: ID_C, createdAt: 200 })].sort(newestFirst);
    expect(sorted.map((r) => r.id)).toEqual([ID_B, ID_C, ID_A]);
  });

  it("breaks a created_at tie by id, highest first", () => {
    const sorted = [release({ id: ID_A, createdAt: 100 }), release({ id: ID_C, createdAt: 100 }), release({ id: ID_B, createdAt: 100 })].sort(newestFirst);
    expect(sorted.map((r) => r.id)).toEqual([ID_C, ID_B, ID_A]);
  });

  it("returns 0 only for the same time and id", () => {
    expect(newestFirst(release({ id: ID_A, createdAt: 5 }), release({ id: ID_A, createdAt: 5 }))).toBe(0);
    expect(newestFirst(release({ id: ID_A, createdAt: 5 }), release({ id: ID_B, createdAt: 5 }))).toBeGreaterThan(0);
  });
});

describe("link", () => {
  it("sorts releases newest first, ties by id descending, and indexes them by id", () => {
    const a = release({ id: ID_A, createdAt: 200 });
    const b = release({ id: ID_B, createdAt: 100 });
    const c = release({ id: ID_C, createdAt: 200 });

    const snapshot = link([b, a, c], new Map());

    expect(snapshot.releases.map((r) => r.id)).toEqual([ID_C, ID_A, ID_B]);
    expect([...snapshot.releasesById.keys()]).toEqual([ID_C, ID_A, ID_B]);
    expect(snapshot.releasesById.get(ID_A)).toBe(a);
  });

  it("makes one image for every reference in releases and traces, sorted by code point", () => {
    const r = release({
      id: ID_A,
      createdAt: 1,
      deploys: [{ serviceName: "web/web", containerName: "web", image: "reg.example.com/pay/web:v2" }],
      builds: [{ serviceName: "api", imageName: "Reg.example.com/pay/api:v2" }],
    });
    const traces = new Map([
      ["reg.example.com/pay/web:v2", trace("reg.example.com/pay/web:v2")],
      ["dist.tar.gz", trace("dist.tar.gz")],
    ]);

    const snapshot = link([r], traces);

    expect(snapshot.images.map((image) => image.reference)).toEqual(["Reg.example.com/pay/api:v2", "dist.tar.gz", "reg.example.com/pay/web:v2"]);
    expect([...snapshot.imagesByRef.keys()]).toEqual(["Reg.example.com/pay/api:v2", "dist.tar.gz", "reg.example.com/pay/web:v2"]);
  });

  it("lists every release that uses an image, with how, in which environment and namespace", () => {
    const image = "reg.example.com/pay/api:v2";
    const older = release({
      id: ID_A,
      createdAt: 100,
      env: { env_name: "dev", namespace: "pay-dev" },
      deploys: [{ serviceName: "api/api", containerName: "api", image }],
    });
    const newer = release({
      id: ID_B,
      createdAt: 200,
      env: { env_name: "prod", namespace: "pay-prod", services: [[{ service_name: "api", containers: [{ name: "api", image }] }]] },
      deploys: [{ serviceName: "api/api", containerName: "api", image }],
      builds: [{ serviceName: "api", imageName: image }],
    });

    const snapshot = link([older, newer], new Map());

    expect(snapshot.imagesByRef.get(image)?.uses).toEqual([
      { releaseId: ID_B, via: "deploy", service: "api", container: "api", environment: "prod", namespace: "pay-prod" },
      { releaseId: ID_B, via: "environment", service: "api", container: "api", environment: "prod", namespace: "pay-prod" },
      { releaseId: ID_B, via: "build", service: "api", container: "", environment: "prod", namespace: "pay-prod" },
      { releaseId: ID_A, via: "deploy", service: "api", container: "api", environment: "dev", namespace: "pay-dev" },
    ]);
  });

  it("records a use without an environment as environment and namespace empty", () => {
    const snapshot = link([release({ id: ID_A, createdAt: 1, builds: [{ serviceName: "api", imageName: "app:v1" }] })], new Map());
    expect(snapshot.imagesByRef.get("app:v1")?.uses).toEqual([
      { releaseId: ID_A, via: "build", service: "api", container: "", environment: "", namespace: "" },
    ]);
  });

  it("lists the same use once when a release names it twice", () => {
    const r = release({
      id: ID_A,
      createdAt: 1,
      deploys: [
        { serviceName: "api/api", containerName: "api", image: "app:v1" },
        { serviceName: "api/api", containerName: "api", image: "app:v1" },
      ],
    });
    expect(link([r], new Map()).imagesByRef.get("app:v1")?.uses).toHaveLength(1);
  });

  it("turns a trace that no release uses into an image with no uses", () => {
    const orphan = trace("reg.example.com/tools/cli:v9");

    const snapshot = link([release({ id: ID_A, createdAt: 1 })], new Map([["reg.example.com/tools/cli:v9", orphan]]));

    expect(snapshot.images).toEqual([{ reference: "reg.example.com/tools/cli:v9", uses: [], trace: orphan }]);
  });

  it("gives an image that has no exported trace `trace: null`", () => {
    const traced = trace("app:v1");
    const snapshot = link(
      [release({ id: ID_A, createdAt: 1, builds: [{ serviceName: "a", imageName: "app:v1" }, { serviceName: "b", imageName: "app:v2" }] })],
      new Map([["app:v1", traced]]),
    );

    expect(snapshot.imagesByRef.get("app:v1")?.trace).toBe(traced);
    expect(snapshot.imagesByRef.get("app:v2")?.trace).toBeNull();
  });

  it("returns an empty snapshot for no input", () => {
    const snapshot = link([], new Map());
    expect(snapshot.releases).toEqual([]);
    expect(snapshot.images).toEqual([]);
    expect(snapshot.releasesById.size).toBe(0);
    expect(snapshot.imagesByRef.size).toBe(0);
  });
});
