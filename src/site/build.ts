import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Snapshot } from "../model/types.js";
import { mirrorFiles } from "./mirror.js";
import { PACKAGE_ROOT } from "./package-root.js";
import { publishAtomically } from "./publish.js";
import { renderPages } from "./render-pages.js";
import { buildRoutes } from "./routes.js";
import { toSiteViews } from "./views.js";
import { writeFiles, type OutputFile } from "./write-files.js";

export interface BuildSummary {
  readonly outputDir: string;
  readonly pages: number;
  readonly jsonFiles: number;
  readonly bytes: number;
}

export interface BuildOptions {
  readonly inputDir: string;
  readonly outputDir: string;
}

/** route table → views → Eleventy pages + JSON mirror + assets, written to a staging folder and swapped in. */
export async function buildSite(snapshot: Snapshot, options: BuildOptions): Promise<BuildSummary> {
  const routes = buildRoutes(snapshot);
  const views = toSiteViews(snapshot, routes);
  const mirror = mirrorFiles(snapshot, routes);
  return publishAtomically(options.outputDir, options.inputDir, async (staging) => {
    await renderPages(views, staging);
    const bytes = await writeFiles(staging, [...mirror, ...(await assetFiles())]);
    return { outputDir: path.resolve(options.outputDir), pages: routes.pages.length, jsonFiles: mirror.length, bytes };
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
