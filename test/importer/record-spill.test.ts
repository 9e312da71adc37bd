import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importData } from "../../src/importer/index.js";
import { recordFrom, RecordSpill } from "../../src/importer/record-spill.js";
import { inMemoryRecord } from "../../src/model/raw-record.js";
import { ROOT, tempDir } from "../helpers.js";

describe("RecordSpill", () => {
  it("gives back each record as JSON.stringify(record, null, 2), in any order, key order and text kept", () => {
    const spill = RecordSpill.open(tempDir());
    const values: unknown[] = [
      { versionInfo: { version: "v1.0 发布", id: "a" }, zeta: 1, alpha: [true, null, { "": "" }] },
      null,
      undefined,
      "just a string with \"quotes\" and \\ and \u2028",
      { big: "x".repeat(200_000), emoji: "🚀" },
      [],
    ];
    const records = values.map((value) => spill.add(value));
    for (const index of [4, 0, 5, 1, 3, 2, 0]) {
      expect(records[index]?.json()).toBe(JSON.stringify(values[index] ?? null, null, 2));
    }
  });

  it("leaves no file behind: the scratch file is removed as soon as it is open", () => {
    const parent = tempDir();
    const spill = RecordSpill.open(parent);
    const record = spill.add({ id: "still readable" });
    expect(readdirSync(parent)).toEqual([]);
    expect(record.json()).toBe('{\n  "id": "still readable"\n}');
  });

  it("hands each record over as a source that reads back the same text (what the release files' worker gets)", () => {
    const spill = RecordSpill.open(tempDir());
    const values = [{ id: "a", note: "发布 🚀" }, { id: "b", big: "y".repeat(100_000) }, null];
    const records = values.map((value) => spill.add(value));
    const sources = records.map((record) => record.source());
    expect(sources.map((source) => source.kind)).toEqual(["spill", "spill", "spill"]);
    // A source is plain data: it survives structured cloning (postMessage) unchanged.
    const handedOver = sources.map((source) => recordFrom(structuredClone(source)));
    for (const index of [2, 0, 1]) expect(handedOver[index]?.json()).toBe(JSON.stringify(values[index] ?? null, null, 2));
  });

  it("hands a record held in memory over as its text", () => {
    const source = inMemoryRecord({ id: "in memory" }).source();
    expect(source).toEqual({ kind: "text", text: '{\n  "id": "in memory"\n}' });
    expect(recordFrom(source).json()).toBe('{\n  "id": "in memory"\n}');
  });

  it("fails naming the folder when it cannot create the scratch file there", () => {
    const missing = path.join(tempDir(), "no-such-folder");
    expect(() => RecordSpill.open(missing)).toThrow(`could not create a scratch file for the raw records in ${missing}: ENOENT`);
  });
});

describe("importData's raw records", () => {
  it("serves every release and trace as exported, from a scratch file that is gone when the import returns", async () => {
    const scratch = tempDir();
    const imported = await importData(path.join(ROOT, "data"), { scratchDir: scratch });
    expect(readdirSync(scratch)).toEqual([]);
    const release = imported.snapshot.releases[0];
    expect(release).toBeDefined();
    const json = JSON.parse(release?.raw.json() ?? "null") as { versionInfo: { id: string } };
    expect(json.versionInfo.id.toLowerCase()).toBe(release?.id);
    const traced = imported.snapshot.images.find((image) => image.trace !== null);
    expect(JSON.parse(traced?.trace?.raw.json() ?? "null")).toMatchObject({ image: traced?.reference });
  });
});
