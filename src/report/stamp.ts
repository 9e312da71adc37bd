import { createHash } from "node:crypto";
import type { ImportResult } from "../importer/index.js";
import { newestTimestamp } from "../audit/source-date.js";

/** What a report says about the snapshot it came from, so a ticket attachment can be traced back to its inputs. */
export interface ReportStamp {
  readonly toolVersion: string;
  /** sha256 over the input files' `path  sha256` lines, sorted (see inputDigest). */
  readonly inputDigest: string;
  readonly inputFiles: number;
  /** The newest timestamp anywhere in the data (unix seconds), or null when the data holds none. */
  readonly dataAsOf: number | null;
}

export function reportStamp(imported: Pick<ImportResult, "inputs" | "snapshot">, toolVersion: string): ReportStamp {
  return { toolVersion, inputDigest: inputDigest(imported.inputs), inputFiles: imported.inputs.length, dataAsOf: newestTimestamp(imported.snapshot) };
}

/**
 * sha256 (hex) over one line per input file, `<path>  <sha256>\n`, the lines sorted by their UTF-8 bytes (LC_ALL=C sort).
 * Reproducible with coreutils; see the README's "Release reports" section.
 * @example inputDigest([{ file: "a.json", sha256: "e3b0…" }]) // sha256 of "a.json  e3b0…\n"
 */
export function inputDigest(inputs: readonly { readonly file: string; readonly sha256: string }[]): string {
  const lines = inputs.map((input) => Buffer.from(`${input.file}  ${input.sha256}\n`, "utf8")).sort(Buffer.compare);
  const hash = createHash("sha256");
  for (const line of lines) hash.update(line);
  return hash.digest("hex");
}
