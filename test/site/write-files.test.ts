import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/audit/digest.js";
import { FileLedger } from "../../src/audit/file-ledger.js";
import { writeFiles, type OutputEntry, type OutputFile, type WrittenFile } from "../../src/site/write-files.js";
import { readTree, tempDir } from "../helpers.js";

describe("writeFiles", () => {
  it("writes every file, creating shared folders once, and returns the bytes written", async () => {
    const root = tempDir();
    const files: OutputFile[] = Array.from({ length: 100 }, (_, index) => ({ file: `a/b${index % 3}/f${index}.txt`, body: () => `ü${index}` }));
    files.push({ file: "bin.dat", body: () => new Uint8Array([1, 2, 3]) });
    let reported = 0;
    const bytes = await writeFiles(root, files, { concurrency: 8, onWritten: () => reported++ });
    const tree = readTree(root);
    expect(tree.size).toBe(101);
    expect(tree.get("a/b1/f1.txt")?.toString("utf8")).toBe("ü1");
    expect(bytes).toBe([...tree.values()].reduce((sum, body) => sum + body.length, 0));
    expect(reported).toBe(101);
  });

  it("makes each body only when it is written, never more than `concurrency` ahead", async () => {
    let made = 0;
    let written = 0;
    let mostAhead = 0;
    function* files(): Generator<OutputFile> {
      for (let index = 0; index < 50; index++) {
        mostAhead = Math.max(mostAhead, made - written);
        yield { file: `f${index}`, body: () => (made++, "x") };
      }
    }
    await writeFiles(tempDir(), files(), { concurrency: 4, onWritten: () => written++ });
    expect(made).toBe(50);
    expect(mostAhead).toBeLessThanOrEqual(4);
  });

  it("fails with the first error and writes nothing more after it", async () => {
    const root = tempDir();
    writeFileSync(path.join(root, "blocker"), "a file where a folder is needed");
    const files: OutputFile[] = [
      { file: "blocker/inside.txt", body: () => "x" },
      ...Array.from({ length: 20 }, (_, index) => ({ file: `later/${index}.txt`, body: () => "y" })),
    ];
    await expect(writeFiles(root, files, { concurrency: 1 })).rejects.toThrow(/ENOTDIR|EEXIST/);
    expect([...readTree(root).keys()]).toEqual(["blocker"]);
    expect(readFileSync(path.join(root, "blocker"), "utf8")).toBe("a file where a folder is needed");
  });

  it("counts files handed off to another thread once it answers: their bytes, one progress tick and one ledger entry each", async () => {
    const root = tempDir();
    const ledger = new FileLedger();
    const handedTo: string[] = [];
    const written = (file: string, text: string): WrittenFile => ({ file, digest: { sha256: sha256Hex(text), size: Buffer.byteLength(text) } });
    const files: OutputEntry[] = [
      { file: "page.html", body: () => "<p>page</p>" },
      {
        file: "r/1.html",
        count: 2,
        handOff: async (to) => {
          handedTo.push(to);
          await new Promise((resolve) => setTimeout(resolve, 20));
          return [written("r/1.html", "<p>report</p>"), written("r/1.md", "# report\n")];
        },
      },
    ];
    let reported = 0;
    const bytes = await writeFiles(root, files, { concurrency: 4, ledger, onWritten: () => reported++ });
    expect(handedTo).toEqual([root]);
    expect(bytes).toBe(Buffer.byteLength("<p>page</p><p>report</p># report\n"));
    expect(reported).toBe(3);
    expect(ledger.digest("r/1.md")).toEqual({ sha256: sha256Hex("# report\n"), size: 9 });
    expect(ledger.digest("page.html")).toEqual({ sha256: sha256Hex("<p>page</p>"), size: 11 });
    // Only this thread's own file is on disk: the others are the other thread's to write.
    expect([...readTree(root).keys()]).toEqual(["page.html"]);
  });

  it("holds a writer until its hand-off is answered, so no more than `concurrency` are in flight", async () => {
    let inFlight = 0;
    let most = 0;
    const files: OutputEntry[] = Array.from({ length: 30 }, (_, index) => ({
      file: `r/${index}.html`,
      count: 1,
      handOff: async () => {
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
        return [{ file: `r/${index}.html`, digest: { sha256: sha256Hex(""), size: 0 } }];
      },
    }));
    await writeFiles(tempDir(), files, { concurrency: 3 });
    expect(most).toBe(3);
  });

  it("fails with a hand-off's failure and takes nothing more after it", async () => {
    const root = tempDir();
    let taken = 0;
    function* files(): Generator<OutputEntry> {
      taken++;
      yield { file: "r/1.html", count: 2, handOff: () => Promise.reject(new Error("the reports' worker thread stopped (exit code 1)")) };
      for (let index = 0; index < 20; index++) {
        taken++;
        yield { file: `later/${index}.txt`, body: () => "y" };
      }
    }
    await expect(writeFiles(root, files(), { concurrency: 1 })).rejects.toThrow("the reports' worker thread stopped (exit code 1)");
    expect(taken).toBe(1);
    expect(readTree(root).size).toBe(0);
  });
});
