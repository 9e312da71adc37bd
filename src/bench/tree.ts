import { stat } from "node:fs/promises";
import path from "node:path";
import { listTree } from "../audit/manifest.js";
import { mapLimited } from "../util/map-limited.js";
import type { LayoutEntry } from "./floor.js";

/** Every regular file under `root`: POSIX path relative to it and size, in byte order of the paths. */
export async function listFiles(root: string): Promise<LayoutEntry[]> {
  const { files } = await listTree(root);
  return mapLimited(files, 32, async (file) => ({ file, bytes: (await stat(path.join(root, file))).size }));
}
