import { HINT, parseFlags } from "./flags.js";
import { checkGenerateOptions, MAX_SERVICES_PER_RELEASE } from "./generate.js";

export interface GenOptions {
  readonly releases: number;
  readonly images: number;
  readonly seed: number;
  readonly out: string;
}

export type GenArgs =
  | { readonly ok: true; readonly help: true }
  | { readonly ok: true; readonly help: false; readonly options: GenOptions }
  | { readonly ok: false; readonly message: string };

export const GEN_HELP = `Usage: npm run gen -- --releases N --images M --out DIR [--seed S]

Writes a deterministic synthetic Zadig delivery-center export (for benchmarks):
  DIR/releases/<project>-<nnnn>.json   release lists, at most 500 releases per file
  DIR/artifacts/<nnnnn>.json           one artifact trace per file (about 85% of the images)

Options:
  --releases N   number of releases, an integer >= 1
  --images M     number of distinct images, an integer from 1 to ${MAX_SERVICES_PER_RELEASE} x N
  --out DIR      output directory; it must not exist yet or be empty
  --seed S       integer from 0 to 4294967295 (default 1); the same seed gives byte-identical files
  --help         show this help

Examples:
  npm run gen -- --releases 1000 --images 3000 --out bench-out/1k
  npm run gen -- --releases 10000 --images 30000 --out bench-out/10k --seed 7

Exit codes: 0 written, 2 usage error (bad flag or value, or DIR not empty).
`;

/**
 * Parses the generator's argv (without `node` and the script path); never throws, never exits.
 * @example parseGenArgs(["--releases", "10", "--images", "30", "--out", "x"]) // { ok: true, help: false, options: {…, seed: 1} }
 */
export function parseGenArgs(argv: readonly string[]): GenArgs {
  const parsed = parseFlags(argv, {
    releases: { type: "string" },
    images: { type: "string" },
    out: { type: "string" },
    seed: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (!parsed.ok) return parsed;
  const { values } = parsed;
  if (values["help"] === true) return { ok: true, help: true };

  const releases = integerFlag("releases", values["releases"]);
  if (typeof releases === "string") return { ok: false, message: releases };
  const images = integerFlag("images", values["images"]);
  if (typeof images === "string") return { ok: false, message: images };
  const seed = values["seed"] === undefined ? 1 : integerFlag("seed", values["seed"]);
  if (typeof seed === "string") return { ok: false, message: seed };
  const out = values["out"];
  if (typeof out !== "string" || out === "") return { ok: false, message: `--out DIR is required. ${HINT}` };

  if (releases < 1) return { ok: false, message: `--releases must be at least 1, found ${releases}. ${HINT}` };
  if (images < 1) return { ok: false, message: `--images must be at least 1, found ${images}. ${HINT}` };
  if (seed > 0xffffffff) return { ok: false, message: `--seed must be from 0 to 4294967295, found ${seed}. ${HINT}` };
  const problem = checkGenerateOptions({ releases, images, seed });
  if (problem !== undefined) return { ok: false, message: `--${problem}. ${HINT}` };
  return { ok: true, help: false, options: { releases, images, seed, out } };
}

function integerFlag(name: string, raw: string | boolean | undefined): number | string {
  if (raw === undefined) return `--${name} is required. ${HINT}`;
  const text = String(raw);
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
    return `--${name} must be an integer, found "${text}". ${HINT}`;
  }
  return Number(text);
}
