import type { ArtifactTrace, Release, Snapshot } from "../model/types.js";
import { tmpdir } from "node:os";
import { byCodePoint } from "../model/compare.js";
import { nestingIssue } from "./depth.js";
import { discover } from "./discover.js";
import { hasErrors, sortIssues, type Issue } from "./issues.js";
import { link } from "./link.js";
import { mergeByKey, type Located } from "./merge.js";
import { artifactKey, toArtifactTrace, toRelease } from "./normalize.js";
import { readInput, type InputFile } from "./read.js";
import { RecordSpill } from "./record-spill.js";
import type { Redaction } from "./redact.js";
import { redactionPolicy, redactSecrets } from "./redact-secrets.js";
import { skippedDuplicates, skippedInFile, type SkippedRecord } from "./skipped.js";
import { validateFile } from "./validate.js";
import { mapAhead } from "../util/map-ahead.js";
import { gcPacer, withGcPacing } from "../util/gc-pacer.js";
import { NO_PROGRESS, type Progress } from "../util/progress.js";

/** What an input file turned out to be. */
export interface InputOutcome extends InputFile {
  readonly kind: "releases" | "artifacts" | "rejected";
  readonly records: number;
}

export interface ImportResult {
  readonly snapshot: Snapshot;
  readonly inputs: readonly InputOutcome[];
  readonly issues: readonly Issue[];
  readonly redactions: readonly Redaction[];
  /** Records (or whole files) left out of the snapshot, and why; empty when the input is valid. */
  readonly skipped: readonly SkippedRecord[];
  /** The credential key pattern that was applied (recorded in provenance.json). */
  readonly redactKeyPattern: string;
  readonly ok: boolean;
}

export interface ImportOptions {
  /** Replaces the default credential key pattern (`--redact-key-pattern`). */
  readonly redactKeyPattern?: string;
  /** Lists the input files; tests inject a shuffled order to prove the result does not depend on it. */
  readonly discover?: (inputDir: string) => Promise<string[]>;
  /** Counts files as they are read (the CLI's progress line). Default: none. */
  readonly progress?: Progress;
  /** Where the raw records' scratch file goes (src/importer/record-spill.ts). Default: the system's temp folder. */
  readonly scratchDir?: string;
}

/**
 * discover → read → redact → validate → merge → normalize → link. Collects every issue from every file.
 * Files are processed in sorted path order whatever order discovery returns, so the result never depends on it.
 */
export async function importData(inputDir: string, options: ImportOptions = {}): Promise<ImportResult> {
  const policy = redactionPolicy(options.redactKeyPattern);
  const files = [...(await (options.discover ?? discover)(inputDir))].sort(byCodePoint);
  const issues: Issue[] = [];
  const redactions: Redaction[] = [];
  const inputs: InputOutcome[] = [];
  // Normalized as soon as validated: zod's output (a second copy of every record's structure) is not kept.
  const releases: Located<Release>[] = [];
  const artifacts: Located<ArtifactTrace>[] = [];
  const skipped: SkippedRecord[] = [];
  // Each record is written out as the mirror will serve it as soon as it is validated, so the parsed file is garbage
  // once its model is made.
  const spill = RecordSpill.open(options.scratchDir ?? tmpdir());

  // Checked after every file: release files are large (500 releases each).
  const progress = withGcPacing(options.progress ?? NO_PROGRESS, gcPacer(), 1);
  progress.stage("reading exports", files.length);
  // Each file is processed while the next few load, rather than every file being read (and held) first.
  const reads = mapAhead(files, 8, async (file) => {
    const read = await readInput(inputDir, file);
    progress.advance();
    return read;
  });
  for await (const read of reads) {
    const rejection = read.ok ? nestingIssue(read.input.file, read.data) : read.issue;
    if (!read.ok || rejection !== null) {
      if (rejection !== null) issues.push(rejection);
      inputs.push({ ...read.input, kind: "rejected", records: 0 });
      skipped.push(...skippedInFile(read.input.file, null, null, issues));
      continue;
    }
    const { file } = read.input;
    // Redact before validating, so no message about an invalid value can quote a secret.
    const redacted = redactSecrets(read.data, file, "", policy);
    redactions.push(...redacted.redactions);
    const validated = validateFile(file, redacted.value);
    issues.push(...validated.issues);
    const result = validated.value;
    skipped.push(...skippedInFile(file, redacted.value, result, validated.issues));
    if (result.kind === "releases") {
      for (const { path, item, raw } of result.releases) {
        const record = spill.add(raw);
        releases.push({ key: item.versionInfo.id.toLowerCase(), file, path, item: toRelease(item, record, file), raw: record });
      }
      inputs.push({ ...read.input, kind: "releases", records: result.releases.length });
    } else if (result.kind === "artifacts") {
      for (const { path, item, raw } of result.artifacts) {
        const record = spill.add(raw);
        artifacts.push({ key: artifactKey(item), file, path, item: toArtifactTrace(item, record, file), raw: record });
      }
      inputs.push({ ...read.input, kind: "artifacts", records: result.artifacts.length });
    } else {
      inputs.push({ ...read.input, kind: "rejected", records: 0 });
    }
  }

  const mergedReleases = mergeByKey(releases, "release");
  const mergedArtifacts = mergeByKey(artifacts, "artifact trace for");
  issues.push(...mergedReleases.issues, ...mergedArtifacts.issues);
  skipped.push(...skippedDuplicates(mergedReleases.issues, "release"), ...skippedDuplicates(mergedArtifacts.issues, "artifact trace"));

  const snapshot = link(
    mergedReleases.value.map((record) => record.item),
    new Map(mergedArtifacts.value.map((record) => [record.key, record.item])),
  );
  const sorted = sortIssues(issues);
  return {
    snapshot,
    inputs,
    issues: sorted,
    // Files are read in sorted order and each is walked in document order, so these lists are already stable.
    redactions,
    skipped: [...skipped].sort((a, b) => byCodePoint(a.file, b.file)),
    redactKeyPattern: policy.keyPatternSource,
    ok: !hasErrors(sorted),
  };
}
