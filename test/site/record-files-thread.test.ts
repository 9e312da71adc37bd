import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/audit/digest.js";
import { FileLedger } from "../../src/audit/file-ledger.js";
import { generateExportFiles } from "../../src/bench/generate.js";
import { writeExport } from "../../src/bench/write-export.js";
import { importData } from "../../src/importer/index.js";
import { inMemoryRecord } from "../../src/model/raw-record.js";
import type { Snapshot } from "../../src/model/types.js";
import { recordFileCount, startRecordFiles } from "../../src/site/record-files-thread.js";
import { buildRoutes, type RouteTable } from "../../src/site/routes.js";
import { readTree, ROOT, tempDir } from "../helpers.js";
import { expectedRecordFiles } from "./record-files-helpers.js";

describe("startRecordFiles (the mirror files that are records as they are, written by a worker thread)", () => {
  let snapshot: Snapshot;
  let routes: RouteTable;
  beforeAll(async () => {
    snapshot = (await importData(path.join(ROOT, "data"))).snapshot;
    routes = buildRoutes(snapshot);
  });

  it("writes every per-release file, list and artifact trace byte-identical to mirrorFiles, reading the import's scratch file, and hands over each digest", async () => {
    const root = tempDir();
    const ledger = new FileLedger();
    let reported = 0;
    const result = await startRecordFiles(root, snapshot, routes.json, { ledger, onWritten: (count) => (reported += count) }).done;
    const want = expectedRecordFiles(snapshot, routes);
    expect([...want.keys()].filter((file) => file.startsWith("api/directory/dc/artifact/")).length).toBeGreaterThan(0);
    expect(recordFileCount(routes.json)).toBe(want.size);
    const tree = readTree(root);
    expect([...tree.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [file, text] of want) expect(tree.get(file)?.toString("utf8"), file).toBe(text);
    expect(result.files).toBe(want.size);
    expect(reported).toBe(want.size);
    expect(result.bytes).toBe([...tree.values()].reduce((sum, bytes) => sum + bytes.length, 0));
    for (const [file, bytes] of tree) expect(ledger.digest(file), file).toEqual({ sha256: sha256Hex(bytes), size: bytes.length });
  });

  it("writes the same bytes from records held in memory", async () => {
    const inMemory: Snapshot = {
      ...snapshot,
      releases: snapshot.releases.map((release) => ({ ...release, raw: inMemoryRecord(JSON.parse(release.raw.json())) })),
      imagesByRef: new Map(
        [...snapshot.imagesByRef].map(([reference, image]) => [reference, image.trace === null ? image : { ...image, trace: { ...image.trace, raw: inMemoryRecord(JSON.parse(image.trace.raw.json())) } }]),
      ),
    };
    const root = tempDir();
    await startRecordFiles(root, inMemory, routes.json).done;
    const tree = readTree(root);
    for (const [file, text] of expectedRecordFiles(snapshot, routes)) expect(tree.get(file)?.toString("utf8"), file).toBe(text);
  });

  it("rejects with the worker's failure when the output cannot be written", async () => {
    const root = path.join(tempDir(), "file-not-folder");
    writeFileSync(root, "x");
    await expect(startRecordFiles(root, snapshot, routes.json).done).rejects.toThrow(/ENOTDIR|EEXIST/);
    expect(readFileSync(root, "utf8")).toBe("x");
  });

  it("keeps a failure for when done is awaited: nothing is unhandled while the caller is still busy with its own pass", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const root = path.join(tempDir(), "file-not-folder");
      writeFileSync(root, "x");
      const run = startRecordFiles(root, snapshot, routes.json);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      // It had failed before anyone looked (a settled promise wins the race against a timer of 0).
      const state = await Promise.race([run.done.then(() => "resolved", () => "rejected"), new Promise((resolve) => setTimeout(() => resolve("pending"), 0))]);
      expect(state).toBe("rejected");
      expect(unhandled).toEqual([]);
      await expect(run.done).rejects.toThrow(/ENOTDIR|EEXIST/);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });

  it("stops between releases when asked, and writes nothing once stop has resolved", async () => {
    const input = tempDir();
    writeExport(input, generateExportFiles({ releases: 300, images: 600, seed: 7 }));
    const many = (await importData(input)).snapshot;
    const manyRoutes = buildRoutes(many);
    const root = tempDir();
    let reported = 0;
    const run = startRecordFiles(root, many, manyRoutes.json, { onWritten: (count) => (reported += count) });
    await run.stop();
    await expect(run.done).rejects.toThrow("the record files were stopped: the build failed elsewhere");
    const after = readTree(root);
    const all = expectedRecordFiles(many, manyRoutes).size;
    expect(all).toBeGreaterThan(300);
    expect(after.size).toBeLessThan(all);
    expect(reported).toBeLessThan(all);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(readTree(root)).toEqual(after);
  });
});
