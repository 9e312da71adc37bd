import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { importData } from "../../src/importer/index.js";
import type { Snapshot } from "../../src/model/types.js";
import { writeReleaseFiles } from "../../src/site/release-files.js";
import { buildRoutes, type RouteTable } from "../../src/site/routes.js";
import { readTree, ROOT, tempDir } from "../helpers.js";
import { expectedReleaseFiles } from "./record-files-helpers.js";

describe("writeReleaseFiles", () => {
  let snapshot: Snapshot;
  let routes: RouteTable;
  beforeAll(async () => {
    snapshot = (await importData(path.join(ROOT, "data"))).snapshot;
    routes = buildRoutes(snapshot);
  });

  it.each([
    ["written whole", {}],
    ["flushed in pieces at every release (1-byte flushes)", { flushBytes: 1 }],
    ["flushed all at once whenever anything waits (cap 0)", { pendingCapBytes: 0 }],
  ])("writes every per-release file and list byte-identical to mirrorFiles when %s", async (_how, limits) => {
    const root = tempDir();
    let completed = 0;
    const result = await writeReleaseFiles(root, snapshot.releases, routes.json, { ...limits, onWritten: () => completed++ });
    const want = expectedReleaseFiles(snapshot, routes);
    const tree = readTree(root);
    expect([...tree.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [file, text] of want) expect(tree.get(file)?.toString("utf8"), file).toBe(text);
    expect(result.files).toBe(want.size);
    expect(completed).toBe(want.size);
    expect(result.bytes).toBe([...tree.values()].reduce((sum, bytes) => sum + bytes.length, 0));
  });

  it("writes an empty snapshot's list as []", async () => {
    const empty: Snapshot = { releases: [], images: [], releasesById: new Map(), imagesByRef: new Map() };
    const root = tempDir();
    await writeReleaseFiles(root, empty.releases, buildRoutes(empty).json);
    expect(readFileSync(path.join(root, "api/aslan/delivery/releases/index.json"), "utf8")).toBe("[]\n");
  });

  it("fails, naming the list, when a list's releases are not in the snapshot's newest-first order", async () => {
    const first = routes.json.find((route) => route.body.kind === "release-list" && route.body.releaseIds.length > 1);
    expect(first).toBeDefined();
    const reversed: RouteTable = {
      ...routes,
      json: routes.json.map((route) => (route === first && route.body.kind === "release-list" ? { ...route, body: { ...route.body, releaseIds: [...route.body.releaseIds].reverse() } } : route)),
    };
    await expect(writeReleaseFiles(tempDir(), snapshot.releases, reversed.json)).rejects.toThrow(`mirror: ${first?.file} does not list its releases newest first`);
  });

  it("fails when the output cannot be written, after every write in flight has stopped", async () => {
    const root = path.join(tempDir(), "file-not-folder");
    await import("node:fs/promises").then((fs) => fs.writeFile(root, "x"));
    await expect(writeReleaseFiles(root, snapshot.releases, routes.json)).rejects.toThrow(/ENOTDIR|EEXIST/);
  });

  it("writes nothing and throws the signal's reason when stopped before it starts", async () => {
    const root = tempDir();
    const stop = new AbortController();
    stop.abort(new Error("stopped by the test"));
    await expect(writeReleaseFiles(root, snapshot.releases, routes.json, { signal: stop.signal })).rejects.toThrow("stopped by the test");
    expect(readTree(root).size).toBe(0);
  });
});
