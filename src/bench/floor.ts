import { open, writeFile } from "node:fs/promises";
import path from "node:path";
import { createNunjucksEnv } from "../site/nunjucks-env.js";
import { loadPageTemplates } from "../site/page-templates.js";
import { templatePageFiles, withPaginatedArrays } from "../site/template-pages.js";
import { folderMaker, writeFiles, type OutputFile } from "../site/write-files.js";

/** One file of a build's output: its path under the site root and its size. */
export interface LayoutEntry {
  readonly file: string;
  readonly bytes: number;
}

export interface FloorResult {
  readonly wallMs: number;
  readonly userMs: number;
  readonly sysMs: number;
  readonly pages: number;
  readonly files: number;
  readonly bytes: number;
  /** Pages the floor rendered that the build did not write (0 when both agree). */
  readonly pagesNotInBuild: number;
}

const FILLER = Buffer.alloc(1 << 20, 0x20);

/**
 * Reads a layout file written by the bench: a JSON array of `{file, bytes}`.
 * @example parseLayout('[{"file":"index.html","bytes":1200}]') // [{ file: "index.html", bytes: 1200 }]
 */
export function parseLayout(text: string): LayoutEntry[] {
  const value: unknown = JSON.parse(text);
  if (!Array.isArray(value)) throw new Error("layout: expected a JSON array of {file, bytes}");
  return value.map((entry: unknown, index) => {
    const file: unknown = typeof entry === "object" && entry !== null ? Reflect.get(entry, "file") : undefined;
    const bytes: unknown = typeof entry === "object" && entry !== null ? Reflect.get(entry, "bytes") : undefined;
    if (typeof file !== "string" || typeof bytes !== "number") throw new Error(`layout: item ${index} is not {file, bytes}`);
    return { file, bytes };
  });
}

/**
 * The page files the floor renders: every page template over the build's views, through plain Nunjucks. The
 * views are all made here, before the floor is timed: making them is the build's work, not the floor's.
 */
export async function floorPages(views: object): Promise<OutputFile[]> {
  const templates = await loadPageTemplates();
  return [...templatePageFiles(createNunjucksEnv(), templates, withPaginatedArrays(views, templates))];
}

/**
 * The floor: the least work that gives the build's output with this stack. Renders every page with plain
 * Nunjucks and writes it, then writes every other file of the build (`layout`: mirror, reports, checksums…) as
 * the same number of bytes, all with fs at a concurrency of 32, and times only that.
 */
export async function runFloor(outputDir: string, pages: readonly OutputFile[], layout: readonly LayoutEntry[]): Promise<FloorResult> {
  const pagePaths = new Set(pages.map((page) => page.file));
  const others = layout.filter((entry) => !pagePaths.has(entry.file));
  const inBuild = new Set(layout.map((entry) => entry.file));
  const started = performance.now();
  const cpu = process.cpuUsage();
  const pageBytes = await writeFiles(outputDir, pages);
  const otherBytes = await writeFillers(outputDir, others, 32);
  const used = process.cpuUsage(cpu);
  return {
    wallMs: performance.now() - started,
    userMs: used.user / 1000,
    sysMs: used.system / 1000,
    pages: pages.length,
    files: pages.length + others.length,
    bytes: pageBytes + otherBytes,
    pagesNotInBuild: [...pagePaths].filter((file) => !inBuild.has(file)).length,
  };
}

/** Writes each entry as that many filler bytes (large files in 1 MB writes, so no file is ever whole in memory). */
async function writeFillers(root: string, entries: readonly LayoutEntry[], concurrency: number): Promise<number> {
  const ensureFolder = folderMaker();
  let next = 0;
  let bytes = 0;
  const worker = async () => {
    while (next < entries.length) {
      const entry = entries[next++] as LayoutEntry;
      const target = path.join(root, entry.file);
      await ensureFolder(path.dirname(target));
      if (entry.bytes <= FILLER.length) {
        await writeFile(target, FILLER.subarray(0, entry.bytes));
      } else {
        const handle = await open(target, "w");
        try {
          for (let done = 0; done < entry.bytes; done += FILLER.length) await handle.write(FILLER, 0, Math.min(FILLER.length, entry.bytes - done));
        } finally {
          await handle.close();
        }
      }
      bytes += entry.bytes;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return bytes;
}
