import v8 from "node:v8";
import { Worker } from "node:worker_threads";
import { UserError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { ProgressDisplay } from "../progress.js";
import type { WorkerMessage } from "./messages.js";
import type { BuildRequest } from "./run-build.js";

/**
 * V8's young generation for the build, in MB (three semi-spaces of 64 MB). With the default (16 MB semi-spaces)
 * a 10,000-release build promoted so much short-lived page data that it ran 3,000 scavenges and 55 full
 * collections over ~850 MB of live data; with 64 MB it built in 118 s instead of ~135 s, at 1,372 MB peak RSS.
 * A running process cannot change it, so the build runs in a worker thread created with it. The old generation
 * keeps Node's default limit.
 */
export const YOUNG_GENERATION_MB = 192;

/**
 * V8 flags for the build, set before its worker starts (they hold for the whole process). Allocation-site
 * pretenuring off: at 10,000 releases, about every other build had V8 decide that objects from some page-rendering
 * site outlive a scavenge and allocate them straight into the old generation; 3.5–6 MB of garbage then reached the
 * old generation per scavenge instead of 1.1–1.35 MB, and the GC pacer ran 28–31 full collections of the ~700 MB
 * model instead of 10–15 (--trace-gc). Pretenuring pays off for long-lived data; the build's long-lived data is
 * made once, by the import.
 */
export const BUILD_V8_FLAGS = ["--no-allocation-site-pretenuring"] as const;

/**
 * Runs the build in a worker thread and relays what it prints and its progress. Resolves with the exit code;
 * rejects with a UserError as the build threw it, or with the worker's own error (a bug) and its stack.
 */
export function runBuildInWorker(request: BuildRequest, logger: Logger, progress: ProgressDisplay): Promise<number> {
  for (const flag of BUILD_V8_FLAGS) v8.setFlagsFromString(flag);
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./worker.js", import.meta.url), { workerData: request, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    let outcome: { exitCode: number } | { error: unknown } | null = null;
    worker.on("message", (message: WorkerMessage) => {
      if (message.kind === "out" || message.kind === "err") logger[message.kind](message.line);
      else if (message.kind === "stage") progress.stage(message.name, message.total);
      else if (message.kind === "advance") progress.advance(message.count);
      else if (message.kind === "end-progress") progress.end();
      else if (message.kind === "done") outcome = { exitCode: message.exitCode };
      else if (message.kind === "user-error") outcome = { error: new UserError(message.message, { exitCode: message.exitCode }) };
    });
    worker.on("error", (error) => (outcome = { error }));
    worker.on("exit", (code) => {
      if (outcome === null) reject(new Error(`the build's worker thread stopped (exit code ${code}) without a result`));
      else if ("error" in outcome) reject(outcome.error);
      else resolve(outcome.exitCode);
    });
  });
}
