import { cpSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { discover } from "../../src/importer/discover.js";
import { importData, type ImportResult } from "../../src/importer/index.js";
import { fixture, ROOT, tempDir } from "../helpers.js";

/** The whole result as data, each raw record as the mirror will serve it (the accessors themselves differ). */
function asData(result: ImportResult): string {
  return JSON.stringify({
    ...result,
    snapshot: {
      releases: result.snapshot.releases.map((release) => ({ ...release, raw: release.raw.json() })),
      images: result.snapshot.images.map((image) => ({ ...image, trace: image.trace && { ...image.trace, raw: image.trace.raw.json() } })),
    },
  });
}

/** Every fixture in one input folder: valid, rejected, duplicated and secret-bearing files side by side. */
function everyFixture(): string {
  const input = tempDir();
  for (const name of readdirSync(path.join(ROOT, "test/fixtures"))) cpSync(fixture(name), path.join(input, name), { recursive: true });
  return input;
}

describe("importing every other file in a worker thread", () => {
  for (const [name, input] of [
    ["the sample", path.join(ROOT, "data")],
    ["every fixture at once (rejected files, duplicates across files, secrets)", everyFixture()],
  ] as const) {
    it(`gives exactly the one-thread result for ${name}: records, issues, redactions, skipped records, inputs`, async () => {
      const alone = await importData(input, { thread: false });
      const shared = await importData(input, { thread: true });
      expect(alone.inputs.length).toBeGreaterThan(8);
      expect(asData(shared)).toBe(asData(alone));
    });
  }

  it("has exercised what it compares: the fixtures give issues, redactions and skipped records", async () => {
    const shared = await importData(everyFixture(), { thread: true });
    expect(shared.issues.length).toBeGreaterThan(0);
    expect(shared.redactions.length).toBeGreaterThan(0);
    expect(shared.skipped.length).toBeGreaterThan(0);
    expect(new Set(shared.inputs.map((input) => input.kind))).toEqual(new Set(["releases", "artifacts", "rejected"]));
  });

  it("counts every file once on the progress line, whichever thread read it", async () => {
    const input = path.join(ROOT, "data");
    let total: number | null = null;
    let advanced = 0;
    await importData(input, { thread: true, progress: { stage: (_name, count) => (total = count), advance: (count = 1) => (advanced += count) } });
    expect(total).toBe((await discover(input)).length);
    expect(advanced).toBe(total);
  });

  for (const odd of [false, true]) {
    it(`fails naming the file when one vanishes before it is read, on ${odd ? "the worker's" : "this"} thread`, async () => {
      const input = path.join(ROOT, "data");
      const files = (await discover(input)).sort();
      // Sorted first or second: the even files are this thread's, the odd ones the worker's.
      const vanished = odd ? `${files[0]}-gone.json` : "0-gone.json";
      await expect(importData(input, { thread: true, discover: async () => [...files, vanished] })).rejects.toThrow(/ENOENT.*gone\.json/);
    });
  }
});
