import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeFiles, type OutputFile } from "../../src/site/write-files.js";
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
});
