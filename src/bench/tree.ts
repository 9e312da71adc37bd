import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { LayoutEntry } from "./floor.js";

/** Every regular file under `root`: POSIX path relative to it and size, sorted by path. */
export async function listFiles(root: string): Promise<LayoutEntry[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files: LayoutEntry[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.push({ file: path.relative(root, full).split(path.sep).join("/"), bytes: (await stat(full)).size });
  }
  return files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
