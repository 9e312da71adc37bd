import path from "node:path";
import type { FileLedger } from "../audit/file-ledger.js";
import { folderMaker } from "./write-files.js";
import { writeParts } from "./write-parts.js";

/**
 * Writes and appends to files under a root with at most `limit` writes in flight; writes to one file keep their
 * order. With a ledger, each file's digest is fed in that same order.
 */
export interface OrderedWriter {
  /** Queues a write of `parts`, in order (`append` adds to what earlier calls wrote); resolves when there is room for another. */
  write(file: string, parts: readonly Uint8Array[], append: boolean): Promise<void>;
  /** Waits for every queued write; throws the first failure. */
  finish(): Promise<void>;
}

export function orderedWriter(root: string, limit = 16, ledger?: FileLedger): OrderedWriter {
  const ensureFolder = folderMaker();
  const tails = new Map<string, Promise<void>>();
  const inFlight = new Set<Promise<void>>();
  const all: Promise<void>[] = [];
  return {
    async write(file, parts, append) {
      while (inFlight.size >= limit) await Promise.race(inFlight);
      parts.forEach((part, index) => (append || index > 0 ? ledger?.append(file, part) : ledger?.start(file, part)));
      const target = path.join(root, file);
      const before = tails.get(file) ?? ensureFolder(path.dirname(target));
      const done = before.then(() => writeParts(target, parts, append));
      tails.set(file, done);
      const settled = done.then(
        () => {
          inFlight.delete(settled);
          if (tails.get(file) === done) tails.delete(file);
        },
        (cause: unknown) => {
          inFlight.delete(settled);
          throw cause;
        },
      );
      // The failure is reported by `race` above or by `finish`; this keeps it from also being "unhandled".
      settled.catch(() => {});
      inFlight.add(settled);
      all.push(settled);
    },
    async finish() {
      const results = await Promise.allSettled(all);
      const failure = results.find((result) => result.status === "rejected");
      if (failure !== undefined) throw failure.reason;
    },
  };
}
