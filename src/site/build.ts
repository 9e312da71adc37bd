import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { ImportResult } from "../importer/index.js";
import type { Snapshot } from "../model/types.js";
import { mirrorFiles } from "./mirror.js";
import { PACKAGE_ROOT } from "./package-root.js";
import { publishAtomically } from "./publish.js";
import { renderPages } from "./render-pages.js";
import { buildRoutes, type RouteTable } from "./routes.js";
import { toSiteViews, type SiteViews } from "./views.js";
import { writeFiles, type OutputFile } from "./write-files.js";

export interface BuildSummary {
  readonly outputDir: string;
  readonly pages: number;
  readonly files: number;
  readonly jsonFiles: number;
  readonly bytes: number;
}

export interface BuildOptions {
  readonly inputDir: string;
  readonly outputDir: string;
}

/** What every output stage can read: the import, the model, the route table and the page views. */
export interface BuildContext {
  readonly imported: ImportResult;
  readonly snapshot: Snapshot;
  readonly routes: RouteTable;
  readonly views: SiteViews;
}

/** Files written beside the Eleventy pages, straight with fs: each stage returns the files it adds. */
export type OutputStage = (context: BuildContext) => OutputFile[] | Promise<OutputFile[]>;

const OUTPUT_STAGES: readonly OutputStage[] = [(context) => mirrorFiles(context.snapshot, context.routes), assetFiles];

/** route table → views → Eleventy pages + output stages (JSON mirror, assets…), built in staging and swapped in. */
export async function buildSite(imported: ImportResult, options: BuildOptions): Promise<BuildSummary> {
  const snapshot = imported.snapshot;
  const routes = buildRoutes(snapshot);
  const context: BuildContext = { imported, snapshot, routes, views: toSiteViews(snapshot, routes) };
  return publishAtomically(options.outputDir, options.inputDir, async (staging) => {
    await renderPages(context.views, staging);
    const files = (await Promise.all(OUTPUT_STAGES.map((stage) => stage(context)))).flat();
    await writeFiles(staging, files);
    const written = await folderTotals(staging);
    return {
      outputDir: path.resolve(options.outputDir),
      pages: routes.pages.length,
      files: written.files,
      jsonFiles: written.json,
      bytes: written.bytes,
    };
  });
}

/** The stylesheet and scripts, copied as they are. */
async function assetFiles(): Promise<OutputFile[]> {
  const folder = path.join(PACKAGE_ROOT, "templates", "assets");
  const names = (await readdir(folder)).sort();
  return Promise.all(
    names.map(async (name) => {
      const content = await readFile(path.join(folder, name));
      return { file: `assets/${name}`, body: () => content };
    }),
  );
}

/** Counts what is actually on disk, so the summary reports the truth. */
async function folderTotals(root: string): Promise<{ files: number; json: number; bytes: number }> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  let files = 0;
  let json = 0;
  let bytes = 0;
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    files++;
    if (entry.name.endsWith(".json")) json++;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { files, json, bytes };
}
