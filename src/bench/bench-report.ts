import type { PartTotals } from "./output-split.js";
import type { Spread } from "./stats.js";

/** What one side (the build or the floor) measured over its runs at one scale. */
export interface SideResult {
  readonly wallMs: Spread;
  readonly cpuMs: Spread;
  readonly maxRssBytes: Spread;
  readonly pages: number;
  readonly files: number;
  readonly bytes: number;
}

export interface ScaleResult {
  readonly releases: number;
  readonly images: number;
  readonly inputFiles: number;
  readonly inputBytes: number;
  readonly runs: number;
  readonly build: SideResult;
  readonly floor: SideResult;
  /** Untimed setup of the floor (import and views), median: shown so nobody mistakes it for part of the floor. */
  readonly floorSetupMs: number;
  readonly split: readonly PartTotals[];
}

export interface SmallResult {
  readonly releases: number;
  readonly wallMs: Spread;
}

export const TARGETS = { ratio: 2.0, maxRssBytes: 1.5 * 1024 ** 3, smallWallMs: 3000, linearity: 1.25 } as const;

const count = (value: number) => Math.round(value).toLocaleString("en-US");
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const megabytes = (bytes: number) => (bytes / 1024 ** 2).toFixed(0);
const spreadOf = (value: Spread, format: (n: number) => string) => `${format(value.min)} / ${format(value.median)} / ${format(value.max)}`;

/** Median wall time of the build over that of the floor. */
export function ratioToFloor(scale: ScaleResult): number {
  return scale.build.wallMs.median / scale.floor.wallMs.median;
}

export function msPerPage(side: SideResult): number {
  return side.wallMs.median / Math.max(1, side.pages);
}

/** The table for one scale: both sides, the ratio, output/input bytes, and how the output bytes split. */
export function formatScale(scale: ScaleResult): string {
  const row = (name: string, side: SideResult) =>
    [
      `  ${name.padEnd(6)}`,
      spreadOf(side.wallMs, seconds).padStart(27),
      spreadOf(side.cpuMs, seconds).padStart(27),
      spreadOf(side.maxRssBytes, megabytes).padStart(21),
      count(side.pages).padStart(9),
      count(side.files).padStart(10),
      count(side.bytes).padStart(16),
      msPerPage(side).toFixed(3).padStart(9),
    ].join("");
  const total = scale.split.reduce((sum, part) => sum + part.bytes, 0);
  const lines = [
    `${count(scale.releases)} releases / ${count(scale.images)} images: input ${count(scale.inputFiles)} files, ${count(scale.inputBytes)} bytes; ${scale.runs} run(s), min / median / max`,
    `  ${"".padEnd(6)}${"wall s".padStart(27)}${"CPU s (user+sys)".padStart(27)}${"peak RSS MB".padStart(21)}${"pages".padStart(9)}${"files".padStart(10)}${"bytes".padStart(16)}${"ms/page".padStart(9)}`,
    row("build", scale.build),
    row("floor", scale.floor),
    `  floor setup (import + views, not timed): ${seconds(scale.floorSetupMs)} s`,
    `  build / floor (median wall): ${ratioToFloor(scale).toFixed(2)}`,
    `  output bytes / input bytes: ${(scale.build.bytes / Math.max(1, scale.inputBytes)).toFixed(2)}`,
    "  output split:",
    ...scale.split.map(
      (part) => `    ${part.part.padEnd(28)}${count(part.files).padStart(9)} files${count(part.bytes).padStart(16)} bytes${((100 * part.bytes) / Math.max(1, total)).toFixed(1).padStart(7)}%`,
    ),
  ];
  return lines.join("\n");
}

/** The targets, each with its measured value and whether it is met; the last line is `ratio-to-floor: X.XX`. */
export function formatTargets(full: ScaleResult, tenth: ScaleResult, small: SmallResult): string {
  const ratio = ratioToFloor(full);
  const rss = full.build.maxRssBytes.max;
  const growth = msPerPage(full.build) / msPerPage(tenth.build);
  const verdict = (met: boolean) => (met ? "met" : "NOT met");
  return [
    `cost per page: ${msPerPage(tenth.build).toFixed(3)} ms at ${count(tenth.releases)} releases, ${msPerPage(full.build).toFixed(3)} ms at ${count(full.releases)} (x${growth.toFixed(2)}); floor ${msPerPage(tenth.floor).toFixed(3)} → ${msPerPage(full.floor).toFixed(3)} ms`,
    `targets at ${count(full.releases)} releases / ${count(full.images)} images:`,
    `  build within ${TARGETS.ratio.toFixed(1)}x the floor: ${ratio.toFixed(2)}x, ${verdict(ratio <= TARGETS.ratio)}`,
    `  peak RSS under ${(TARGETS.maxRssBytes / 1024 ** 3).toFixed(1)} GB (highest run): ${(rss / 1024 ** 3).toFixed(2)} GB, ${verdict(rss < TARGETS.maxRssBytes)}`,
    `  ${count(small.releases)} releases under ${TARGETS.smallWallMs / 1000} s wall (median): ${seconds(small.wallMs.median)} s, ${verdict(small.wallMs.median < TARGETS.smallWallMs)}`,
    `  linear (ms/page grows less than x${TARGETS.linearity} from 1/10 size): x${growth.toFixed(2)}, ${verdict(growth < TARGETS.linearity)}`,
    `ratio-to-floor: ${ratio.toFixed(2)}`,
  ].join("\n");
}
