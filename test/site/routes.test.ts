import { createHash } from "node:crypto";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { link } from "../../src/importer/link.js";
import { toArtifactTrace, toRelease } from "../../src/importer/normalize.js";
import type { Release, Snapshot } from "../../src/model/types.js";
import { Artifact } from "../../src/schemas/artifact.js";
import { ReleaseItem } from "../../src/schemas/release.js";
import { isSafeRelativePath } from "../../src/site/paths.js";
import { artifactJsonFile, buildRoutes, imagePageUrl, releaseJsonFile, releasePageUrl, type RouteTable } from "../../src/site/routes.js";
import { inMemoryRecord } from "../../src/model/raw-record.js";

interface ReleaseFields {
  id: string;
  project: string;
  workflow: string;
  taskId: number;
  createdAt: number;
  version?: string;
  deploys?: { serviceName: string; containerName: string; image: string }[];
}

/** A release as the importer builds it: an inline export record, validated, then normalized. */
function release({ id, project, workflow, taskId, createdAt, version = "v1.0.0", deploys = [] }: ReleaseFields): Release {
  const raw = {
    versionInfo: { id, version, productName: project, workflowName: workflow, taskId, createdBy: "ops", created_at: createdAt },
    deployInfo: deploys.map((row) => ({ ...row, yamlContents: [], orderedServices: [], created_at: createdAt })),
  };
  return toRelease(ReleaseItem.parse(raw), inMemoryRecord(raw), "releases.json");
}

function snapshotOf(releases: readonly Release[], tracedImages: readonly string[] = []): Snapshot {
  const traces = tracedImages.map((image) => {
    const raw = { name: "api", type: "image", source: "workflow", image, image_tag: "v2", created_by: "u", created_time: 1, activities: [] };
    return [image, toArtifactTrace(Artifact.parse(raw), inMemoryRecord(raw), "artifact.json")] as const;
  });
  return link(releases, new Map(traces));
}

const API_V1 = "reg.example.com/pay/api:v1";
const API_V2 = "reg.example.com/pay/api:v2";
const WEB_V2 = "reg.example.com/pay/web:v2";

const R1 = release({ id: "111111111111111111111111", project: "Pay", workflow: "deploy", taskId: 1, createdAt: 100, deploys: [{ serviceName: "api/api", containerName: "api", image: API_V1 }] });
const R2 = release({
  id: "222222222222222222222222",
  project: "Pay",
  workflow: "deploy",
  taskId: 2,
  createdAt: 300,
  version: "v2.0.0",
  deploys: [
    { serviceName: "api/api", containerName: "api", image: API_V2 },
    { serviceName: "web/nginx", containerName: "nginx", image: WEB_V2 },
  ],
});
const R3 = release({ id: "333333333333333333333333", project: "pay", workflow: "deploy", taskId: 1, createdAt: 200, deploys: [{ serviceName: "api/api", containerName: "api", image: API_V2 }] });
const R4 = release({ id: "444444444444444444444444", project: "Pay", workflow: "hotfix", taskId: 1, createdAt: 250, deploys: [{ serviceName: "web/nginx", containerName: "nginx", image: WEB_V2 }] });

const snapshot = snapshotOf([R1, R2, R3, R4], [API_V2]);
const routes = buildRoutes(snapshot);

/** The release ids of the list answering `query` on the releases route, or undefined when no file answers it. */
function listFor(table: RouteTable, query: Record<string, string>): readonly string[] | undefined {
  const route = table.json.find((candidate) => candidate.route === "/api/aslan/delivery/releases" && isDeepStrictEqual(candidate.query, query));
  return route?.body.kind === "release-list" ? route.body.releaseIds : undefined;
}

function fileFor(table: RouteTable, query: Record<string, string>): string | undefined {
  return table.json.find((candidate) => candidate.route === "/api/aslan/delivery/releases" && isDeepStrictEqual(candidate.query, query))?.file;
}

describe("buildRoutes", () => {
  it("writes the unfiltered list with every release, newest first", () => {
    expect(routes.json).toContainEqual({
      route: "/api/aslan/delivery/releases",
      query: {},
      file: "api/aslan/delivery/releases/index.json",
      body: { kind: "release-list", releaseIds: [R2.id, R4.id, R3.id, R1.id] },
    });
  });

  it("writes one file per release id", () => {
    const single = routes.json.filter((route) => route.body.kind === "release");
    expect(single).toEqual(
      [R1, R2, R3, R4].map((r) => ({
        route: `/api/aslan/delivery/releases/${r.id}`,
        query: {},
        file: `api/aslan/delivery/releases/${r.id}.json`,
        body: { kind: "release", releaseId: r.id },
      })),
    );
    expect([...routes.releaseJson.entries()]).toEqual([R2, R4, R3, R1].map((r) => [r.id, `api/aslan/delivery/releases/${r.id}.json`]));
  });

  it("lists a project's releases by exact, case-sensitive project name", () => {
    expect(listFor(routes, { projectName: "Pay" })).toEqual([R2.id, R4.id, R1.id]);
    expect(listFor(routes, { projectName: "pay" })).toEqual([R3.id]);
    expect(fileFor(routes, { projectName: "Pay" })).not.toBe(fileFor(routes, { projectName: "pay" }));
    expect(fileFor(routes, { projectName: "Pay" })?.toLowerCase()).not.toBe(fileFor(routes, { projectName: "pay" })?.toLowerCase());
  });

  it("lists a workflow's releases within its project", () => {
    expect(listFor(routes, { projectName: "Pay", workflowName: "deploy" })).toEqual([R2.id, R1.id]);
    expect(listFor(routes, { projectName: "Pay", workflowName: "hotfix" })).toEqual([R4.id]);
    expect(listFor(routes, { projectName: "pay", workflowName: "deploy" })).toEqual([R3.id]);
  });

  it("lists the releases of one workflow task, with the task id as a string", () => {
    expect(listFor(routes, { projectName: "Pay", workflowName: "deploy", taskId: "1" })).toEqual([R1.id]);
    expect(listFor(routes, { projectName: "Pay", workflowName: "deploy", taskId: "2" })).toEqual([R2.id]);
    expect(listFor(routes, { projectName: "Pay", workflowName: "hotfix", taskId: "1" })).toEqual([R4.id]);
    expect(listFor(routes, { projectName: "pay", workflowName: "deploy", taskId: "1" })).toEqual([R3.id]);
  });

  it("lists a service's releases by the deploy row's service name before the container", () => {
    expect(listFor(routes, { projectName: "Pay", serviceName: "api" })).toEqual([R2.id, R1.id]);
    expect(listFor(routes, { projectName: "Pay", serviceName: "web" })).toEqual([R2.id, R4.id]);
    expect(listFor(routes, { projectName: "pay", serviceName: "api" })).toEqual([R3.id]);
    expect(listFor(routes, { projectName: "Pay", serviceName: "web/nginx" })).toBeUndefined();
    expect(listFor(routes, { projectName: "Pay", serviceName: "nginx" })).toBeUndefined();
  });

  it("writes a filtered list only for the query values that occur", () => {
    const queries = routes.json.filter((route) => route.route === "/api/aslan/delivery/releases").map((route) => route.query);
    expect(queries).toHaveLength(13);
    expect(queries).toEqual(
      expect.arrayContaining([
        {},
        { projectName: "Pay" },
        { projectName: "pay" },
        { projectName: "Pay", workflowName: "deploy" },
        { projectName: "Pay", workflowName: "hotfix" },
        { projectName: "pay", workflowName: "deploy" },
        { projectName: "Pay", workflowName: "deploy", taskId: "1" },
        { projectName: "Pay", workflowName: "deploy", taskId: "2" },
        { projectName: "Pay", workflowName: "hotfix", taskId: "1" },
        { projectName: "pay", workflowName: "deploy", taskId: "1" },
        { projectName: "Pay", serviceName: "api" },
        { projectName: "Pay", serviceName: "web" },
        { projectName: "pay", serviceName: "api" },
      ]),
    );
  });

  it("writes an artifact file only for images with an exported trace", () => {
    const artifacts = routes.json.filter((route) => route.body.kind === "artifact");
    expect(artifacts).toEqual([
      { route: "/api/directory/dc/artifact", query: { image: API_V2 }, file: artifactJsonFile(API_V2), body: { kind: "artifact", reference: API_V2 } },
    ]);
    expect([...routes.artifactJson.keys()]).toEqual([API_V2]);
  });

  it("has the fixed pages, one page per release and one per image, traced or not", () => {
    expect(routes.pages.slice(0, 3)).toEqual([
      { url: "index.html", kind: "index", entityId: "" },
      { url: "images/index.html", kind: "images", entityId: "" },
      { url: "404.html", kind: "not-found", entityId: "" },
    ]);
    expect(routes.pages.filter((page) => page.kind === "release")).toEqual(
      [R2, R4, R3, R1].map((r) => ({ url: releasePageUrl(r), kind: "release", entityId: r.id })),
    );
    expect(routes.pages.filter((page) => page.kind === "image")).toEqual(
      [API_V1, API_V2, WEB_V2].map((ref) => ({ url: imagePageUrl(ref), kind: "image", entityId: ref })),
    );
    expect(routes.releasePage.get(R3.id)).toBe(releasePageUrl(R3));
    expect(routes.imagePage.get(WEB_V2)).toBe(imagePageUrl(WEB_V2));
  });

  it("gives only safe relative paths for every page and mirror file", () => {
    const paths = [...routes.pages.map((page) => page.url), ...routes.json.map((route) => route.file)];
    expect(paths.filter((p) => !isSafeRelativePath(p))).toEqual([]);
    expect(new Set(paths.map((p) => p.toLowerCase())).size).toBe(paths.length);
  });

  it("sorts the mirror routes by file", () => {
    const files = routes.json.map((route) => route.file);
    expect(files).toEqual([...files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("keeps a release's page, mirror file and lists at the same paths when other releases are added", () => {
    const alone = buildRoutes(snapshotOf([R1]));
    expect(alone.releasePage.get(R1.id)).toBe(routes.releasePage.get(R1.id));
    expect(alone.releaseJson.get(R1.id)).toBe(routes.releaseJson.get(R1.id));
    expect(alone.imagePage.get(API_V1)).toBe(routes.imagePage.get(API_V1));
    expect(fileFor(alone, { projectName: "Pay", serviceName: "api" })).toBe(fileFor(routes, { projectName: "Pay", serviceName: "api" }));
    expect(fileFor(alone, { projectName: "Pay", workflowName: "deploy", taskId: "1" })).toBe(
      fileFor(routes, { projectName: "Pay", workflowName: "deploy", taskId: "1" }),
    );
  });

  it("keeps every path inside the output folder for hostile names", () => {
    const hostile = release({
      id: "555555555555555555555555",
      project: "../../etc",
      workflow: "../../../root",
      taskId: -1,
      createdAt: 1,
      version: "../../passwd",
      deploys: [{ serviceName: "../x/c", containerName: "c", image: "../../../../etc/shadow:v1" }],
    });

    const table = buildRoutes(snapshotOf([hostile], ["../../../../etc/shadow:v1"]));

    const paths = [...table.pages.map((page) => page.url), ...table.json.map((route) => route.file)];
    for (const p of paths) {
      expect(isSafeRelativePath(p), p).toBe(true);
      expect(path.posix.join("out", p).startsWith("out/"), p).toBe(true);
      expect(p.split("/"), p).not.toContain("..");
    }
    expect(listFor(table, { projectName: "../../etc", serviceName: "../x" })).toEqual([hostile.id]);
  });

  it("refuses a snapshot in which two releases share an id", () => {
    expect(() => buildRoutes(snapshotOf([R1, R1]))).toThrowErrorMatchingInlineSnapshot(`[Error: route table: two outputs share the path releases/pay--723afa394d/v1.0.0-111111111111111111111111/index.html]`);
  });

  it("writes only the fixed pages and the empty list for an empty snapshot", () => {
    const table = buildRoutes(snapshotOf([]));
    expect(table.pages.map((page) => page.url)).toEqual(["index.html", "images/index.html", "404.html", "about/index.html", "validation/index.html"]);
    expect(table.json).toEqual([
      { route: "/api/aslan/delivery/releases", query: {}, file: "api/aslan/delivery/releases/index.json", body: { kind: "release-list", releaseIds: [] } },
    ]);
  });
});

describe("releasePageUrl", () => {
  it("puts a release under its project with its version and id", () => {
    expect(releasePageUrl({ project: "pay", version: "v1.2.0", id: "619dbaa8c528c2182225e8d9" })).toBe("releases/pay/v1.2.0-619dbaa8c528c2182225e8d9/index.html");
  });

  it("gives projects that differ only in case different folders", () => {
    const upper = releasePageUrl({ project: "Pay", version: "v1", id: "619dbaa8c528c2182225e8d9" });
    const lower = releasePageUrl({ project: "pay", version: "v1", id: "619dbaa8c528c2182225e8d9" });
    expect(upper.toLowerCase()).not.toBe(lower.toLowerCase());
    expect(isSafeRelativePath(upper)).toBe(true);
  });

  it("makes a safe path from any project and version", () => {
    const url = releasePageUrl({ project: "../../etc", version: "../../<script>", id: "619dbaa8c528c2182225e8d9" });
    expect(isSafeRelativePath(url)).toBe(true);
    expect(url).toMatch(/^releases\/[^/]+\/[^/]+-619dbaa8c528c2182225e8d9\/index\.html$/);
  });
});

describe("imagePageUrl", () => {
  it("puts each image page under img/ as an index.html", () => {
    expect(imagePageUrl(API_V2)).toMatch(/^img\/.+\/index\.html$/);
    expect(isSafeRelativePath(imagePageUrl(API_V2))).toBe(true);
  });

  it("gives references that differ only in tag case different pages", () => {
    expect(imagePageUrl("app:V1").toLowerCase()).not.toBe(imagePageUrl("app:v1").toLowerCase());
  });
});

describe("releaseJsonFile", () => {
  it("names the mirror file after the release id", () => {
    expect(releaseJsonFile("619dbaa8c528c2182225e8d9")).toBe("api/aslan/delivery/releases/619dbaa8c528c2182225e8d9.json");
  });
});

describe("artifactJsonFile", () => {
  it("names the mirror file by the first 16 hex digits of sha256 over the exact reference", () => {
    const hash = createHash("sha256").update(API_V2, "utf8").digest("hex").slice(0, 16);
    expect(artifactJsonFile(API_V2)).toBe(`api/directory/dc/artifact/h/${hash}.json`);
  });

  it("gives references that differ only in case different files", () => {
    expect(artifactJsonFile("Reg.example.com/app:v1")).not.toBe(artifactJsonFile("reg.example.com/app:v1"));
  });
});
