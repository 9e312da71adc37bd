import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { UserError } from "../cli/errors.js";
import { rawRecordText } from "../model/raw-record.js";
import type { RawRecord, RecordSource } from "../model/types.js";

/**
 * Keeps the raw records (what the JSON mirror serves, one read each) in a scratch file instead of the V8 heap.
 * At 10,000 releases they were 156 MB of small objects that every full collection marked again, for the whole build.
 * Each record is stored as the mirror writes it (2-space JSON) and read back when asked for.
 * The file is unlinked as soon as it is open where the system allows it (Linux, macOS), so nothing is left
 * behind whatever happens to the process; its descriptor is closed once no record of it is reachable.
 */
export class RecordSpill {
  private size = 0;
  private readonly scratch = new Scratch();

  private constructor(
    private readonly fd: number,
    private readonly file: string,
  ) {}

  /** A new, empty spill in a fresh folder under `parent` (which must exist). */
  static open(parent: string): RecordSpill {
    let folder: string;
    let fd: number;
    try {
      folder = mkdtempSync(path.join(parent, ".zadig-snapshot-records-"));
      fd = openSync(path.join(folder, "records.json"), "w+");
    } catch (cause) {
      throw new UserError(`could not create a scratch file for the raw records in ${parent}: ${(cause as Error).message}. ${ROOM}`, { cause });
    }
    const spill = new RecordSpill(fd, path.join(folder, "records.json"));
    if (!tryRemove(folder)) removeAtExit(fd, folder);
    closeWhenUnreachable.register(spill, fd);
    return spill;
  }

  /**
   * A spill that appends to this one's open file from another thread (src/importer/import-thread.ts), which must be
   * the only writer: this spill keeps the file and reads back, with `adopt`, what that thread stored.
   */
  descriptor(): SpillDescriptor {
    return { fd: this.fd, file: this.file };
  }

  /** The writing end of a spill another thread opened and keeps open (see `descriptor`). */
  static writingInto({ fd, file }: SpillDescriptor): RecordSpill {
    return new RecordSpill(fd, file);
  }

  /** A record another thread stored in this spill's file (through `writingInto`), read back through this spill. */
  adopt(source: SpilledSource): RawRecord {
    if (source.fd !== this.fd) throw new Error(`a record of ${source.file} is not in the spill ${this.file}`);
    return { json: () => readSpilled(source, this.scratch), source: () => source };
  }

  /** Stores one record (a parsed JSON value) and returns it as a RawRecord that reads it back. */
  add(value: unknown): RawRecord {
    const text = rawRecordText(value);
    const length = Buffer.byteLength(text);
    const scratch = this.scratch.fit(length);
    scratch.write(text, 0, length, "utf8");
    const offset = this.size;
    for (let done = 0; done < length; ) {
      try {
        done += writeSync(this.fd, scratch, done, length - done, offset + done);
      } catch (cause) {
        throw new UserError(`could not write the raw records' scratch file ${this.file}: ${(cause as Error).message}. ${ROOM}`, { cause });
      }
    }
    this.size += length;
    const source: SpilledSource = { kind: "spill", fd: this.fd, file: this.file, offset, length };
    // `json` holds the spill (this), so the file stays open while any record of it is reachable.
    return { json: () => readSpilled(source, this.scratch), source: () => source };
  }
}

/**
 * A record another thread of this process handed over as its source: it reads the same byte range of the spill's
 * open file (the spill's owner keeps it open until that thread is done), or holds the text.
 */
export function recordFrom(source: RecordSource): RawRecord {
  if (source.kind === "text") return { json: () => source.text, source: () => source };
  return { json: () => readSpilled(source, threadScratch), source: () => source };
}

export type SpilledSource = Extract<RecordSource, { kind: "spill" }>;

/** A spill's open file, as another thread is given it. */
export interface SpillDescriptor {
  readonly fd: number;
  readonly file: string;
}

function readSpilled({ fd, file, offset, length }: SpilledSource, scratch: Scratch): string {
  const buffer = scratch.fit(length);
  for (let done = 0; done < length; ) {
    const read = readSync(fd, buffer, done, length - done, offset + done);
    if (read === 0) throw new Error(`the raw records' scratch file ${file} ends at ${offset + done} bytes; expected ${offset + length}`);
    done += read;
  }
  return buffer.toString("utf8", 0, length);
}

/** One buffer that every write and read of a spill goes through (no buffer per record outside the heap), grown to fit. */
class Scratch {
  private buffer = Buffer.allocUnsafe(1 << 16);

  fit(length: number): Buffer {
    if (length > this.buffer.length) this.buffer = Buffer.allocUnsafe(Math.max(length, 2 * this.buffer.length));
    return this.buffer;
  }
}

/** The scratch buffer of records read through `recordFrom` (one per thread: each thread loads this module anew). */
const threadScratch = new Scratch();

const ROOM = "Set TMPDIR to a folder with room for about 5% of the site's size.";

const closeWhenUnreachable = new FinalizationRegistry<number>((fd) => {
  closeQuietly(fd);
  const folder = leftovers.get(fd);
  leftovers.delete(fd);
  if (folder !== undefined) tryRemove(folder);
});

/** Spill folders the system would not remove while their file was open (Windows): removed when the process exits. */
const leftovers = new Map<number, string>();

function removeAtExit(fd: number, folder: string): void {
  if (leftovers.size === 0) {
    process.once("exit", () => {
      for (const [open, leftover] of leftovers) {
        closeQuietly(open);
        tryRemove(leftover);
      }
    });
  }
  leftovers.set(fd, folder);
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Already closed: nothing to free.
  }
}

/** Removes the spill's folder (with the open file in it); false where the system keeps open files (Windows). */
function tryRemove(folder: string): boolean {
  try {
    rmSync(folder, { recursive: true, force: true });
    return true;
  } catch {
    return false;
  }
}
