import { parentPort, workerData } from "node:worker_threads";
import { mapAhead } from "../util/map-ahead.js";
import { importFile } from "./import-file.js";
import { portableFailure, withRawRecords, type ImportJob, type ImportMessage } from "./import-thread.js";
import { readInput } from "./read.js";
import type { RecordSource } from "../model/types.js";
import { RecordSpill, type SpilledSource } from "./record-spill.js";
import { redactionPolicy } from "./redact-secrets.js";

/** The import's worker thread (see import-thread.ts): imports its files in order and posts each outcome. */
const port = parentPort;
if (port === null) throw new Error("src/importer/import-worker.ts runs only as a worker thread");
const post = (message: ImportMessage) => port.postMessage(message);
const job = workerData as ImportJob;

try {
  const policy = redactionPolicy(job.redactKeyPattern);
  const spill = RecordSpill.writingInto(job.spill);
  const reads = mapAhead(job.files, 8, async (file) => {
    const read = await readInput(job.inputDir, file);
    post({ kind: "read" });
    return read;
  });
  for await (const read of reads) post({ kind: "file", outcome: withRawRecords(importFile(read, policy, spill), (raw) => spilled(raw.source())) });
  post({ kind: "done" });
} catch (cause) {
  post({ kind: "failed", failure: portableFailure(cause) });
}

/** Each record by its byte range in the spill, not by its accessor (functions do not cross threads). */
function spilled(source: RecordSource): SpilledSource {
  if (source.kind !== "spill") throw new Error("the import's worker stores every record in the spill");
  return source;
}
