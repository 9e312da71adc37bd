import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatManifest, parseManifest } from "../../src/audit/manifest.js";
import { tempDir } from "../helpers.js";
import { systemTool } from "./helpers.js";

const hash = (char: string) => char.repeat(64);

describe("formatManifest", () => {
  it("writes sha256sum lines sorted by UTF-8 byte order, as LC_ALL=C sort orders them", () => {
    // "é" (U+00E9) sorts after "z" in bytes; "\u{1F600}" after U+FFFD in bytes but before it in UTF-16 units.
    const text = formatManifest([
      { path: "z.html", sha256: hash("1") },
      { path: "\uFFFD.html", sha256: hash("2") },
      { path: "A.html", sha256: hash("3") },
      { path: "\u{1F600}.html", sha256: hash("4") },
      { path: "é.html", sha256: hash("5") },
    ]);
    const names = text.split("\n").map((line) => line.slice(66));
    expect(names).toEqual(["A.html", "z.html", "é.html", "\uFFFD.html", "\u{1F600}.html", ""]);
    const lines = names.slice(0, -1);
    const sorted = spawnSync("sort", [], { input: `${[...lines].reverse().join("\n")}\n`, env: { ...process.env, LC_ALL: "C" }, encoding: "utf8" });
    if (sorted.status === 0) expect(sorted.stdout).toBe(`${lines.join("\n")}\n`);
  });

  it("escapes a backslash or line feed in a name the way GNU sha256sum does, so sha256sum -c accepts it", () => {
    const folder = tempDir();
    mkdirSync(path.join(folder, "d"));
    writeFileSync(path.join(folder, "d", "a\\b"), "x");
    writeFileSync(path.join(folder, "new\nline"), "y");
    const text = formatManifest([
      { path: "d/a\\b", sha256: "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881" },
      { path: "new\nline", sha256: "a1fce4363854ff888cff4b8e7875d600c2682390412a8cf79b37d0b11148b0fa" },
    ]);
    expect(text).toBe(
      "\\2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881  d/a\\\\b\n\\a1fce4363854ff888cff4b8e7875d600c2682390412a8cf79b37d0b11148b0fa  new\\nline\n",
    );
    const gnu = systemTool("sha256sum");
    if (gnu.available) {
      writeFileSync(path.join(folder, "SUMS"), text);
      expect(gnu.run(["-c", "--strict", "SUMS"], folder).code).toBe(0);
    }
  });
});

describe("parseManifest", () => {
  it("reads text and binary mode lines and upper-case hex", () => {
    expect(parseManifest(`${hash("A")}  a.html\n${hash("b")} *b.json\n`)).toEqual({
      entries: [
        { path: "a.html", sha256: hash("a") },
        { path: "b.json", sha256: hash("b") },
      ],
      problems: [],
    });
  });

  it("reports a missing final line feed, duplicates and escaped lines", () => {
    const { problems } = parseManifest(`${hash("a")}  a.html\n${hash("a")}  a.html\n\\${hash("b")}  x\\\\y\n${hash("c")}  c`);
    expect(problems).toEqual([
      "SHA256SUMS: the last line has no line feed",
      "SHA256SUMS line 2: a.html is listed twice",
      "SHA256SUMS line 3: uses GNU name escaping, which zadig-snapshot never writes",
    ]);
  });
});
