import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { FileDigest } from "../audit/digest.js";
import type { FileLedger } from "../audit/file-ledger.js";

/** A file this thread writes: `body` makes its bytes when a writer takes it. */
export interface OutputFile {
  readonly file: string;
  readonly body: () => string | Uint8Array;
}

/**
 * Files another thread writes (a release's reports): `handOff` gives them to it when a writer takes this entry,
 * and resolves once they are on disk. The writer waits for it like for its own write, which bounds the hand-overs
 * in flight.
 */
export interface HandedOffFiles {
  /** The first of them (what src/site/release-order.ts orders by). */
  readonly file: string;
  /** How many files `handOff` writes (what the progress display counts). */
  readonly count: number;
  readonly handOff: (root: string) => Promise<readonly WrittenFile[]>;
}

/** What `writeFiles` takes: a file to write here, or files handed off to another thread. */
export type OutputEntry = OutputFile | HandedOffFiles;

/** A file written elsewhere: its path under the root, SHA-256 and size. */
export interface WrittenFile {
  readonly file: string;
  readonly digest: FileDigest;
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
 * made when written, so at most `concurrency` of them are in memory. Files handed off to another thread count as
 * written once it says so. Returns the bytes written.
 */
export async function writeFiles(root: string, files: Iterable<OutputEntry>, options: WriteFilesOptions = {}): Promise<number> {
  const { concurrency = 32, onWritten, ledger } = options;
  const ensureFolder = folderMaker();
  const queue = files[Symbol.iterator]();
  let bytes = 0;
  let failed = false;
  // Takes the next file and makes its bytes, synchronously: the file (and the page view it renders) is garbage
  // before the writer awaits, so it dies young instead of being promoted while the write is in flight.
  const take = (): { file: string; folder: string; target: string; data: Uint8Array } | { handedOff: Promise<readonly WrittenFile[]> } | null => {
    const next = queue.next();
    if (next.done === true) return null;
    if ("handOff" in next.value) return { handedOff: next.value.handOff(root) };
    const target = path.join(root, next.value.file);
    const body = next.value.body();
    return { file: next.value.file, folder: path.dirname(target), target, data: typeof body === "string" ? Buffer.from(body) : body };
  };
  const worker = async () => {
    try {
      // After a failure the other writers stop too, so nothing is written into a folder being removed.
      for (let job = failed ? null : take(); job !== null; job = failed ? null : take()) {
        if ("handedOff" in job) {
          for (const written of await job.handedOff) {
            ledger?.record(written.file, written.digest);
            bytes += written.digest.size;
            onWritten?.();
          }
          continue;
        }
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
