import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, tempDir } from "../helpers.js";

const BENCH = path.join(ROOT, "dist/bench/bench-cli.js");

function bench(args: readonly string[], tmp = tempDir()) {
  const result = spawnSync(process.execPath, [BENCH, ...args], { encoding: "utf8", env: { ...process.env, TMPDIR: tmp }, timeout: 300_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, tmp };
}

// Correctness only: what the bench prints and that it cleans up. Its numbers are not asserted (no timed tests).
describe("npm run bench", () => {
  it("measures build and floor at both sizes and 100 releases, prints the targets, ends with the ratio line, and leaves no files", () => {
    const run = bench(["--releases", "10", "--images", "30", "--runs", "1"]);
    expect(run.stderr).not.toMatch(/Error|failed/);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines.at(-1)).toMatch(/^ratio-to-floor: \d+\.\d\d$/);
    expect(run.stdout).toMatch(/^10 releases \/ 30 images: input \d+ files, [\d,]+ bytes; 1 run\(s\)/m);
    expect(run.stdout).toMatch(/^1 releases \/ 3 images: input/m);
    expect(run.stdout).toMatch(/^ {2}build\s+[\d.]+ \/ [\d.]+ \/ [\d.]+\s+[\d.]+ \/ [\d.]+ \/ [\d.]+\s+\d+ \/ \d+ \/ \d+\s+\d+\s+[\d,]+\s+[\d,]+\s+[\d.]+$/m);
    expect(run.stdout).toMatch(/^ {2}floor\s+/m);
    expect(run.stdout).toMatch(/^ {4}mirror: release lists\s+[\d,]+ files\s+[\d,]+ bytes/m);
    expect(run.stdout).toMatch(/^100 releases \/ 300 images: build wall/m);
    expect(run.stdout).toContain("targets at 10 releases / 30 images:");
    expect(readdirSync(run.tmp)).toEqual([]);
  });

  it("explains a bad option and exits 2", () => {
    const run = bench(["--runs", "99"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--runs must be from 1 to 20, found 99");
    expect(readdirSync(run.tmp)).toEqual([]);
  });
});
