import * as z from "zod";
import type { ImportResult } from "../importer/index.js";
import { inputDigest } from "../report/stamp.js";
import { byteOrder } from "./digest.js";
import type { GeneratedAt } from "./source-date.js";
import { newestTimestamp } from "./source-date.js";
import type { ToolInfo } from "./tool-info.js";

export const PROVENANCE_FILE = "provenance.json";
export const PROVENANCE_SCHEMA = "zadig-snapshot/provenance/v1";

/** The build settings that change the output. Folder paths do not, and are left out so any machine gets the same bytes. */
export interface BuildSettings {
  readonly keepGoing: boolean;
  readonly sourceDateEpoch: number | null;
}

export interface ProvenanceInput {
  /** POSIX path relative to --input. */
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

/** provenance.json: what went in, what produced it, with which options. Every field is deterministic. */
export interface Provenance {
  readonly schema: string;
  readonly tool: ToolInfo;
  readonly options: {
    readonly keepGoing: boolean;
    readonly redactKeyPattern: string;
    readonly sourceDateEpoch: number | null;
  };
  readonly generatedAt: { readonly unix: number | null; readonly iso: string | null; readonly source: GeneratedAt["source"] };
  readonly dataAsOf: { readonly unix: number | null; readonly iso: string | null };
  /** The input digest every release report is stamped with (README, "Input digest"): one value for the whole input set. */
  readonly inputDigest: string;
  readonly inputs: readonly ProvenanceInput[];
  readonly counts: {
    readonly inputFiles: number;
    readonly releases: number;
    readonly images: number;
    readonly artifacts: number;
    readonly redactions: number;
    readonly skippedRecords: number;
    readonly errors: number;
    readonly warnings: number;
  };
}

/**
 * Provenance of one build. Pure: the tool info and the generated-at time are passed in.
 * @example toProvenance(imported, tool, { keepGoing: false, sourceDateEpoch: null }, at).inputs[0] // { path: "releases/a.json", bytes: 1200, sha256: "…" }
 */
export function toProvenance(imported: ImportResult, tool: ToolInfo, settings: BuildSettings, at: GeneratedAt): Provenance {
  const inputs = provenanceInputs(imported);
  const dataAsOf = newestTimestamp(imported.snapshot);
  const { releases, images } = imported.snapshot;
  return {
    schema: PROVENANCE_SCHEMA,
    tool,
    options: { keepGoing: settings.keepGoing, redactKeyPattern: imported.redactKeyPattern, sourceDateEpoch: settings.sourceDateEpoch },
    generatedAt: { unix: at.seconds, iso: iso(at.seconds), source: at.source },
    dataAsOf: { unix: dataAsOf, iso: iso(dataAsOf) },
    inputDigest: inputDigest(imported.inputs),
    inputs,
    counts: {
      inputFiles: inputs.length,
      releases: releases.length,
      images: images.length,
      artifacts: images.filter((image) => image.trace !== null).length,
      redactions: imported.redactions.length,
      skippedRecords: imported.skipped.length,
      errors: imported.issues.filter((issue) => issue.severity === "error").length,
      warnings: imported.issues.filter((issue) => issue.severity === "warning").length,
    },
  };
}

export function provenanceInputs(imported: ImportResult): ProvenanceInput[] {
  return imported.inputs.map((input) => ({ path: input.file, bytes: input.bytes, sha256: input.sha256 })).sort((a, b) => byteOrder(a.path, b.path));
}

function iso(seconds: number | null): string | null {
  return seconds === null ? null : new Date(seconds * 1000).toISOString().replace(".000Z", "Z");
}

/** The part of provenance.json that `verify --input` reads; later schema versions may add fields. */
export const ProvenanceFile = z.looseObject({
  schema: z.string(),
  inputs: z.array(z.strictObject({ path: z.string(), bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
});
export type ProvenanceFile = z.infer<typeof ProvenanceFile>;
