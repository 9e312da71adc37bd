#!/usr/bin/env node
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { BENCH_HELP, parseBenchArgs, tenth, type BenchOptions } from "./bench-args.js";
import { formatScale, formatTargets, type ScaleResult, type SideResult, type SmallResult } from "./bench-report.js";
import type { FloorResult } from "./floor.js";
import { generateExportFiles } from "./generate.js";
import { measureMethod, runMeasured, type ProcessMeasure } from "./measure.js";
import { splitOutput } from "./output-split.js";
import { spread } from "./stats.js";
import { listFiles } from "./tree.js";
import { writeExport } from "./write-export.js";

// `npm run bench`: generate, build with the real CLI, time the floor, print the comparison (see BENCH_HELP).
const DIST = fileURLToPath(new URL("../", import.meta.url));
const BIN = path.join(DIST, "cli", "bin.js");
const FLOOR = path.join(DIST, "bench", "floor-cli.js");

class BenchFailure extends Error {}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseBenchArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`zadig-snapshot bench: ${parsed.message}\n`);
    return 2;
  }
  if (parsed.help) {
    process.stdout.write(BENCH_HELP);
    return 0;
  }
  const options = parsed.options;
  const work = mkdtempSync(path.join(tmpdir(), "zs-bench-"));
  const cleanup = () => rmSync(work, { recursive: true, force: true });
  process.once("SIGINT", () => {
    cleanup();
    process.exit(130);
  });
  try {
    say(`zadig-snapshot bench: Node ${process.version}, ${process.platform} ${process.arch}, ${cpus().length} CPUs, ${(totalmem() / 1024 ** 3).toFixed(1)} GiB RAM; measured with ${measureMethod() === "gnu-time" ? "GNU time (rusage of each child)" : "each child's process.resourceUsage()"}; work folder ${work}`);
    const full = await measureScale(work, options, options);
    say(formatScale(full));
    const small = tenth(options);
    const tenthResult = await measureScale(work, { ...options, ...small }, options);
    say(formatScale(tenthResult));
    const hundred = await measureSmall(work, options);
    say(`100 releases / 300 images: build wall ${(hundred.wallMs.min / 1000).toFixed(2)} / ${(hundred.wallMs.median / 1000).toFixed(2)} / ${(hundred.wallMs.max / 1000).toFixed(2)} s`);
    say(formatTargets(full, tenthResult, hundred));
    return 0;
  } catch (caught) {
    if (caught instanceof BenchFailure) {
      process.stderr.write(`zadig-snapshot bench: ${caught.message}\n`);
      return 1;
    }
    throw caught;
  } finally {
    cleanup();
  }
}

function say(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** Progress notes go to stderr, so stdout holds only the report. */
function note(text: string): void {
  process.stderr.write(`bench: ${text}\n`);
}

function generate(work: string, releases: number, images: number, seed: number): { dir: string; files: number; bytes: number } {
  const dir = path.join(work, `in-${releases}`);
  note(`generating ${releases} releases, ${images} images into ${dir}`);
  const summary = writeExport(dir, generateExportFiles({ releases, images, seed }));
  return { dir, ...summary };
}

/** Runs the build and the floor in turn (so drift on a noisy machine hits both alike), `runs` times each. */
async function measureScale(work: string, scale: BenchOptions, options: BenchOptions): Promise<ScaleResult> {
  const input = generate(work, scale.releases, scale.images, options.seed);
  const buildOut = path.join(work, "build-out");
  const floorOut = path.join(work, "floor-out");
  const layoutFile = path.join(work, "layout.json");
  const builds: ProcessMeasure[] = [];
  const floors: { measure: ProcessMeasure; result: FloorLine }[] = [];
  let layout: Awaited<ReturnType<typeof listFiles>> = [];
  let pages = 0;
  for (let run = 1; run <= options.runs; run++) {
    settle();
    note(`${scale.releases} releases, run ${run}/${options.runs}: build`);
    const build = await runMeasured(BIN, ["build", "--input", input.dir, "--output", buildOut, "--quiet"]);
    if (build.code !== 0) throw new BenchFailure(`the build failed (exit ${build.code}):\n${build.stderr}`);
    builds.push(build);
    if (run === 1) {
      layout = await listFiles(buildOut);
      writeFileSync(layoutFile, JSON.stringify(layout));
      pages = Number(/^built (\d+) pages/m.exec(build.stdout)?.[1] ?? Number.NaN);
    }
    rmSync(buildOut, { recursive: true, force: true });
    settle();
    note(`${scale.releases} releases, run ${run}/${options.runs}: floor`);
    const floor = await runMeasured(FLOOR, ["--input", input.dir, "--output", floorOut, "--layout", layoutFile]);
    if (floor.code !== 0) throw new BenchFailure(`the floor failed (exit ${floor.code}):\n${floor.stderr}`);
    const result = parseFloorLine(floor.stdout);
    if (result.pagesNotInBuild > 0) throw new BenchFailure(`the floor rendered ${result.pagesNotInBuild} pages the build did not write: the two disagree on the page set`);
    floors.push({ measure: floor, result });
    rmSync(floorOut, { recursive: true, force: true });
  }
  const bytes = layout.reduce((sum, entry) => sum + entry.bytes, 0);
  const last = floors.at(-1)?.result;
  const buildSide: SideResult = {
    wallMs: spread(builds.map((b) => b.wallMs)),
    cpuMs: spread(builds.map((b) => b.userMs + b.sysMs)),
    maxRssBytes: spread(builds.map((b) => b.maxRssBytes)),
    pages,
    files: layout.length,
    bytes,
  };
  const floorSide: SideResult = {
    wallMs: spread(floors.map((f) => f.result.wallMs)),
    cpuMs: spread(floors.map((f) => f.result.userMs + f.result.sysMs)),
    maxRssBytes: spread(floors.map((f) => f.measure.maxRssBytes)),
    pages: last?.pages ?? 0,
    files: last?.files ?? 0,
    bytes: last?.bytes ?? 0,
  };
  rmSync(input.dir, { recursive: true, force: true });
  return {
    releases: scale.releases,
    images: scale.images,
    inputFiles: input.files,
    inputBytes: input.bytes,
    runs: options.runs,
    build: buildSide,
    floor: floorSide,
    floorSetupMs: spread(floors.map((f) => f.result.setupMs)).median,
    split: splitOutput(layout),
  };
}

/** The small-site target: builds of 100 releases, wall time only. */
async function measureSmall(work: string, options: BenchOptions): Promise<SmallResult> {
  const input = generate(work, 100, 300, options.seed);
  const out = path.join(work, "small-out");
  const walls: number[] = [];
  for (let run = 1; run <= options.runs; run++) {
    settle();
    note(`100 releases, run ${run}/${options.runs}: build`);
    const build = await runMeasured(BIN, ["build", "--input", input.dir, "--output", out, "--quiet"]);
    if (build.code !== 0) throw new BenchFailure(`the 100-release build failed (exit ${build.code}):\n${build.stderr}`);
    walls.push(build.wallMs);
    rmSync(out, { recursive: true, force: true });
  }
  return { releases: 100, wallMs: spread(walls) };
}

/** Flushes dirty pages before each timed run, so one run's gigabytes of writes do not slow the next. */
function settle(): void {
  spawnSync("sync", { stdio: "ignore" });
}

/** What floor-cli prints as its last line: the floor's result and how long its untimed setup took. */
type FloorLine = FloorResult & { readonly setupMs: number };

function parseFloorLine(stdout: string): FloorLine {
  const value: unknown = JSON.parse(stdout.trim().split("\n").at(-1) ?? "null");
  const number = (name: keyof FloorLine): number => {
    const field: unknown = typeof value === "object" && value !== null ? Reflect.get(value, name) : undefined;
    if (typeof field !== "number") throw new BenchFailure(`the floor printed no ${name}: ${stdout.slice(0, 300)}`);
    return field;
  };
  return {
    setupMs: number("setupMs"),
    wallMs: number("wallMs"),
    userMs: number("userMs"),
    sysMs: number("sysMs"),
    pages: number("pages"),
    files: number("files"),
    bytes: number("bytes"),
    pagesNotInBuild: number("pagesNotInBuild"),
  };
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (caught: unknown) => {
    process.stderr.write(`${caught instanceof Error ? (caught.stack ?? caught.message) : String(caught)}\n`);
    process.exitCode = 70;
  },
);
