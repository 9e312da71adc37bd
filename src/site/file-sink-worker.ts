import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { FileLedger } from "../audit/file-ledger.js";
import { queuedSize, type FromSink, type SinkError, type SinkWrite, type ToSink } from "./file-sink.js";

/**
 * The file sink's thread (see file-sink.ts): writes what it is sent, in the order sent, hashing each file as it
 * goes. The calls are synchronous: this thread has nothing else to do, and a plain syscall costs far less CPU
 * than a round trip through libuv's pool and a promise per call (on a 2-core runner the kernel's share of
 * writing 8 GB competes with the build for the same cores).
 */
const port = parentPort;
if (port === null) throw new Error("src/site/file-sink-worker.ts runs only as a worker thread");
const post = (message: FromSink) => port.postMessage(message);
const { root } = workerData as { root: string };

const ledger = new FileLedger();
const folders = new Set<string>();
let files = 0;
let bytes = 0;
let done = false;

port.on("message", (message: ToSink) => {
  if (done) return;
  if (message.kind === "write") {
    let size = 0;
    const before = files;
    try {
      for (const write of message.writes) {
        writeOne(write);
        size += queuedSize(write.data);
      }
    } catch (caught) {
      done = true;
      post({ kind: "failed", error: sinkError(caught) });
      return;
    }
    post({ kind: "progress", size, files: files - before });
  } else {
    done = true;
    post(message.kind === "finish" ? { kind: "finished", totals: { files, bytes }, digests: new Map(ledger.digests()) } : { kind: "stopped" });
  }
});

function writeOne({ file, data, append, last }: SinkWrite): void {
  const content = typeof data === "string" ? Buffer.from(data) : data;
  ledger.record(file, content, append, last);
  const target = path.join(root, file);
  const folder = path.dirname(target);
  if (!folders.has(folder)) {
    mkdirSync(folder, { recursive: true });
    folders.add(folder);
  }
  if (append) appendFileSync(target, content);
  else writeFileSync(target, content);
  bytes += content.byteLength;
  if (last) files++;
}

function sinkError(caught: unknown): SinkError {
  const error = caught instanceof Error ? caught : new Error(String(caught));
  return { message: error.message, stack: error.stack, code: Reflect.get(error, "code"), path: Reflect.get(error, "path"), syscall: Reflect.get(error, "syscall") };
}
