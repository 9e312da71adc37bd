import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { FileLedger } from "../audit/file-ledger.js";

export interface OutputFile {
  readonly file: string;
  readonly body: () => string | Uint8Array;
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

export interface WriteFilesOptions {
  /** Files written at once. Default 32. */
  readonly concurrency?: number;
  /** Called after each file (progress). */
  readonly onWritten?: () => void;
  /** Records each file's digest and size as it is written (for SHA256SUMS). */
  readonly ledger?: FileLedger;
}

/**
 * Writes files under `root` with bounded concurrency, taking them from `files` as writers free up: bodies are
 * made when written, so at most `concurrency` of them are in memory. Returns the bytes written.
 */
export async function writeFiles(root: string, files: Iterable<OutputFile>, options: WriteFilesOptions = {}): Promise<number> {
  const { concurrency = 32, onWritten, ledger } = options;
  const ensureFolder = folderMaker();
  const queue = files[Symbol.iterator]();
  let bytes = 0;
  let failed = false;
  // Takes the next file and makes its bytes, synchronously: the file (and the page view it renders) is garbage
  // before the writer awaits, so it dies young instead of being promoted while the write is in flight.
  const take = (): { file: string; folder: string; target: string; data: Uint8Array } | null => {
    const next = queue.next();
    if (next.done === true) return null;
    const target = path.join(root, next.value.file);
    const body = next.value.body();
    return { file: next.value.file, folder: path.dirname(target), target, data: typeof body === "string" ? Buffer.from(body) : body };
  };
  const worker = async () => {
    try {
      // After a failure the other writers stop too, so nothing is written into a folder being removed.
      for (let job = failed ? null : take(); job !== null; job = failed ? null : take()) {
        await ensureFolder(job.folder);
        await writeFile(job.target, job.data);
        ledger?.add(job.file, job.data);
        bytes += job.data.byteLength;
        onWritten?.();
      }
    } catch (cause) {
      failed = true;
      throw cause;
    }
  };
  // Wait for every writer to stop before reporting a failure: the caller may remove `root` next.
  const settled = await Promise.allSettled(Array.from({ length: Math.max(1, concurrency) }, worker));
  const failure = settled.find((result) => result.status === "rejected");
  if (failure !== undefined) throw failure.reason;
  return bytes;
}
