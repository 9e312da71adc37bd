import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { finalizeSnapshot } from "../audit/finalize.js";
import { prepareAudit, type AuditOutput } from "../audit/stage.js";
import type { AuditViews } from "../audit/views.js";
import { hostingFiles } from "../hosting/files.js";
import { NO_PROGRESS, type Progress } from "../util/progress.js";
import type { ImportResult } from "../importer/index.js";
import type { Snapshot } from "../model/types.js";
import { faultPoint } from "./fault-injection.js";
import { mirrorFiles } from "./mirror.js";
import { PACKAGE_ROOT } from "./package-root.js";
import { publishAtomically } from "./publish.js";
import { isReleaseBody, writeReleaseFiles } from "./release-files.js";
import { reportFiles } from "../report/report-stage.js";
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
  /** SHA-256 of SHA256SUMS: the one value that pins the whole snapshot (the site cannot hold its own digest). */
  readonly manifestSha256: string;
}

export interface BuildOptions {
  readonly inputDir: string;
  readonly outputDir: string;
  /** `--keep-going`: recorded in provenance.json and the validation report. Default false. */
  readonly keepGoing?: boolean;
  /** From `SOURCE_DATE_EPOCH`: the "generated at" time. Default null: the newest time in the data. */
  readonly sourceDateEpoch?: number | null;
  /** Build warnings (e.g. a report over its size budget), one line each; the CLI prints them on stderr. Default: dropped. */
  readonly warn?: (line: string) => void;
  /** Stage and count as the build goes (the CLI's progress line). Default: none. */
  readonly progress?: Progress;
}

/** What every output stage can read: the import, the model, the route table and the page views. */
export interface BuildContext {
  readonly imported: ImportResult;
  readonly snapshot: Snapshot;
  readonly routes: RouteTable;
  readonly views: SiteViews & AuditViews;
  readonly audit: AuditOutput;
  readonly warn: (line: string) => void;
}

/** Files written beside the Eleventy pages, straight with fs: each stage returns the files it adds. */
export type OutputStage = (context: BuildContext) => OutputFile[] | Promise<OutputFile[]>;

const OUTPUT_STAGES: readonly OutputStage[] = [
  // The per-release files and release lists are written in one streaming pass (writeReleaseFiles) after these.
  (context) => mirrorFiles(context.snapshot, context.routes, { withoutReleaseFiles: true }),
  assetFiles,
  (context) => hostingFiles(context.routes),
  (context) => [...context.audit.files],
  reportFiles,
];

/** route table → views → Eleventy pages + output stages (JSON mirror, assets…), built in staging and swapped in. */
export async function buildSite(imported: ImportResult, options: BuildOptions): Promise<BuildSummary> {
  const context = await buildContext(imported, options);
  const { snapshot, routes, audit } = context;
  return publishAtomically(options.outputDir, options.inputDir, async (staging) => {
    const progress = options.progress ?? NO_PROGRESS;
    progress.stage("rendering pages", routes.pages.length);
    await renderPages(context.views, staging, () => progress.advance());
    await faultPoint("pages");
    const files = (await Promise.all(OUTPUT_STAGES.map((stage) => stage(context)))).flat();
    progress.stage("writing files", files.length + routes.json.filter((route) => isReleaseBody(route.body)).length);
    await writeFiles(staging, files, 32, () => progress.advance());
    await writeReleaseFiles(staging, snapshot, routes, { onWritten: () => progress.advance() });
    await faultPoint("stages");
    progress.stage("writing checksums", null);
    // Last: SHA256SUMS must see every file in staging.
    const manifest = await finalizeSnapshot(staging, audit.generatedAt);
    await faultPoint("manifest");
    const written = await folderTotals(staging);
    return {
      outputDir: path.resolve(options.outputDir),
      pages: routes.pages.length,
      files: written.files,
      jsonFiles: written.json,
      bytes: written.bytes,
      manifestSha256: manifest.sha256,
    };
  });
}

/** Route table, audit and page views for one build: what every stage reads (the bench's floor renders from it too). */
export async function buildContext(imported: ImportResult, options: Omit<BuildOptions, "inputDir" | "outputDir">): Promise<BuildContext> {
  const snapshot = imported.snapshot;
  const routes = buildRoutes(snapshot);
  const audit = await prepareAudit(imported, routes, { keepGoing: options.keepGoing ?? false, sourceDateEpoch: options.sourceDateEpoch ?? null });
  return { imported, snapshot, routes, views: { ...toSiteViews(snapshot, routes), ...audit.views }, audit, warn: options.warn ?? (() => {}) };
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
