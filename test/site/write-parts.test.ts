import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeParts } from "../../src/site/write-parts.js";
import { tempDir } from "../helpers.js";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("writeParts", () => {
  it("writes the parts in order, replacing what the file held", async () => {
    const target = path.join(tempDir(), "list.json");
    writeFileSync(target, "old content that must go");
    await writeParts(target, [bytes("[\n"), bytes("  1"), bytes(",\n"), bytes("  \"二\""), bytes("\n]\n")], false);
    expect(readFileSync(target, "utf8")).toBe('[\n  1,\n  "二"\n]\n');
  });

  it("appends the parts after what the file holds", async () => {
    const target = path.join(tempDir(), "list.json");
    await writeParts(target, [bytes("[1")], false);
    await writeParts(target, [bytes(","), bytes("2")], true);
    await writeParts(target, [bytes("]")], true);
    expect(readFileSync(target, "utf8")).toBe("[1,2]");
  });

  it("writes more parts than one writev call takes (IOV_MAX is 1024 on Linux)", async () => {
    const target = path.join(tempDir(), "many.txt");
    const parts = Array.from({ length: 3000 }, (_, index) => bytes(`${index}\n`));
    await writeParts(target, parts, false);
    expect(readFileSync(target, "utf8")).toBe(Array.from({ length: 3000 }, (_, index) => `${index}\n`).join(""));
  });

  it("creates an empty file for no parts", async () => {
    const target = path.join(tempDir(), "empty.json");
    await writeParts(target, [], false);
    expect(readFileSync(target, "utf8")).toBe("");
  });

  it("rejects with the system's error when the file cannot be opened", async () => {
    const target = path.join(tempDir(), "missing-folder", "list.json");
    await expect(writeParts(target, [bytes("a"), bytes("b")], false)).rejects.toThrow(/ENOENT.*missing-folder/);
    await expect(writeParts(target, [bytes("a")], true)).rejects.toThrow(/ENOENT.*missing-folder/);
  });
});
