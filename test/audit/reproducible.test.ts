import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { discover } from "../../src/importer/discover.js";
import { readTree, ROOT, runCli, tempDir } from "../helpers.js";
import { buildInProcess, copyWithMtime, shuffled, systemTool } from "./helpers.js";

const SAMPLE = path.join(ROOT, "data");

describe("reproducible builds", () => {
  it("give byte-identical trees from two copies of the input with different folders, file times and discovery order", async () => {
    const first = copyWithMtime(SAMPLE, 1_000_000_000);
    const second = copyWithMtime(SAMPLE, 2_000_000_000);
    const order = await discover(second);
    const reorder = async (dir: string) => shuffled(await discover(dir), 7);
    expect(await reorder(second), "the injected order really differs from discovery's").not.toEqual(order);

    const a = await buildInProcess(first);
    const b = await buildInProcess(second, { import: { discover: reorder }, output: path.join(tempDir(), "elsewhere", "deeper", "site") });

    const treeA = readTree(a.output);
    const treeB = readTree(b.output);
    expect([...treeB.keys()]).toEqual([...treeA.keys()]);
    for (const [file, bytes] of treeA) expect(treeB.get(file)?.equals(bytes), file).toBe(true);
    expect(b.summary.manifestSha256).toBe(a.summary.manifestSha256);
    expect(createHash("sha256").update(readFileSync(path.join(a.output, "SHA256SUMS"))).digest("hex")).toBe(a.summary.manifestSha256);
    console.log(`reproducible: ${treeA.size} files byte-identical; sha256 of SHA256SUMS ${a.summary.manifestSha256} in both builds`);
  });

  it("take 'generated at' from the newest time in the data, never the clock, and stamp every file and folder with it", async () => {
    const { output } = await buildInProcess(SAMPLE);
    const provenance = JSON.parse(readFileSync(path.join(output, "provenance.json"), "utf8")) as { generatedAt: { unix: number; iso: string; source: string }; dataAsOf: { unix: number } };
    expect(provenance.generatedAt).toEqual({ unix: 1709611929, iso: "2024-03-05T04:12:09Z", source: "newest time in the data" });
    expect(provenance.dataAsOf.unix).toBe(1709611929);
    expect(readFileSync(path.join(output, "about/index.html"), "utf8")).toContain('<time datetime="2024-03-05T04:12:09Z">2024-03-05 04:12:09 UTC</time>');
    const entries = readdirSync(output, { recursive: true, withFileTypes: true });
    expect(entries.filter((entry) => entry.isDirectory()).length).toBeGreaterThan(10);
    for (const entry of [...entries.map((entry) => path.join(entry.parentPath, entry.name)), output]) expect(statSync(entry).mtimeMs, entry).toBe(1709611929_000);
  });

  it("use SOURCE_DATE_EPOCH through the CLI: two runs print the same SHA256SUMS digest and show that time", () => {
    const env = { SOURCE_DATE_EPOCH: "1700000000" };
    const outA = path.join(tempDir(), "site");
    const outB = path.join(tempDir(), "site");
    const runA = runCli(["build", "--input", copyWithMtime(SAMPLE, 1_500_000_000), "--output", outA], { env });
    const runB = runCli(["build", "--input", SAMPLE, "--output", outB], { env });
    expect(runA.code).toBe(0);
    expect(runB.code).toBe(0);
    const digest = /^sha256 of SHA256SUMS: ([0-9a-f]{64}) /m;
    expect(digest.exec(runA.stdout)?.[1]).toBeDefined();
    expect(digest.exec(runB.stdout)?.[1]).toBe(digest.exec(runA.stdout)?.[1]);
    const about = readFileSync(path.join(outA, "about/index.html"), "utf8");
    expect(about).toContain('<time datetime="2023-11-14T22:13:20Z">2023-11-14 22:13:20 UTC</time>');
    expect(about).toContain("SOURCE_DATE_EPOCH=1700000000 zadig-snapshot build --input EXPORTS --output rebuilt");
    expect(readTree(outB)).toEqual(readTree(outA));
  });

  it("reject a malformed SOURCE_DATE_EPOCH as a usage error (exit 2) and write nothing", () => {
    for (const value of ["", "1e9"]) {
      const out = path.join(tempDir(), "site");
      const run = runCli(["build", "--input", SAMPLE, "--output", out], { env: { SOURCE_DATE_EPOCH: value } });
      expect(run.code, JSON.stringify(value)).toBe(2);
      expect(run.stderr).toContain(`zadig-snapshot: SOURCE_DATE_EPOCH=${JSON.stringify(value)} is not a UNIX timestamp`);
      expect(existsSync(out)).toBe(false);
    }
  });
});

describe("SHA256SUMS", () => {
  it("lists every file but itself in byte order with two spaces and LF, and passes the real sha256sum -c and shasum -c", async () => {
    const { output } = await buildInProcess(SAMPLE);
    const text = readFileSync(path.join(output, "SHA256SUMS"), "utf8");
    const lines = text.split("\n");
    expect(lines.pop()).toBe("");
    const names = lines.map((line) => {
      expect(line).toMatch(/^[0-9a-f]{64} {2}[^\s].*$/);
      return line.slice(66);
    });
    const onDisk = [...readTree(output).keys()].filter((file) => file !== "SHA256SUMS");
    expect(names).toEqual([...onDisk].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
    expect(names).toContain("provenance.json");
    expect(names).toContain("about/index.html");

    const gnu = systemTool("sha256sum");
    if (gnu.available) {
      const check = gnu.run(["-c", "--strict", "SHA256SUMS"], output);
      expect(check.stderr).toBe("");
      expect(check.code).toBe(0);
      expect(check.stdout.trim().split("\n")).toHaveLength(names.length);
    }
    const mac = systemTool("shasum");
    if (mac.available) expect(mac.run(["-a", "256", "-c", "SHA256SUMS"], output).code).toBe(0);
  });
});
