import { createHash, type Hash } from "node:crypto";
import path from "node:path";
import { sha256Hex, type FileDigest } from "./digest.js";

/**
 * What the build wrote, file by file, hashed from the bytes as they were handed to `fs`: SHA256SUMS then takes
 * the digests from here instead of reading the whole site back (8 GB at 10,000 releases). Files written by
 * others (Eleventy's pages) are not in the ledger; the manifest reads those.
 * Paths are relative to the output root, with `/` separators.
 */
export class FileLedger {
  private readonly finished = new Map<string, FileDigest>();
  private readonly growing = new Map<string, { hash: Hash; size: number }>();

  /** A whole file. Recording the same path twice is a bug in the build (one write would be lost), so it throws. */
  add(file: string, data: Uint8Array): void {
    const key = this.claim(file);
    this.finished.set(key, { sha256: sha256Hex(data), size: data.byteLength });
  }

  /** A file written in parts: call `start` with its first part, `append` with the rest in the order they are written. */
  start(file: string, data: Uint8Array): void {
    const key = this.claim(file);
    this.growing.set(key, { hash: createHash("sha256").update(data), size: data.byteLength });
  }

  append(file: string, data: Uint8Array): void {
    const open = this.growing.get(normalize(file));
    if (open === undefined) throw new Error(`file ledger: ${file} is appended to before it was started`);
    open.hash.update(data);
    open.size += data.byteLength;
  }

  /** A file hashed elsewhere (another thread's ledger, handed over with `entries`). */
  record(file: string, digest: FileDigest): void {
    this.finished.set(this.claim(file), digest);
  }

  /** Every file recorded, each digest finished: what another thread's ledger takes over with `record`. */
  entries(): [string, FileDigest][] {
    for (const file of [...this.growing.keys()]) this.digest(file);
    return [...this.finished];
  }

  /** The digest of a recorded file, or undefined when the build did not write it through the ledger. */
  digest(file: string): FileDigest | undefined {
    const key = normalize(file);
    const open = this.growing.get(key);
    if (open !== undefined) {
      this.growing.delete(key);
      this.finished.set(key, { sha256: open.hash.digest("hex"), size: open.size });
    }
    return this.finished.get(key);
  }

  private claim(file: string): string {
    const key = normalize(file);
    if (this.finished.has(key) || this.growing.has(key)) throw new Error(`file ledger: ${file} is written twice`);
    return key;
  }
}

function normalize(file: string): string {
  return path.posix.normalize(file.split(path.sep).join("/"));
}
