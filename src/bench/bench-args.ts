import { HINT, parseFlags } from "./flags.js";
import { checkGenerateOptions } from "./generate.js";

export interface BenchOptions {
  readonly releases: number;
  readonly images: number;
  /** How many times each measurement runs (min / median / max are reported). */
  readonly runs: number;
  readonly seed: number;
}

export type BenchArgs =
  | { readonly ok: true; readonly help: true }
  | { readonly ok: true; readonly help: false; readonly options: BenchOptions }
  | { readonly ok: false; readonly message: string };

export const BENCH_DEFAULTS: BenchOptions = { releases: 10_000, images: 30_000, runs: 3, seed: 1 };

export const BENCH_HELP = `Usage: npm run bench -- [--releases N] [--images M] [--runs R] [--seed S]

Generates a synthetic export (npm run gen) into a temporary folder, then, at full size and at 1/10 size:
builds the site R times with the real CLI (node dist/cli/bin.js build, one process per run, so its time and
memory are its own) and times R runs of the floor: the same page templates rendered with plain Nunjucks and
the same number of files and bytes written with fs. Also times R builds of 100 releases. Prints wall time,
CPU time, peak RSS, pages, files, bytes and ms per page (min / median / max), the ratio build / floor, how
the output bytes split, and the targets. The last line is "ratio-to-floor: X.XX" (medians, full size).
Everything it writes is under the OS temporary folder and removed at the end.

Options:
  --releases N   releases at full size, an integer >= 10     [default: ${BENCH_DEFAULTS.releases}]
  --images M     images at full size                         [default: ${BENCH_DEFAULTS.images}]
  --runs R       runs of each measurement, 1 to 20            [default: ${BENCH_DEFAULTS.runs}]
  --seed S       generator seed                               [default: ${BENCH_DEFAULTS.seed}]
  -h, --help     show this help

Examples:
  npm run bench
  npm run bench -- --releases 1000 --images 3000 --runs 1

Exit codes: 0 measured (whether or not the targets are met), 1 a build failed, 2 usage error.
`;

/**
 * Parses the bench's argv; never throws.
 * @example parseBenchArgs(["--releases", "1000"]) // { ok: true, help: false, options: { releases: 1000, images: 30000, runs: 3, seed: 1 } }
 */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const parsed = parseFlags(argv, {
    releases: { type: "string" },
    images: { type: "string" },
    runs: { type: "string" },
    seed: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (!parsed.ok) return parsed;
  const { values } = parsed;
  if (values["help"] === true) return { ok: true, help: true };
  const numbers: Record<keyof BenchOptions, number> = { ...BENCH_DEFAULTS };
  for (const name of ["releases", "images", "runs", "seed"] as const) {
    const raw = values[name];
    if (raw === undefined) continue;
    const text = String(raw);
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) return { ok: false, message: `--${name} must be a whole number, found "${text}". ${HINT}` };
    numbers[name] = Number(text);
  }
  const { releases, images, runs, seed } = numbers;
  if (releases < 10) return { ok: false, message: `--releases must be at least 10 (the bench also runs 1/10 of it), found ${releases}. ${HINT}` };
  if (runs < 1 || runs > 20) return { ok: false, message: `--runs must be from 1 to 20, found ${runs}. ${HINT}` };
  for (const scale of [{ releases, images }, tenth({ releases, images })]) {
    const problem = checkGenerateOptions({ ...scale, seed });
    if (problem !== undefined) return { ok: false, message: `--${problem}. ${HINT}` };
  }
  return { ok: true, help: false, options: { releases, images, runs, seed } };
}

/** The smaller scale the bench also measures, to show how cost grows. */
export function tenth(scale: { readonly releases: number; readonly images: number }): { releases: number; images: number } {
  return { releases: Math.max(1, Math.round(scale.releases / 10)), images: Math.max(1, Math.round(scale.images / 10)) };
}
