import type { Snapshot } from "../model/types.js";
import { statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { byCodePoint } from "../model/compare.js";
import { discover } from "./discover.js";
import { importFile, type FileOutcome, type InputOutcome } from "./import-file.js";
import { importInThread } from "./import-thread.js";
import { hasErrors, sortIssues, type Issue } from "./issues.js";
import { link } from "./link.js";
import { mergeByKey } from "./merge.js";
import { readInput } from "./read.js";
import { RecordSpill } from "./record-spill.js";
import type { Redaction } from "./redact.js";
import { redactionPolicy } from "./redact-secrets.js";
import { skippedDuplicates, type SkippedRecord } from "./skipped.js";
import { mapAhead } from "../util/map-ahead.js";
import { gcPacer, withGcPacing } from "../util/gc-pacer.js";
import { NO_PROGRESS, type Progress } from "../util/progress.js";

export type { InputOutcome } from "./import-file.js";

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
  /**
   * Import every other file in a worker thread (src/importer/import-thread.ts). Default: when the files hold at
   * least THREAD_MIN_BYTES; tests set it to prove both ways give the same result.
   */
  readonly thread?: boolean;
}

/**
 * Below this many input bytes the import runs on one thread: starting the worker (~150 ms of module loading) costs
 * more than it saves. At 582 MB it saves ~3 s of 17.
 */
export const THREAD_MIN_BYTES = 32 * 1024 * 1024;

/**
 * discover → read → redact → validate → merge → normalize → link. Collects every issue from every file.
 * Files are processed in sorted path order whatever order discovery returns, so the result never depends on it.
 */
export async function importData(inputDir: string, options: ImportOptions = {}): Promise<ImportResult> {
  const policy = redactionPolicy(options.redactKeyPattern);
  const files = [...(await (options.discover ?? discover)(inputDir))].sort(byCodePoint);
  // Each record is written out as the mirror will serve it as soon as it is validated, so the parsed file is garbage
  // once its model is made.
  const spill = RecordSpill.open(options.scratchDir ?? tmpdir());

  // Checked after every file: release files are large (500 releases each).
  const progress = withGcPacing(options.progress ?? NO_PROGRESS, gcPacer(), 1);
  progress.stage("reading exports", files.length);
  // Every other file goes to the worker (sizes alternate, so the two halves weigh about the same).
  const threaded = options.thread ?? totalBytes(inputDir, files) >= THREAD_MIN_BYTES;
  const own = threaded ? files.filter((_, index) => index % 2 === 0) : files;
  const theirs = threaded
    ? importInThread({ inputDir, files: files.filter((_, index) => index % 2 === 1), redactKeyPattern: policy.keyPatternSource }, RecordSpill.open(options.scratchDir ?? tmpdir()), () => progress.advance())
    : null;
  const outcomes: FileOutcome[] = [];
  try {
    // Each file is processed while the next few load, rather than every file being read (and held) first.
    const reads = mapAhead(own, 8, async (file) => {
      const read = await readInput(inputDir, file);
      progress.advance();
      return read;
    });
    for await (const read of reads) outcomes.push(importFile(read, policy, spill));
  } catch (cause) {
    await theirs?.stop();
    throw cause;
  }
  const inOrder = theirs === null ? outcomes : interleave(outcomes, await theirs.outcomes);

  const releases = inOrder.flatMap((outcome) => outcome.releases);
  const artifacts = inOrder.flatMap((outcome) => outcome.artifacts);
  const issues: Issue[] = inOrder.flatMap((outcome) => outcome.issues);
  const skipped: SkippedRecord[] = inOrder.flatMap((outcome) => outcome.skipped);
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
    inputs: inOrder.map((outcome) => outcome.input),
    issues: sorted,
    // Files are read in sorted order and each is walked in document order, so these lists are already stable.
    redactions: inOrder.flatMap((outcome) => outcome.redactions),
    skipped: [...skipped].sort((a, b) => byCodePoint(a.file, b.file)),
    redactKeyPattern: policy.keyPatternSource,
    ok: !hasErrors(sorted),
  };
}

/** The two threads' outcomes back in file order: this thread's files are the even ones, the worker's the odd ones. */
function interleave(even: readonly FileOutcome[], odd: readonly FileOutcome[]): FileOutcome[] {
  return even.flatMap((outcome, index) => {
    const next = odd[index];
    return next === undefined ? [outcome] : [outcome, next];
  });
}

/** The input files' total size (a stat each: ~40 ms for 25,000 files). */
function totalBytes(inputDir: string, files: readonly string[]): number {
  return files.reduce((sum, file) => sum + statSync(path.join(inputDir, file)).size, 0);
}
