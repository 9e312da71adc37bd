import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { FileLedger } from "../audit/file-ledger.js";
import { finalizeSnapshot } from "../audit/finalize.js";
import { prepareAudit, type AuditOutput } from "../audit/stage.js";
import type { AuditViews } from "../audit/views.js";
import { hostingFiles } from "../hosting/files.js";
import { gcPacer, withGcPacing } from "../util/gc-pacer.js";
import { NO_PROGRESS, type Progress } from "../util/progress.js";
import type { ImportResult } from "../importer/index.js";
import type { Snapshot } from "../model/types.js";
import { faultPoint } from "./fault-injection.js";
import { mirrorFiles } from "./mirror.js";
import { PACKAGE_ROOT } from "./package-root.js";
import { publishAtomically } from "./publish.js";
import { recordFileCount, startRecordFiles } from "./record-files-thread.js";
import { reportFiles } from "../report/report-stage.js";
import { startReportThread } from "../report/report-thread.js";
import { entityPageFiles, renderShell } from "./render-pages.js";
import { withReleaseFiles } from "./release-order.js";
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
  /** Render the reports in their own thread. Default: from REPORT_THREAD_MIN_RELEASES releases on; tests set it to prove both ways give the same site. */
  readonly reportThread?: boolean;
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
  // The mirror's files that are records as they are (releases, lists, traces) are written beside these (startRecordFiles).
  (context) => mirrorFiles(context.snapshot, context.routes, { withoutRecordFiles: true }),
  assetFiles,
  (context) => hostingFiles(context.routes),
  (context) => [...context.audit.files],
  // The reports are handed to their own thread while the pages are written (reportFiles, in buildSite).
];

/**
 * From this many releases on, the reports are rendered in their own thread (at 10,000 it saved ~10 s). Below it,
 * starting the thread (~150 ms of module loading, on a 2-core machine) cost more than it saved: five 100-release
 * builds took 2.33–3.00 s with it against 2.10–2.69 s without.
 */
export const REPORT_THREAD_MIN_RELEASES = 1000;

/** route table → views → Eleventy pages + output stages (JSON mirror, assets…), built in staging and swapped in. */
export async function buildSite(imported: ImportResult, options: BuildOptions): Promise<BuildSummary> {
  const context = await buildContext(imported, options);
  const { snapshot, routes, audit } = context;
  return publishAtomically(options.outputDir, options.inputDir, async (staging) => {
    // Pacing full collections keeps peak memory near the live data (see src/util/gc-pacer.ts).
    const progress = withGcPacing(options.progress ?? NO_PROGRESS, gcPacer());
    // Every file written below is hashed as it is written, so SHA256SUMS need not read the site back.
    const ledger = new FileLedger();
    const files = (await Promise.all(OUTPUT_STAGES.map((stage) => stage(context)))).flat();
    const pages = await entityPageFiles(context.views);
    // The reports, rendered and written in a thread of their own from views this thread makes as it goes.
    const reportThread = (options.reportThread ?? snapshot.releases.length >= REPORT_THREAD_MIN_RELEASES) ? startReportThread(context.warn) : null;
    const reports = await reportFiles(context, reportThread);
    progress.stage("writing pages and files", pages.count + files.length + reports.reduce((sum, entry) => sum + ("count" in entry ? entry.count : 1), 0) + recordFileCount(routes.json));
    // The records as they are (per-release files, release lists, artifact traces), in a worker thread, while this one renders.
    const recordRun = startRecordFiles(staging, snapshot, routes.json, { onWritten: (count) => progress.advance(count), ledger });
    try {
      await renderShell(context.views, staging);
      // Entity pages (rendered as written) and the stages' files in one pass, each release's files together.
      await writeFiles(staging, withReleaseFiles(pages.files, [...files, ...reports], routes), { onWritten: () => progress.advance(), ledger });
      await faultPoint("pages");
    } catch (cause) {
      // The worker must have stopped writing before publishAtomically removes staging.
      await recordRun.stop();
      throw cause;
    } finally {
      // Every hand-over has settled when writeFiles returns or throws: nothing of the reports' thread is in flight.
      await reportThread?.close();
    }
    await recordRun.done;
    await faultPoint("stages");
    progress.stage("writing checksums", null);
    // Last: SHA256SUMS must see every file in staging.
    const manifest = await finalizeSnapshot(staging, audit.generatedAt, ledger);
    await faultPoint("manifest");
    // The manifest lists what is on disk (every file but itself), so the summary reports the truth.
    return {
      outputDir: path.resolve(options.outputDir),
      pages: routes.pages.length,
      files: manifest.listed.length + 1,
      jsonFiles: manifest.listed.filter((entry) => entry.path.endsWith(".json")).length,
      bytes: manifest.listed.reduce((sum, entry) => sum + entry.size, manifest.size),
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
