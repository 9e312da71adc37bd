import { describe, expect, it } from "vitest";
import { link } from "../../src/importer/link.js";
import { toArtifactTrace, toRelease } from "../../src/importer/normalize.js";
import type { Snapshot } from "../../src/model/types.js";
import { Artifact } from "../../src/schemas/artifact.js";
import { ReleaseItem } from "../../src/schemas/release.js";
import { isRecordBody, mirrorFiles, toJsonText } from "../../src/site/mirror.js";
import { artifactJsonFile, buildRoutes, releaseJsonFile } from "../../src/site/routes.js";
import { inMemoryRecord } from "../../src/model/raw-record.js";

const IMAGE = "reg.example.com/pay/api:v2";

/** Export records with fields no schema knows, nested values, multi-line YAML and non-ASCII text. */
const olderRaw = {
  versionInfo: {
    id: "111111111111111111111111",
    version: "v1",
    productName: "pay",
    workflowName: "deploy",
    taskId: 1,
    createdBy: "ops",
    created_at: 100,
    futureField: { nested: [1, "two", null] },
  },
  deployInfo: [
    {
      serviceName: "api/api",
      containerName: "api",
      image: IMAGE,
      yamlContents: ["apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n"],
      orderedServices: [["api"]],
      created_at: 100,
    },
  ],
  zFromTheFuture: "发布 ✓",
};
const newerRaw = {
  zFirst: true,
  versionInfo: { id: "222222222222222222222222", version: "v2", productName: "pay", workflowName: "deploy", taskId: 2, createdBy: "ops", created_at: 200, labels: [] },
  buildInfo: [],
};
const artifactRaw = {
  name: "api",
  type: "image",
  source: "workflow",
  image: IMAGE,
  image_tag: "v2",
  created_by: "u",
  created_time: 1,
  activities: [{ type: "build", created_by: "u", created_time: 2, job_task_name: "build-api" }],
  registry_id: "r1",
};

function snapshotOf(releaseRaws: readonly Record<string, unknown>[], artifactRaws: readonly Record<string, unknown>[] = []): Snapshot {
  const releases = releaseRaws.map((raw) => toRelease(ReleaseItem.parse(raw), inMemoryRecord(raw), "releases.json"));
  const traces = artifactRaws.map((raw) => {
    const artifact = Artifact.parse(raw);
    return [artifact.image ?? artifact.name, toArtifactTrace(artifact, inMemoryRecord(raw), "artifact.json")] as const;
  });
  return link(releases, new Map(traces));
}

/** The text of every mirror file, keyed by path. */
function written(snapshot: Snapshot): Map<string, string> {
  return new Map(
    mirrorFiles(snapshot, buildRoutes(snapshot)).map((file) => {
      const body = file.body();
      return [file.file, typeof body === "string" ? body : new TextDecoder().decode(body)];
    }),
  );
}

const snapshot = snapshotOf([olderRaw, newerRaw], [artifactRaw]);
const routes = buildRoutes(snapshot);
const files = written(snapshot);

describe("toJsonText", () => {
  it("writes 2-space JSON with a trailing newline", () => {
    expect(toJsonText({ a: [1, { b: null }], c: "x" })).toBe('{\n  "a": [\n    1,\n    {\n      "b": null\n    }\n  ],\n  "c": "x"\n}\n');
  });

  it("keeps key order as given", () => {
    expect(toJsonText({ z: 1, a: 2 })).toBe('{\n  "z": 1,\n  "a": 2\n}\n');
  });

  it("writes empty containers and scalars on one line", () => {
    expect(toJsonText([])).toBe("[]\n");
    expect(toJsonText({})).toBe("{}\n");
    expect(toJsonText(null)).toBe("null\n");
  });
});

describe("mirrorFiles", () => {
  it("writes the unfiltered list byte-identical to toJsonText of the raw records, newest first", () => {
    expect(files.get("api/aslan/delivery/releases/index.json")).toBe(toJsonText([newerRaw, olderRaw]));
  });

  it("writes each filtered list byte-identical to toJsonText of its raw records", () => {
    const byProject = routes.json.find((route) => JSON.stringify(route.query) === JSON.stringify({ projectName: "pay" }));
    const byService = routes.json.find((route) => JSON.stringify(route.query) === JSON.stringify({ projectName: "pay", serviceName: "api" }));
    expect(files.get(byProject?.file ?? "")).toBe(toJsonText([newerRaw, olderRaw]));
    expect(files.get(byService?.file ?? "")).toBe(toJsonText([olderRaw]));
  });

  it("writes a single release as toJsonText of its raw record", () => {
    expect(files.get(releaseJsonFile("111111111111111111111111"))).toBe(toJsonText(olderRaw));
    expect(files.get(releaseJsonFile("222222222222222222222222"))).toBe(toJsonText(newerRaw));
  });

  it("keeps fields no schema knows, in their exported order", () => {
    const body = JSON.parse(files.get(releaseJsonFile("111111111111111111111111")) ?? "null");
    expect(body.versionInfo.futureField).toEqual({ nested: [1, "two", null] });
    expect(body.zFromTheFuture).toBe("发布 ✓");
    expect(Object.keys(body)).toEqual(["versionInfo", "deployInfo", "zFromTheFuture"]);
    expect(Object.keys(JSON.parse(files.get(releaseJsonFile("222222222222222222222222")) ?? "null"))).toEqual(["zFirst", "versionInfo", "buildInfo"]);
  });

  it("writes an exported artifact trace as toJsonText of its raw record, unknown fields included", () => {
    const body = files.get(artifactJsonFile(IMAGE));
    expect(body).toBe(toJsonText(artifactRaw));
    expect(JSON.parse(body ?? "null")).toMatchObject({ registry_id: "r1", activities: [{ job_task_name: "build-api" }] });
  });

  it("lists every route in api/routes.json as {route, query, file} and nothing else", () => {
    const index = JSON.parse(files.get("api/routes.json") ?? "null");
    expect(index).toEqual(routes.json.map(({ route, query, file }) => ({ route, query, file })));
    for (const entry of index) expect(Object.keys(entry)).toEqual(["route", "query", "file"]);
    expect(index).toContainEqual({ route: "/api/directory/dc/artifact", query: { image: IMAGE }, file: artifactJsonFile(IMAGE) });
    expect(files.get("api/routes.json")).toBe(toJsonText(index));
  });

  it("writes exactly one file per route plus the route index", () => {
    const paths = mirrorFiles(snapshot, routes).map((file) => file.file);
    expect(paths).toEqual([...routes.json.map((route) => route.file), "api/routes.json"]);
  });

  it("writes an empty list and an index of that one route for an empty snapshot", () => {
    const empty = written(snapshotOf([]));
    expect([...empty.keys()]).toEqual(["api/aslan/delivery/releases/index.json", "api/routes.json"]);
    expect(empty.get("api/aslan/delivery/releases/index.json")).toBe("[]\n");
    expect(JSON.parse(empty.get("api/routes.json") ?? "null")).toEqual([
      { route: "/api/aslan/delivery/releases", query: {}, file: "api/aslan/delivery/releases/index.json" },
    ]);
  });

  it("writes the same bytes whatever order the releases arrive in", () => {
    expect([...written(snapshotOf([newerRaw, olderRaw], [artifactRaw])).entries()]).toEqual([...files.entries()]);
  });
});

describe("mirrorFiles without the record files", () => {
  it("leaves out exactly the per-release files, the release lists and the artifact traces (the worker writes those)", () => {
    const without = mirrorFiles(snapshot, routes, { withoutRecordFiles: true }).map((file) => file.file);
    const recordFiles = routes.json.filter((route) => isRecordBody(route.body)).map((route) => route.file);
    expect(recordFiles).toContain(releaseJsonFile("111111111111111111111111"));
    expect(recordFiles).toContain(artifactJsonFile(IMAGE));
    expect(recordFiles).toContain("api/aslan/delivery/releases/index.json");
    expect(without.filter((file) => recordFiles.includes(file))).toEqual([]);
    expect([...without, ...recordFiles].sort()).toEqual([...files.keys()].sort());
    expect(without).toContain("api/routes.json");
  });
});
