import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generateExportFiles } from "../../src/bench/generate.js";
import { writeExport } from "../../src/bench/write-export.js";
import { BIN, runCli, tempDir } from "../helpers.js";

const SCRIPT = "/usr/bin/script";
const hasScript = existsSync(SCRIPT);
if (!hasScript && process.env["CI"] === "true") throw new Error(`${SCRIPT} (util-linux) is needed to give the build a terminal; install util-linux`);
if (!hasScript) console.warn(`skipping the terminal progress tests: ${SCRIPT} not found (install util-linux)`);

/** Runs the build on a pseudo-terminal (util-linux `script`), as a user at a shell would; returns everything it showed. */
function buildOnTerminal(args: readonly string[]): { code: number | null; screen: string } {
  const command = [process.execPath, BIN, "build", ...args].map((arg) => `'${arg.replace(/'/g, "'\\''")}'`).join(" ");
  const result = spawnSync(SCRIPT, ["-qec", command, "/dev/null"], { encoding: "utf8", timeout: 120_000 });
  return { code: result.status, screen: result.stdout };
}

// 100 releases build in a few seconds: long enough for the progress line (it waits a second before showing).
describe("the build's progress line", () => {
  let input: string;
  beforeAll(() => {
    input = path.join(tempDir(), "exports");
    writeExport(input, generateExportFiles({ releases: 100, images: 300, seed: 1 }));
  });

  it("is not written when stderr is not a terminal: stderr stays empty and stdout holds one summary", () => {
    const out = path.join(tempDir(), "site");
    const run = runCli(["build", "--input", input, "--output", out]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout.match(/^built \d+ pages and \d+ JSON files \(\d+ files, \d+ bytes\) from .* in [\d.]+ s$/gm)).toHaveLength(1);
  });

  it.skipIf(!hasScript)("shows the stage, count and time left on a terminal, then erases itself before the summary", () => {
    const run = buildOnTerminal(["--input", input, "--output", path.join(tempDir(), "site")]);
    expect(run.code).toBe(0);
    expect(run.screen).toMatch(/\r\x1b\[K(reading exports|writing pages and files) [\d,]+\/[\d,]+ \(\d+%\)/);
    expect(run.screen).toMatch(/\r\x1b\[K\r?\n?built \d+ pages/);
  });

  it.skipIf(!hasScript)("is not written on a terminal with --quiet (or -q)", () => {
    for (const flag of ["--quiet", "-q"]) {
      const run = buildOnTerminal(["--input", input, "--output", path.join(tempDir(), "site"), flag]);
      expect(run.code).toBe(0);
      expect(run.screen).not.toContain("\x1b[K");
      expect(run.screen).toMatch(/^built \d+ pages/m);
    }
  });
});
