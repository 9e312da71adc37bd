import { appendFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

/** What a writer wrote: whole files (a file written in parts counts once, at its last part) and bytes. */
export interface WriteTotals {
  readonly files: number;
  readonly bytes: number;
}

/** Where the build's files go: written here (`orderedWriter`) or by another thread (`startFileSink`). */
export interface FileWriter {
  /**
   * Queues a write of `data` (a string is written as UTF-8) to `file`, relative to the root. `append` adds to what
   * earlier calls wrote to it; `last` says the file is complete. Resolves when there is room for another write;
   * rejects once any write has failed.
   */
  write(file: string, data: string | Uint8Array, append: boolean, last: boolean): Promise<void>;
  /** Waits for every queued write to end; throws the first failure. */
  finish(): Promise<WriteTotals>;
}

/**
 * Writes and appends to files under a root from this thread, with at most `limit` writes in flight; writes to one
 * file keep their order. The bench's floor writes with it; the build writes through `startFileSink`.
 */
export function orderedWriter(root: string, limit = 32): FileWriter {
  const ensureFolder = folderMaker();
  // The last write queued to each file still being written in parts: the next part waits for it.
  const tails = new Map<string, Promise<void>>();
  // Each settles when its write ends, and never rejects: a failure is kept in `failure`.
  const inFlight = new Set<Promise<void>>();
  let failure: { cause: unknown } | null = null;
  let files = 0;
  let bytes = 0;
  return {
    async write(file, data, append, last) {
      while (inFlight.size >= limit && failure === null) await Promise.race(inFlight);
      if (failure !== null) throw failure.cause;
      const content = typeof data === "string" ? Buffer.from(data) : data;
      const target = path.join(root, file);
      const before = tails.get(file) ?? ensureFolder(path.dirname(target));
      const done = before.then(() => (append ? appendFile(target, content) : writeFile(target, content)));
      if (last) tails.delete(file);
      else tails.set(file, done);
      const settled: Promise<void> = done.then(
        () => {
          inFlight.delete(settled);
          bytes += content.byteLength;
          if (last) files++;
        },
        (cause: unknown) => {
          inFlight.delete(settled);
          failure ??= { cause };
        },
      );
      inFlight.add(settled);
    },
    async finish() {
      while (inFlight.size > 0) await Promise.race(inFlight);
      if (failure !== null) throw failure.cause;
      return { files, bytes };
    },
  };
}

/**
 * Creates folders under a root, each once: the mkdir promise is memoised per folder, so concurrent writers never
 * race on a shared parent.
 */
export function folderMaker(): (folder: string) => Promise<unknown> {
  const folders = new Map<string, Promise<unknown>>();
  return (folder) => {
    let made = folders.get(folder);
    if (made === undefined) {
      made = mkdir(folder, { recursive: true });
      folders.set(folder, made);
    }
    return made;
  };
}
