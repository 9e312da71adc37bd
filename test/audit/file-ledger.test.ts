import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { byteOrder, sha256Hex } from "../../src/audit/digest.js";
import { FileLedger } from "../../src/audit/file-ledger.js";
import { writeManifest } from "../../src/audit/manifest.js";
import { orderedWriter } from "../../src/site/ordered-writer.js";
import { writeFiles } from "../../src/site/write-files.js";
import { tempDir } from "../helpers.js";

const bytes = (text: string) => Buffer.from(text, "utf8");

describe("FileLedger", () => {
  it("records a whole file's SHA-256 and size, and a file written in parts as the digest of the parts in order", () => {
    const ledger = new FileLedger();
    ledger.add("a/b.html", bytes("<p>ü</p>"));
    ledger.start("api/list.json", bytes("[\n"));
    ledger.append("api/list.json", bytes("  1"));
    ledger.append("api/list.json", bytes("\n]\n"));
    expect(ledger.digest("a/b.html")).toEqual({ sha256: sha256Hex("<p>ü</p>"), size: 9 });
    expect(ledger.digest("api/list.json")).toEqual({ sha256: sha256Hex("[\n  1\n]\n"), size: 8 });
    expect(ledger.digest("a/./b.html")).toEqual(ledger.digest("a/b.html"));
    expect(ledger.digest("never-written.json")).toBeUndefined();
  });

  it("refuses a path written twice (one write would be lost) and an append to a file never started", () => {
    const ledger = new FileLedger();
    ledger.add("index.html", bytes("1"));
    expect(() => ledger.add("index.html", bytes("2"))).toThrow("file ledger: index.html is written twice");
    expect(() => ledger.start("./index.html", bytes("2"))).toThrow("file ledger: ./index.html is written twice");
    expect(() => ledger.append("other.json", bytes("2"))).toThrow("file ledger: other.json is appended to before it was started");
  });

  it("hands every digest over to another ledger (another thread's files), parts finished, paths still unique", () => {
    const worker = new FileLedger();
    worker.add("api/one.json", bytes("{}"));
    worker.start("api/list.json", bytes("[\n"));
    worker.append("api/list.json", bytes("]\n"));
    const main = new FileLedger();
    main.add("index.html", bytes("<p>"));
    for (const [file, digest] of structuredClone(worker.entries())) main.record(file, digest);
    expect(main.digest("api/one.json")).toEqual({ sha256: sha256Hex("{}"), size: 2 });
    expect(main.digest("api/list.json")).toEqual({ sha256: sha256Hex("[\n]\n"), size: 4 });
    expect(main.digest("index.html")).toEqual({ sha256: sha256Hex("<p>"), size: 3 });
    expect(() => main.record("index.html", { sha256: sha256Hex("x"), size: 1 })).toThrow("file ledger: index.html is written twice");
  });

  it("is fed by both writers with exactly the bytes that reach the disk", async () => {
    const root = tempDir();
    const ledger = new FileLedger();
    await writeFiles(root, [{ file: "p/index.html", body: () => "<h1>x</h1>" }, { file: "bin.dat", body: () => new Uint8Array([0, 255]) }], { ledger });
    const writer = orderedWriter(root, 2, ledger);
    for (const [index, part] of ["[", "1,", "2", "]"].entries()) await writer.write("api/l.json", [bytes(part)], index > 0);
    // Several parts in one write (the release lists' flushes): each is hashed in order, as writev puts them on disk.
    await writer.write("api/m.json", [bytes("["), bytes("1,")], false);
    await writer.write("api/m.json", [bytes("2"), bytes(""), bytes("]")], true);
    await writer.finish();
    expect(readFileSync(path.join(root, "api/m.json"), "utf8")).toBe("[1,2]");
    for (const file of ["p/index.html", "bin.dat", "api/l.json", "api/m.json"]) {
      const onDisk = readFileSync(path.join(root, file));
      expect(ledger.digest(file)).toEqual({ sha256: sha256Hex(onDisk), size: onDisk.byteLength });
    }
  });
});

describe("writeManifest with a ledger", () => {
  it("takes a recorded file's digest from the ledger and reads only the files it does not know", async () => {
    const root = tempDir();
    writeFileSync(path.join(root, "known.html"), "on disk");
    writeFileSync(path.join(root, "unknown.html"), "read back");
    const ledger = new FileLedger();
    // The ledger says what the writer handed to fs; a different value here proves the file was not read again.
    ledger.add("known.html", bytes("as written"));
    const manifest = await writeManifest(root, ledger);
    expect(readFileSync(path.join(root, "SHA256SUMS"), "utf8")).toBe(`${sha256Hex("as written")}  known.html\n${sha256Hex("read back")}  unknown.html\n`);
    expect(manifest.listed.map((entry) => [entry.path, entry.size])).toEqual([["known.html", 10], ["unknown.html", 9]]);
    expect(manifest.size).toBe(2 * (64 + 2) + "known.html\n".length + "unknown.html\n".length);
  });
});

describe("byteOrder", () => {
  it("orders any two strings as their UTF-8 bytes compare", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.string({ unit: "binary" }), (a, b) => {
        expect(Math.sign(byteOrder(a, b))).toBe(Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
      }),
      { seed: 6, numRuns: 2000 },
    );
  });
});
