import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { mapLimited } from "../util/map-limited.js";

export interface OutputFile {
  readonly file: string;
  readonly body: () => string | Uint8Array;
}

/**
 * Writes files under `root` with bounded concurrency. Each folder is created once (the mkdir promise is
 * memoised per folder, so concurrent writers never race on a shared parent). Returns the bytes written.
 */
export async function writeFiles(root: string, files: Iterable<OutputFile>, concurrency = 32): Promise<number> {
  const folders = new Map<string, Promise<unknown>>();
  const ensureFolder = (folder: string) => {
    let made = folders.get(folder);
    if (made === undefined) {
      made = mkdir(folder, { recursive: true });
      folders.set(folder, made);
    }
    return made;
  };
  const sizes = await mapLimited([...files], concurrency, async (output) => {
    const target = path.join(root, output.file);
    await ensureFolder(path.dirname(target));
    const body = output.body();
    await writeFile(target, body);
    return typeof body === "string" ? Buffer.byteLength(body) : body.byteLength;
  });
  return sizes.reduce((sum, size) => sum + size, 0);
}
