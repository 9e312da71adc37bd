import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/audit/digest.js";
import { startFileSink } from "../../src/site/file-sink.js";
import { readTree, tempDir } from "../helpers.js";

// The sink's thread runs dist/site/file-sink-worker.js: `npm test` builds dist/ first (pretest).
describe("startFileSink", () => {
  it("writes whole files and files in parts, in order, and returns each file's digest as it is on disk", async () => {
    const root = tempDir();
    let written = 0;
    const sink = startFileSink(root, { onWritten: (count) => (written += count) });
    await sink.write("index.html", "<p>ü · ✓</p>", false, true);
    await sink.write("bin/a.dat", new Uint8Array([0, 255, 10]), false, true);
    // More parts than one batch holds, so the order must survive across messages.
    for (let index = 0; index < 600; index++) await sink.write("api/list.json", index === 0 ? "[0" : `,${index}`, index > 0, false);
    await sink.write("api/list.json", "]", true, true);
    for (let index = 0; index < 300; index++) await sink.write(`pages/${index % 7}/${index}.html`, `page ${index}`, false, true);
    const result = await sink.finish();

    const tree = readTree(root);
    expect(tree.get("index.html")?.toString("utf8")).toBe("<p>ü · ✓</p>");
    expect([...(tree.get("bin/a.dat") ?? [])]).toEqual([0, 255, 10]);
    expect(tree.get("api/list.json")?.toString("utf8")).toBe(`[${Array.from({ length: 600 }, (_, index) => index).join(",")}]`);
    expect(tree.size).toBe(303);
    expect(result.files).toBe(303);
    expect(result.bytes).toBe([...tree.values()].reduce((sum, body) => sum + body.length, 0));
    expect(written).toBe(303);
    expect(result.digests.size).toBe(303);
    for (const [file, body] of tree) expect(result.digests.get(file), file).toEqual({ sha256: sha256Hex(body), size: body.length });
  });

  it("makes the build wait when the other thread falls behind, and still writes everything", async () => {
    const root = tempDir();
    const sink = startFileSink(root, { queueLimit: 1 });
    const body = "x".repeat(64 * 1024);
    for (let index = 0; index < 64; index++) await sink.write(`f${index}.txt`, body, false, true);
    expect((await sink.finish()).files).toBe(64);
    expect(readTree(root).size).toBe(64);
  });

  it("fails with the fs error, its code and path, and writes nothing after it", async () => {
    const root = tempDir();
    writeFileSync(path.join(root, "blocker"), "a file where a folder is needed");
    const sink = startFileSink(root);
    await sink.write("first.txt", "1", false, true);
    await sink.write("blocker/inside.txt", "x", false, true);
    for (let index = 0; index < 20; index++) await sink.write(`later/${index}.txt`, "y", false, true).catch(() => {});
    const failure: unknown = await sink.finish().then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(failure).toBeInstanceOf(Error);
    expect(Reflect.get(failure as Error, "code")).toMatch(/^(ENOTDIR|EEXIST)$/);
    expect(Reflect.get(failure as Error, "path")).toContain(path.join(root, "blocker"));
    await expect(sink.write("after.txt", "z", false, true)).rejects.toBe(failure);
    expect([...readTree(root).keys()]).toEqual(["blocker", "first.txt"]);
    expect(readFileSync(path.join(root, "blocker"), "utf8")).toBe("a file where a folder is needed");
  });

  it("refuses a path written twice, naming it", async () => {
    const sink = startFileSink(tempDir());
    await sink.write("a/index.html", "1", false, true);
    await sink.write("a/index.html", "2", false, true);
    await expect(sink.finish()).rejects.toThrow("file ledger: a/index.html is written twice");
  });

  it("after abort, refuses writes and has nothing left in flight", async () => {
    const root = tempDir();
    const sink = startFileSink(root);
    for (let index = 0; index < 50; index++) await sink.write(`f${index}.txt`, "x".repeat(10_000), false, true);
    await sink.abort();
    const after = [...readTree(root).keys()];
    await expect(sink.write("late.txt", "z", false, true)).rejects.toThrow("the file writer was stopped after a failure");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect([...readTree(root).keys()]).toEqual(after);
  });
});
