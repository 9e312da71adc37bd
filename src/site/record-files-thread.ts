import path from "node:path";
import { Worker } from "node:worker_threads";
import type { FileDigest } from "../audit/digest.js";
import type { FileLedger } from "../audit/file-ledger.js";
import type { RecordSource, Snapshot } from "../model/types.js";
import { isRecordBody } from "./mirror.js";
import { PACKAGE_ROOT } from "./package-root.js";
import { isReleaseBody } from "./release-files.js";
import type { JsonRoute } from "./routes.js";

/** What the worker is given: plain data, each record as a source it reads itself (src/importer/record-spill.ts). */
export interface RecordFilesJob {
  readonly root: string;
  /** Every release, newest first, with its record: for the per-release files and the release lists. */
  readonly releases: readonly { readonly id: string; readonly source: RecordSource }[];
  /** The per-release files' and the release lists' routes. */
  readonly releaseRoutes: readonly JsonRoute[];
  /** Each artifact trace's file and record. */
  readonly traces: readonly { readonly file: string; readonly source: RecordSource }[];
}

/** What the worker posts: files finished (in batches), then what it wrote and each file's digest. */
export type RecordFilesMessage =
  | { readonly kind: "written"; readonly count: number }
  | { readonly kind: "done"; readonly files: number; readonly bytes: number; readonly digests: readonly [string, FileDigest][] };

export interface RecordFilesRun {
  /** Resolves once every file is on disk and in the ledger; rejects with the worker's failure. */
  readonly done: Promise<{ files: number; bytes: number }>;
  /** Asks the worker to stop and resolves once it has stopped (no write of it still in flight). */
  stop(): Promise<void>;
}

export interface RecordFilesOptions {
  /** Called as files are finished, with how many (the worker reports them in batches). */
  readonly onWritten?: (count: number) => void;
  /** Takes each file's digest and size (for SHA256SUMS) when the worker is done. */
  readonly ledger?: FileLedger;
}

/**
 * The worker's young generation, in MB. Its short-lived data is each record's text on the way to disk, dead at the
 * next scavenge; Node's default (48 MB) only made its heap ~30 MB larger at 10,000 releases, at the build's peak.
 */
const YOUNG_GENERATION_MB = 8;

/** The compiled worker: the same file whether this module runs from dist/ or from src/ under the tests (pretest builds dist/). */
const WORKER_SCRIPT = path.join(PACKAGE_ROOT, "dist", "site", "record-files-worker.js");

/**
 * Writes the mirror's files that are exported records as they are (`isRecordBody`: the per-release files, the
 * release lists, the artifact traces; 64% of a large site's bytes) in a worker thread, while this thread
 * renders the pages. The records are not copied: the worker reads them from the import's scratch file, which this
 * thread keeps open (the snapshot holds it) until `done` settles.
 */
export function startRecordFiles(root: string, snapshot: Pick<Snapshot, "releases" | "imagesByRef">, routes: readonly JsonRoute[], options: RecordFilesOptions = {}): RecordFilesRun {
  const worker = new Worker(WORKER_SCRIPT, { workerData: recordFilesJob(root, snapshot, routes), resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  const done = new Promise<{ files: number; bytes: number }>((resolve, reject) => {
    let result: { files: number; bytes: number } | null = null;
    worker.on("message", (message: RecordFilesMessage) => {
      if (message.kind === "written") {
        options.onWritten?.(message.count);
        return;
      }
      for (const [file, digest] of message.digests) options.ledger?.record(file, digest);
      result = { files: message.files, bytes: message.bytes };
    });
    worker.on("error", reject);
    worker.on("exit", (code) => {
      if (result === null) reject(new Error(`the record files' worker thread stopped (exit code ${code}) before it was done`));
      else resolve(result);
    });
  });
  // A failure is the caller's when it awaits `done` (after its own pass); until then it must not count as an
  // unhandled rejection, which would end the process before the staging folder is removed.
  done.catch(() => {});
  return {
    done,
    async stop() {
      worker.postMessage("stop");
      await exited;
    },
  };
}

function recordFilesJob(root: string, snapshot: Pick<Snapshot, "releases" | "imagesByRef">, routes: readonly JsonRoute[]): RecordFilesJob {
  const traces: { file: string; source: RecordSource }[] = [];
  for (const route of routes) {
    if (route.body.kind !== "artifact") continue;
    // As mirrorFiles writes it: "null" for a route to an image without a trace (the route table makes none).
    const source = snapshot.imagesByRef.get(route.body.reference)?.trace?.raw.source() ?? { kind: "text", text: "null" };
    traces.push({ file: route.file, source });
  }
  return {
    root,
    releases: snapshot.releases.map((release) => ({ id: release.id, source: release.raw.source() })),
    releaseRoutes: routes.filter((route) => isReleaseBody(route.body)),
    traces,
  };
}

/** How many files the worker writes for these routes: what the progress display counts. */
export function recordFileCount(routes: readonly JsonRoute[]): number {
  return routes.filter((route) => isRecordBody(route.body)).length;
}
