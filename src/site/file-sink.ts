import path from "node:path";
import { Worker } from "node:worker_threads";
import type { FileDigest } from "../audit/digest.js";
import type { FileWriter, WriteTotals } from "./ordered-writer.js";
import { PACKAGE_ROOT } from "./package-root.js";

/**
 * The build's files are encoded, hashed for SHA256SUMS and written by a second thread (file-sink-worker.ts), so
 * the build's own thread only makes them. At 10,000 releases that takes ~8 GB of encoding, hashing and fs calls
 * (about 30 s of the main thread's time in a --cpu-prof profile, and a promise per call) onto the runner's
 * second core. Writes reach the disk in the order they were made; `write` waits while `queueLimit` is queued.
 */
export interface FileSink extends FileWriter {
  /** Waits for every write; returns the totals and each file's digest as written, by path. Throws the first failure. */
  finish(): Promise<WriteTotals & { readonly digests: ReadonlyMap<string, FileDigest> }>;
  /** After a failure: refuses further writes and resolves once none is in flight, so the root can be removed. */
  abort(): Promise<void>;
}

export interface FileSinkOptions {
  /** Called with how many more files are complete on disk (progress). */
  readonly onWritten?: (files: number) => void;
  /** How much may wait for the writer thread (string length or byte length) before `write` waits. Default 8 Mi. */
  readonly queueLimit?: number;
}

/** One write as the sink's thread receives it (`FileWriter.write`'s arguments). */
export interface SinkWrite {
  readonly file: string;
  readonly data: string | Uint8Array;
  readonly append: boolean;
  readonly last: boolean;
}

export type ToSink = { readonly kind: "write"; readonly writes: readonly SinkWrite[] } | { readonly kind: "finish" } | { readonly kind: "abort" };

export type FromSink =
  /** `size` more of the queue was taken by the writer; `files` more files are complete. */
  | { readonly kind: "progress"; readonly size: number; readonly files: number }
  | { readonly kind: "finished"; readonly totals: WriteTotals; readonly digests: Map<string, FileDigest> }
  /** Nothing after the failed write was written. */
  | { readonly kind: "failed"; readonly error: SinkError }
  | { readonly kind: "stopped" };

/** An fs error as it crosses threads (structured clone would drop `code`, `path` and `syscall`). */
export interface SinkError {
  readonly message: string;
  readonly stack: string | undefined;
  readonly code: unknown;
  readonly path: unknown;
  readonly syscall: unknown;
}

/** What a write costs in the queue: cheap to compute on both sides. */
export function queuedSize(data: string | Uint8Array): number {
  return typeof data === "string" ? data.length : data.byteLength;
}

/** The writer thread's young generation: what it receives dies as soon as it is written, so a small one will do. */
const SINK_YOUNG_GENERATION_MB = 16;

/** Writes go out in batches of about this size (one message per file would cost more than the write). */
const BATCH_SIZE = 1 << 20;
const BATCH_WRITES = 256;

export function startFileSink(root: string, options: FileSinkOptions = {}): FileSink {
  const { onWritten, queueLimit = 8 << 20 } = options;
  const worker = new Worker(path.join(PACKAGE_ROOT, "dist", "site", "file-sink-worker.js"), { workerData: { root }, resourceLimits: { maxYoungGenerationSizeMb: SINK_YOUNG_GENERATION_MB } });
  let batch: SinkWrite[] = [];
  let batchSize = 0;
  // Posted or batched, and not yet taken by the other thread's writer.
  let queued = 0;
  let failure: Error | null = null;
  let result: { totals: WriteTotals; digests: ReadonlyMap<string, FileDigest> } | null = null;
  // True once the other thread has nothing in flight: it finished, failed, stopped or exited.
  let idle = false;
  let exited = false;
  let waiters: (() => void)[] = [];
  const changed = () => new Promise<void>((resolve) => waiters.push(resolve));
  const notify = () => {
    const woken = waiters;
    waiters = [];
    for (const wake of woken) wake();
  };
  worker.on("message", (message: FromSink) => {
    if (message.kind === "progress") {
      queued -= message.size;
      if (message.files > 0) onWritten?.(message.files);
    } else if (message.kind === "finished") {
      result = message;
      idle = true;
    } else {
      if (message.kind === "failed") failure ??= revive(message.error);
      idle = true;
    }
    notify();
  });
  worker.on("error", (error) => {
    failure ??= error;
    notify();
  });
  worker.on("exit", (code) => {
    if (result === null) failure ??= new Error(`the file writer's thread stopped (exit code ${code}) before it finished`);
    exited = true;
    idle = true;
    notify();
  });
  const post = (message: ToSink) => worker.postMessage(message);
  const send = () => {
    if (batch.length === 0) return;
    post({ kind: "write", writes: batch });
    batch = [];
    batchSize = 0;
  };
  const stop = async () => {
    if (!exited) await worker.terminate();
  };
  const abort = async () => {
    // Any write still coming is refused from now on.
    failure ??= new Error("the file writer was stopped after a failure");
    notify();
    if (!idle) post({ kind: "abort" });
    while (!idle) await changed();
    await stop();
  };
  return {
    async write(file, data, append, last) {
      if (failure !== null) throw failure;
      const size = queuedSize(data);
      batch.push({ file, data, append, last });
      batchSize += size;
      queued += size;
      if (batchSize >= BATCH_SIZE || batch.length >= BATCH_WRITES) send();
      while (queued > queueLimit && failure === null) {
        send();
        await changed();
      }
      if (failure !== null) throw failure;
    },
    async finish() {
      if (failure === null) {
        send();
        post({ kind: "finish" });
      }
      while (result === null && failure === null) await changed();
      if (result === null) {
        await abort();
        throw failure;
      }
      await stop();
      return { ...result.totals, digests: result.digests };
    },
    abort,
  };
}

function revive(error: SinkError): Error {
  const revived = Object.assign(new Error(error.message), { code: error.code, path: error.path, syscall: error.syscall });
  if (error.stack !== undefined) revived.stack = error.stack;
  return revived;
}
