import path from "node:path";
import { Worker } from "node:worker_threads";
import { PACKAGE_ROOT } from "../site/package-root.js";
import type { WrittenFile } from "../site/write-files.js";
import type { Release } from "../model/types.js";
import type { ReleaseView } from "../site/views.js";
import type { ReportContent } from "./release-report.js";

/** One release's two reports, for the worker to render and write under `root`. */
export interface ReportJob {
  readonly root: string;
  readonly html: string;
  readonly md: string;
  /** What they are rendered from, with only the release's own images' digests. */
  readonly content: Omit<ReportContent, "view"> & { readonly view: PortableReleaseView };
}

/** A report-mode view as it crosses threads: its release without the raw record (functions do not cross; reports do not show it). */
export type PortableReleaseView = Omit<ReleaseView, "release"> & { readonly release: Omit<Release, "raw"> };

/** What the worker posts: a report over its budget (as soon as it is rendered, so warnings keep the release order), a job written, or a job failed. */
export type ReportMessage =
  | { readonly kind: "warning"; readonly line: string }
  | { readonly kind: "written"; readonly id: number; readonly files: readonly WrittenFile[] }
  | { readonly kind: "failed"; readonly id: number; readonly message: string };

export interface ReportThread {
  /** Renders and writes one release's reports; resolves with the two files once both are on disk. */
  write(job: ReportJob): Promise<readonly WrittenFile[]>;
  /** Ends the thread. Call it once no `write` is pending (the writers have settled). */
  close(): Promise<void>;
}

/** The compiled worker, as for the record files' thread (src/site/record-files-thread.ts). */
const WORKER_SCRIPT = path.join(PACKAGE_ROOT, "dist", "report", "report-worker.js");

/** Its short-lived data is each view and its two rendered texts: a small young generation keeps its heap small. */
const YOUNG_GENERATION_MB = 8;

/**
 * Renders the release reports in a worker thread (15 s of CPU at 10,000 releases, work the floor does not do), so
 * the build's thread only makes each report's view, which it shares with the release page, and hands it over.
 * Every write is answered, so the caller's writers bound how many views are in flight. The thread starts with the
 * first write: until then there is nothing to stop, and a build without releases never starts it.
 */
export function startReportThread(warn: (line: string) => void): ReportThread {
  const pending = new Map<number, { resolve: (files: readonly WrittenFile[]) => void; reject: (cause: Error) => void }>();
  let nextId = 0;
  let ended: Error | null = null;
  let worker: Worker | null = null;
  const failAll = (cause: Error) => {
    ended ??= cause;
    for (const job of pending.values()) job.reject(ended);
    pending.clear();
  };
  const started = (): Worker => {
    if (worker !== null) return worker;
    const thread = new Worker(WORKER_SCRIPT, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    thread.on("message", (message: ReportMessage) => {
      if (message.kind === "warning") return warn(message.line);
      const job = pending.get(message.id);
      pending.delete(message.id);
      if (message.kind === "written") job?.resolve(message.files);
      else job?.reject(new Error(message.message));
    });
    thread.on("error", failAll);
    thread.on("exit", (code) => failAll(new Error(`the reports' worker thread stopped (exit code ${code})`)));
    worker = thread;
    return thread;
  };
  return {
    write(job) {
      if (ended !== null) return Promise.reject(ended);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        started().postMessage({ id, job });
      });
    },
    async close() {
      ended ??= new Error("the reports' worker thread was closed");
      await worker?.terminate();
    },
  };
}
