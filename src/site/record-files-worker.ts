import { parentPort, workerData } from "node:worker_threads";
import { FileLedger } from "../audit/file-ledger.js";
import { recordFrom } from "../importer/record-spill.js";
import type { RecordFilesJob, RecordFilesMessage } from "./record-files-thread.js";
import { faultPoint } from "./fault-injection.js";
import { writeReleaseFiles } from "./release-files.js";
import { writeFiles, type OutputFile } from "./write-files.js";

/** The record files' worker thread (see record-files-thread.ts): writes them and reports back. */
const port = parentPort;
if (port === null) throw new Error("src/site/record-files-worker.ts runs only as a worker thread");
const post = (message: RecordFilesMessage) => port.postMessage(message);
const job = workerData as RecordFilesJob;

// Any message is "stop": the build failed elsewhere and is about to remove the folder this writes into.
const stop = new AbortController();
port.on("message", () => stop.abort(new Error("the record files were stopped: the build failed elsewhere")));
// The message listener alone must not keep the worker alive once the files are written.
port.unref();

const BATCH = 64;
let written = 0;
const onWritten = () => {
  if (++written < BATCH) return;
  post({ kind: "written", count: written });
  written = 0;
};
const ledger = new FileLedger();
const releases = job.releases.map((release) => ({ id: release.id, raw: recordFrom(release.source) }));
const lists = await writeReleaseFiles(job.root, releases, job.releaseRoutes, { ledger, signal: stop.signal, onWritten });
const traceBytes = await writeFiles(job.root, traceFiles(job.traces, stop.signal), { ledger, onWritten, concurrency: 16 });
if (written > 0) post({ kind: "written", count: written });
await faultPoint("records");
post({ kind: "done", files: lists.files + job.traces.length, bytes: lists.bytes + traceBytes, digests: ledger.entries() });

/** Each artifact trace as mirrorFiles writes it; checks for a stop before each (the writers stop at the first throw). */
function* traceFiles(traces: RecordFilesJob["traces"], signal: AbortSignal): Generator<OutputFile> {
  for (const trace of traces) {
    signal.throwIfAborted();
    yield { file: trace.file, body: () => `${recordFrom(trace.source).json()}\n` };
  }
}
