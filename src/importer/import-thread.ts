import path from "node:path";
import { Worker } from "node:worker_threads";
import type { ArtifactTrace, Release } from "../model/types.js";
import { UserError } from "../cli/errors.js";
import { PACKAGE_ROOT } from "../site/package-root.js";
import type { FileOutcome } from "./import-file.js";
import type { Located } from "./merge.js";
import type { RecordSpill, SpillDescriptor, SpilledSource } from "./record-spill.js";

/** What the worker is given: the files to import, the redaction pattern, and the spill file its records go to. */
export interface ImportJob {
  readonly inputDir: string;
  readonly files: readonly string[];
  readonly redactKeyPattern: string;
  readonly spill: SpillDescriptor;
}

/** A file's outcome with each record's raw record as `R`: FileOutcome is `OutcomeWith<RawRecord>`. */
export interface OutcomeWith<R> extends Omit<FileOutcome, "releases" | "artifacts"> {
  readonly releases: readonly LocatedWith<Release, R>[];
  readonly artifacts: readonly LocatedWith<ArtifactTrace, R>[];
}

interface LocatedWith<T extends { readonly raw: unknown }, R> extends Omit<Located<T>, "item" | "raw"> {
  /** The model with its raw record in the same place (key order kept). */
  readonly item: Omit<T, "raw"> & { readonly raw: R };
  readonly raw: R;
}

/** A file's outcome as it crosses threads: each record's raw record as its byte range in the spill (functions do not cross). */
export type PortableOutcome = OutcomeWith<SpilledSource>;

/** The outcome with every raw record converted, on the record and on its model alike. */
export function withRawRecords<R, S>(outcome: OutcomeWith<R>, convert: (raw: R) => S): OutcomeWith<S> {
  const converted = <T extends { readonly raw: unknown }>(record: LocatedWith<T, R>): LocatedWith<T, S> => {
    const raw = convert(record.raw);
    return { ...record, item: { ...record.item, raw }, raw };
  };
  return { ...outcome, releases: outcome.releases.map(converted), artifacts: outcome.artifacts.map(converted) };
}

/** What the worker posts: a file read (progress), a file's outcome, the end, or the error that stopped it. */
export type ImportMessage =
  | { readonly kind: "read" }
  | { readonly kind: "file"; readonly outcome: PortableOutcome }
  | { readonly kind: "done" }
  | { readonly kind: "failed"; readonly failure: PortableFailure };

/** The compiled worker, as for the build's other threads (src/site/record-files-thread.ts). */
const WORKER_SCRIPT = path.join(PACKAGE_ROOT, "dist", "importer", "import-worker.js");

/**
 * Imports some of the input files in a worker thread while the calling thread imports the others: each file's
 * work (parse, redact, validate, normalize, store each record) needs nothing from the other files. The worker
 * stores its records in `spill`'s file, which this thread keeps open; its outcomes come back in `files`' order.
 */
export function importInThread(job: Omit<ImportJob, "spill">, spill: RecordSpill, onRead: () => void): ImportRun {
  const worker = new Worker(WORKER_SCRIPT, { workerData: { ...job, spill: spill.descriptor() } satisfies ImportJob });
  const outcomes = new Promise<FileOutcome[]>((resolve, reject) => {
    const received: FileOutcome[] = [];
    let failure: Error | null = null;
    let done = false;
    worker.on("message", (message: ImportMessage) => {
      if (message.kind === "read") onRead();
      else if (message.kind === "file") received.push(withRawRecords(message.outcome, (source) => spill.adopt(source)));
      else if (message.kind === "done") done = true;
      else failure = fromPortable(message.failure);
    });
    worker.on("error", (error) => (failure ??= error));
    worker.on("exit", (code) => {
      if (failure !== null) reject(failure);
      else if (!done) reject(new Error(`the import's worker thread stopped (exit code ${code}) before it was done`));
      else resolve(received);
    });
  });
  // A failure is the caller's when it awaits `outcomes` (after its own files); until then it is not unhandled.
  outcomes.catch(() => {});
  return {
    outcomes,
    async stop() {
      await worker.terminate();
    },
  };
}

export interface ImportRun {
  /** The worker's outcomes, in its files' order, once it is done; rejects with the error that stopped it. */
  readonly outcomes: Promise<FileOutcome[]>;
  /** Ends the worker (when the calling thread failed on its own files). */
  stop(): Promise<void>;
}

/** A failure as the worker posts it: its message, and its exit code when it is the user's to fix (a UserError). */
export interface PortableFailure {
  readonly message: string;
  readonly stack: string;
  readonly exitCode: number | null;
}

export function portableFailure(cause: unknown): PortableFailure {
  const error = cause instanceof Error ? cause : new Error(String(cause));
  return { message: error.message, stack: error.stack ?? error.message, exitCode: error instanceof UserError ? error.exitCode : null };
}

function fromPortable(failure: PortableFailure): Error {
  if (failure.exitCode !== null) return new UserError(failure.message, { exitCode: failure.exitCode });
  const error = new Error(failure.message);
  error.stack = failure.stack;
  return error;
}
