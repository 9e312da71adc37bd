import { spawnSync } from "node:child_process";
import { cpSync, readdirSync, statSync, utimesSync } from "node:fs";
import path from "node:path";
import { importData, type ImportOptions } from "../../src/importer/index.js";
import { buildSite, type BuildOptions, type BuildSummary } from "../../src/site/build.js";
import { tempDir } from "../helpers.js";

/** Copies `source` to a fresh temp folder and gives every file and folder the modification time `mtime`. */
export function copyWithMtime(source: string, mtime: number): string {
  const copy = path.join(tempDir("zs-input-"), "exports");
  cpSync(source, copy, { recursive: true });
  const touch = (entry: string) => {
    if (statSync(entry).isDirectory()) for (const name of readdirSync(entry)) touch(path.join(entry, name));
    utimesSync(entry, mtime, mtime);
  };
  touch(copy);
  return copy;
}

/** A deterministic shuffle (seeded Fisher–Yates), to feed the importer files in an order discovery never gives. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const result = [...items];
  let state = seed >>> 0;
  for (let i = result.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}

/** importData + buildSite in-process, into a fresh temp folder unless `output` is given. */
export async function buildInProcess(
  input: string,
  options: { readonly import?: ImportOptions; readonly build?: Partial<BuildOptions>; readonly output?: string } = {},
): Promise<{ output: string; summary: BuildSummary }> {
  const imported = await importData(input, options.import ?? {});
  const output = options.output ?? path.join(tempDir(), "site");
  const summary = await buildSite(imported, { inputDir: input, outputDir: output, ...options.build });
  return { output, summary };
}

/**
 * Runs a system tool, or says it is missing. Missing tools skip the calling test locally (with one line saying
 * what to install) and fail it in CI, where .ci/run guarantees them.
 */
export function systemTool(name: string): { available: boolean; run: (args: readonly string[], cwd: string) => { code: number | null; stdout: string; stderr: string } } {
  const probe = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  const available = probe.status === 0;
  if (!available && process.env["CI"] === "true") throw new Error(`${name} is required in CI (install coreutils / perl)`);
  if (!available) console.warn(`skipping: ${name} is not installed (install it to run this check)`);
  return {
    available,
    run: (args, cwd) => {
      const result = spawnSync(name, [...args], { cwd, encoding: "utf8" });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    },
  };
}
