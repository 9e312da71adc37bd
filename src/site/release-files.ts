import type { FileLedger } from "../audit/file-ledger.js";
import type { Release } from "../model/types.js";
import { orderedWriter } from "./ordered-writer.js";
import type { JsonBody, JsonRoute } from "./routes.js";

/** A mirror body made of release records: one release, or a list of them. */
export type ReleaseBody = Extract<JsonBody, { kind: "release" | "release-list" }>;

export function isReleaseBody(body: JsonBody): body is ReleaseBody {
  return body.kind === "release" || body.kind === "release-list";
}

export interface ReleaseFilesOptions {
  /** Called after each file is complete (progress). */
  readonly onWritten?: () => void;
  /** A list's waiting text is written once it reaches this size. Default 1 MiB. */
  readonly flushBytes?: number;
  /** All waiting text is written once the total passes this. Default 64 MiB. */
  readonly pendingCapBytes?: number;
  /** Records each file's digest and size as it is written (for SHA256SUMS). */
  readonly ledger?: FileLedger;
  /** Stops the pass between releases (it throws the signal's reason once the writes in flight have settled). */
  readonly signal?: AbortSignal;
}

/** What the pass reads of a release: its id and its record. */
export type ReleaseRecord = Pick<Release, "id" | "raw">;

interface ListState {
  readonly file: string;
  readonly ids: readonly string[];
  next: number;
  pending: Uint8Array[];
  pendingBytes: number;
  started: boolean;
}

/**
 * Writes every mirror file made of release records (the per-id files and every list) in one pass over the
 * releases, newest first. Each record is serialized once and its bytes are appended to every list that holds
 * it, so the lists (each release appears in 4 + services of them) never exist whole in memory: at most about
 * 64 MB waits to be written. Byte-identical to `mirrorFiles`' bodies. Returns what it wrote.
 */
export async function writeReleaseFiles(
  root: string,
  releases: readonly ReleaseRecord[],
  routes: readonly JsonRoute[],
  options: ReleaseFilesOptions = {},
): Promise<{ files: number; bytes: number }> {
  const { onWritten, flushBytes = 1 << 20, pendingCapBytes = 64 << 20, ledger, signal } = options;
  const own = new Map<string, string>();
  const member = new Map<string, ListState[]>();
  const lists: ListState[] = [];
  for (const route of routes) {
    if (route.body.kind === "release") own.set(route.body.releaseId, route.file);
    if (route.body.kind !== "release-list") continue;
    const list: ListState = { file: route.file, ids: route.body.releaseIds, next: 0, pending: [], pendingBytes: 0, started: false };
    lists.push(list);
    for (const id of list.ids) {
      const holders = member.get(id);
      if (holders === undefined) member.set(id, [list]);
      else holders.push(list);
    }
  }

  const writer = orderedWriter(root, 16, ledger);
  let files = 0;
  let bytes = 0;
  let pendingBytes = 0;
  const emit = async (file: string, parts: readonly Uint8Array[], append: boolean, last: boolean) => {
    for (const part of parts) bytes += part.byteLength;
    await writer.write(file, parts, append);
    if (last) {
      files++;
      onWritten?.();
    }
  };
  const flush = async (list: ListState, last: boolean) => {
    // Handed to the writer as they are: joining them would copy every list once more.
    const parts = list.pending;
    pendingBytes -= list.pendingBytes;
    list.pending = [];
    list.pendingBytes = 0;
    const append = list.started;
    list.started = true;
    await emit(list.file, parts, append, last);
  };
  const add = (list: ListState, chunk: Uint8Array) => {
    list.pending.push(chunk);
    list.pendingBytes += chunk.byteLength;
    pendingBytes += chunk.byteLength;
  };

  const written = new Set<string>();
  try {
    for (const list of lists) if (list.ids.length === 0) await emit(list.file, [EMPTY_LIST], false, true);
    for (const release of releases) {
      signal?.throwIfAborted();
      const file = own.get(release.id);
      const holders = member.get(release.id) ?? [];
      if (file === undefined && holders.length === 0) continue;
      const text = release.raw.json();
      if (file !== undefined) {
        written.add(release.id);
        await emit(file, [Buffer.from(`${text}\n`)], false, true);
      }
      if (holders.length === 0) continue;
      const item = Buffer.from(`  ${text.replace(/\n/g, "\n  ")}`);
      for (const list of holders) {
        if (list.ids[list.next] !== release.id) throw new Error(`mirror: ${list.file} does not list its releases newest first`);
        add(list, list.next === 0 ? LIST_OPEN : LIST_SEPARATOR);
        add(list, item);
        list.next++;
        if (list.next === list.ids.length) {
          add(list, LIST_CLOSE);
          await flush(list, true);
        } else if (list.pendingBytes >= flushBytes) {
          await flush(list, false);
        }
      }
      if (pendingBytes > pendingCapBytes) for (const list of lists) if (list.pendingBytes > 0) await flush(list, false);
    }
    const unfinished = lists.find((list) => list.next < list.ids.length);
    if (unfinished !== undefined) throw new Error(`mirror: ${unfinished.file} lists release ${unfinished.ids[unfinished.next]}, which is not in the snapshot`);
    const orphan = [...own.keys()].find((id) => !written.has(id));
    if (orphan !== undefined) throw new Error(`mirror: ${own.get(orphan)} is for release ${orphan}, which is not in the snapshot`);
  } catch (cause) {
    await writer.finish().catch(() => {});
    throw cause;
  }
  await writer.finish();
  return { files, bytes };
}

// Exactly what `JSON.stringify(list, null, 2)` puts around and between the items.
const EMPTY_LIST = Buffer.from("[]\n");
const LIST_OPEN = Buffer.from("[\n");
const LIST_SEPARATOR = Buffer.from(",\n");
const LIST_CLOSE = Buffer.from("\n]\n");
