import { parentPort, workerData } from "node:worker_threads";
import { UserError } from "../errors.js";
import type { ProgressDisplay } from "../progress.js";
import type { WorkerMessage } from "./messages.js";
import { runBuild, type BuildRequest } from "./run-build.js";

/** The build's worker thread: runs `runBuild` and reports everything it would print as messages (see in-worker.ts). */
const port = parentPort;
if (port === null) throw new Error("src/cli/build/worker.ts runs only as a worker thread");
const post = (message: WorkerMessage) => port.postMessage(message);

// Steps are sent in batches: a 10,000-release build advances 116,000 times.
let pending = 0;
const flush = () => {
  if (pending > 0) post({ kind: "advance", count: pending });
  pending = 0;
};
const progress: ProgressDisplay = {
  stage(name, total) {
    flush();
    post({ kind: "stage", name, total });
  },
  advance(count = 1) {
    pending += count;
    if (pending >= 64) flush();
  },
  end() {
    flush();
    post({ kind: "end-progress" });
  },
};
const logger = { out: (line: string) => post({ kind: "out", line }), err: (line: string) => post({ kind: "err", line }) };

try {
  post({ kind: "done", exitCode: await runBuild(workerData as BuildRequest, logger, progress) });
} catch (caught) {
  // Anything else is a bug: it reaches the CLI thread as the worker's "error" event, stack and all.
  if (!(caught instanceof UserError)) throw caught;
  post({ kind: "user-error", message: caught.message, exitCode: caught.exitCode });
}
