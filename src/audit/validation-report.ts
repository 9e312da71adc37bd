import type { ImportResult } from "../importer/index.js";
import type { Issue } from "../importer/issues.js";
import type { SkippedRecord } from "../importer/skipped.js";
import { parseImageReference } from "../site/paths.js";
import { byteOrder } from "./digest.js";

export const VALIDATION_FILE = "validation.json";
export const VALIDATION_SCHEMA = "zadig-snapshot/validation/v1";

export interface InputReport {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly outcome: "releases" | "artifacts" | "rejected";
  /** Valid records read from the file (before duplicates across files are merged). */
  readonly records: number;
  /** Records of this file left out (the whole file counts as one when rejected). */
  readonly skipped: number;
  readonly errors: number;
  readonly warnings: number;
}

export interface RedactionReport {
  readonly file: string;
  readonly path: string;
  /** Where inside a text value (YAML document, Secret key), "" when the path says it all. */
  readonly detail: string;
  readonly reason: string;
}

export interface UnresolvedReferences {
  /** Images a release names but no exported artifact trace describes. */
  readonly imagesWithoutTrace: readonly { readonly image: string; readonly releases: readonly string[] }[];
  /** Exported artifact traces that no release in the snapshot names. */
  readonly unusedArtifacts: readonly { readonly image: string; readonly file: string }[];
  /** Image names that are not valid image references; their pages live under img/invalid-ref/. */
  readonly invalidImageReferences: readonly string[];
}

/** validation.json: every input file's outcome, every issue, every skipped record and redaction, and the gaps. */
export interface ValidationReport {
  readonly schema: string;
  /** True when the input had no errors (warnings allowed). */
  readonly ok: boolean;
  readonly keepGoing: boolean;
  readonly counts: {
    readonly inputFiles: number;
    readonly rejectedFiles: number;
    readonly releases: number;
    readonly artifacts: number;
    readonly skippedRecords: number;
    readonly errors: number;
    readonly warnings: number;
    readonly redactions: number;
    readonly imagesWithoutTrace: number;
    readonly unusedArtifacts: number;
    readonly invalidImageReferences: number;
  };
  readonly inputs: readonly InputReport[];
  readonly issues: readonly Issue[];
  readonly skipped: readonly SkippedRecord[];
  readonly redactions: readonly RedactionReport[];
  readonly unresolved: UnresolvedReferences;
}

/**
 * The validation report of one import. Pure, and never holds a redacted value: redactions are named by file,
 * JSON path and reason only.
 */
export function toValidationReport(imported: ImportResult, keepGoing: boolean): ValidationReport {
  const { snapshot } = imported;
  const errorsIn = countBy(imported.issues.filter((issue) => issue.severity === "error"));
  const warningsIn = countBy(imported.issues.filter((issue) => issue.severity === "warning"));
  const skippedIn = countBy(imported.skipped);
  const inputs = imported.inputs
    .map(
      (input): InputReport => ({
        path: input.file,
        bytes: input.bytes,
        sha256: input.sha256,
        outcome: input.kind,
        records: input.records,
        skipped: skippedIn.get(input.file) ?? 0,
        errors: errorsIn.get(input.file) ?? 0,
        warnings: warningsIn.get(input.file) ?? 0,
      }),
    )
    .sort((a, b) => byteOrder(a.path, b.path));
  const unresolved: UnresolvedReferences = {
    imagesWithoutTrace: snapshot.images
      .filter((image) => image.trace === null && image.uses.length > 0)
      .map((image) => ({ image: image.reference, releases: [...new Set(image.uses.map((use) => use.releaseId))] })),
    unusedArtifacts: snapshot.images
      .filter((image) => image.trace !== null && image.uses.length === 0)
      .map((image) => ({ image: image.reference, file: image.trace?.sourceFile ?? "" })),
    invalidImageReferences: snapshot.images.map((image) => image.reference).filter((reference) => parseImageReference(reference).kind === "invalid"),
  };
  const errors = imported.issues.filter((issue) => issue.severity === "error").length;
  return {
    schema: VALIDATION_SCHEMA,
    ok: errors === 0,
    keepGoing,
    counts: {
      inputFiles: inputs.length,
      rejectedFiles: inputs.filter((input) => input.outcome === "rejected").length,
      releases: snapshot.releases.length,
      artifacts: snapshot.images.filter((image) => image.trace !== null).length,
      skippedRecords: imported.skipped.length,
      errors,
      warnings: imported.issues.length - errors,
      redactions: imported.redactions.length,
      imagesWithoutTrace: unresolved.imagesWithoutTrace.length,
      unusedArtifacts: unresolved.unusedArtifacts.length,
      invalidImageReferences: unresolved.invalidImageReferences.length,
    },
    inputs,
    issues: imported.issues.map(({ severity, code, file, path, message }) => ({ severity, code, file, path, message })),
    skipped: imported.skipped,
    redactions: imported.redactions.map(({ file, path, detail, reason }) => ({ file, path, detail: detail ?? "", reason })),
    unresolved,
  };
}

function countBy(items: readonly { readonly file: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.file, (counts.get(item.file) ?? 0) + 1);
  return counts;
}
