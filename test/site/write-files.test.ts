import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { orderedWriter } from "../../src/site/ordered-writer.js";
import { writeFiles, type OutputFile } from "../../src/site/write-files.js";
import { readTree, tempDir } from "../helpers.js";

describe("writeFiles through orderedWriter", () => {
  it("writes every file, creating shared folders once, and the writer counts files and bytes", async () => {
    const root = tempDir();
    const files: OutputFile[] = Array.from({ length: 100 }, (_, index) => ({ file: `a/b${index % 3}/f${index}.txt`, body: () => `ü${index}` }));
    files.push({ file: "bin.dat", body: () => new Uint8Array([1, 2, 3]) });
    const writer = orderedWriter(root, 8);
    await writeFiles(writer, files);
    const totals = await writer.finish();
    const tree = readTree(root);
    expect(tree.size).toBe(101);
    expect(tree.get("a/b1/f1.txt")?.toString("utf8")).toBe("ü1");
    expect(totals).toEqual({ files: 101, bytes: [...tree.values()].reduce((sum, body) => sum + body.length, 0) });
  });

  it("appends a file's parts in order, however many are in flight", async () => {
    const root = tempDir();
    const writer = orderedWriter(root, 16);
    for (let index = 0; index < 200; index++) await writer.write("list.json", `${index},`, index > 0, index === 199);
    expect(await writer.finish()).toEqual({ files: 1, bytes: Array.from({ length: 200 }, (_, index) => `${index},`).join("").length });
    expect(readFileSync(path.join(root, "list.json"), "utf8")).toBe(Array.from({ length: 200 }, (_, index) => `${index},`).join(""));
  });

  it("fails with the first error, refuses writes after it, and finishes only when nothing is in flight", async () => {
    const root = tempDir();
    writeFileSync(path.join(root, "blocker"), "a file where a folder is needed");
    const files: OutputFile[] = [
      { file: "blocker/inside.txt", body: () => "x" },
      ...Array.from({ length: 20 }, (_, index) => ({ file: `later/${index}.txt`, body: () => "y" })),
    ];
    const writer = orderedWriter(root, 1);
    await expect(writeFiles(writer, files)).rejects.toThrow(/ENOTDIR|EEXIST/);
    await expect(writer.finish()).rejects.toThrow(/ENOTDIR|EEXIST/);
    expect([...readTree(root).keys()]).toEqual(["blocker"]);
    expect(readFileSync(path.join(root, "blocker"), "utf8")).toBe("a file where a folder is needed");
  });
});
