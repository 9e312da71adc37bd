import type { ArtifactTrace, RawRecord, Release } from "../model/types.js";
import { nestingIssue } from "./depth.js";
import type { Issue } from "./issues.js";
import type { Located } from "./merge.js";
import { artifactKey, toArtifactTrace, toRelease } from "./normalize.js";
import type { InputFile, ReadResult } from "./read.js";
import type { Redaction } from "./redact.js";
import { redactSecrets, type RedactionPolicy } from "./redact-secrets.js";
import { skippedInFile, type SkippedRecord } from "./skipped.js";
import { validateFile } from "./validate.js";

/** What an input file turned out to be. */
export interface InputOutcome extends InputFile {
  readonly kind: "releases" | "artifacts" | "rejected";
  readonly records: number;
}

/** Everything one input file adds to the import, in the order the file holds it. */
export interface FileOutcome {
  readonly input: InputOutcome;
  readonly issues: readonly Issue[];
  readonly redactions: readonly Redaction[];
  readonly skipped: readonly SkippedRecord[];
  readonly releases: readonly Located<Release>[];
  readonly artifacts: readonly Located<ArtifactTrace>[];
}

/** Where each record goes as the mirror will serve it (src/importer/record-spill.ts). */
export interface RecordStore {
  add(value: unknown): RawRecord;
}

/**
 * One read file → redact → validate → normalize, each record stored as soon as it is validated (zod's copy of the
 * file is not kept). Pure apart from the store: the same file gives the same outcome in any thread.
 */
export function importFile(read: ReadResult, policy: RedactionPolicy, store: RecordStore): FileOutcome {
  const rejection = read.ok ? nestingIssue(read.input.file, read.data) : read.issue;
  if (!read.ok || rejection !== null) {
    const issues = rejection === null ? [] : [rejection];
    return { ...nothing(read.input, "rejected", 0), issues, skipped: skippedInFile(read.input.file, null, null, issues) };
  }
  const { file } = read.input;
  // Redact before validating, so no message about an invalid value can quote a secret.
  const redacted = redactSecrets(read.data, file, "", policy);
  const validated = validateFile(file, redacted.value);
  const result = validated.value;
  const outcome = {
    redactions: redacted.redactions,
    issues: validated.issues,
    skipped: skippedInFile(file, redacted.value, result, validated.issues),
  };
  if (result.kind === "releases") {
    const releases = result.releases.map(({ path, item, raw }) => {
      const record = store.add(raw);
      return { key: item.versionInfo.id.toLowerCase(), file, path, item: toRelease(item, record, file), raw: record };
    });
    return { ...nothing(read.input, "releases", releases.length), ...outcome, releases };
  }
  if (result.kind === "artifacts") {
    const artifacts = result.artifacts.map(({ path, item, raw }) => {
      const record = store.add(raw);
      return { key: artifactKey(item), file, path, item: toArtifactTrace(item, record, file), raw: record };
    });
    return { ...nothing(read.input, "artifacts", artifacts.length), ...outcome, artifacts };
  }
  return { ...nothing(read.input, "rejected", 0), ...outcome };
}

function nothing(input: InputFile, kind: InputOutcome["kind"], records: number): FileOutcome {
  return { input: { ...input, kind, records }, issues: [], redactions: [], skipped: [], releases: [], artifacts: [] };
}
