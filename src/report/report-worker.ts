import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parentPort } from "node:worker_threads";
import { sha256Hex } from "../audit/digest.js";
import type { RawRecord } from "../model/types.js";
import { faultPoint } from "../site/fault-injection.js";
import { folderMaker, type WrittenFile } from "../site/write-files.js";
import { loadReportAssets } from "./assets.js";
import { budgetWarning } from "./budget.js";
import { renderReport, type ReportFormat } from "./release-report.js";
import type { ReportJob, ReportMessage } from "./report-thread.js";

/** The reports' worker thread (see report-thread.ts): renders each job's two reports, writes them and answers. */
const port = parentPort;
if (port === null) throw new Error("src/report/report-worker.ts runs only as a worker thread");
const post = (message: ReportMessage) => port.postMessage(message);

const FORMATS: readonly ReportFormat[] = ["html", "md"];
const assets = await loadReportAssets();
const ensureFolder = folderMaker();
/** The raw record stays in the build's thread (PortableReleaseView); nothing in a report reads it. */
const noRawRecord = (): never => {
  throw new Error("a report's release has no raw record in the reports' thread");
};
const NO_RAW_RECORD: RawRecord = { json: noRawRecord, source: noRawRecord };

// Messages posted before this listener are queued, not lost: the port starts delivering when it is attached.
port.on("message", ({ id, job }: { id: number; job: ReportJob }) => {
  write(job).then(
    (files) => post({ kind: "written", id, files }),
    (cause: unknown) => post({ kind: "failed", id, message: cause instanceof Error ? cause.message : String(cause) }),
  );
});

async function write(job: ReportJob): Promise<WrittenFile[]> {
  const content = { ...job.content, view: { ...job.content.view, release: { ...job.content.view.release, raw: NO_RAW_RECORD } } };
  // Rendered (and any warning posted) before the first await, so warnings arrive in the order the jobs came.
  const files = FORMATS.map((format) => {
    const data = Buffer.from(renderReport(assets, content, format));
    const warning = budgetWarning(job[format], format, data.byteLength);
    if (warning !== null) post({ kind: "warning", line: warning });
    return { file: job[format], data };
  });
  await Promise.all(
    files.map(async ({ file, data }) => {
      const target = path.join(job.root, file);
      await ensureFolder(path.dirname(target));
      await writeFile(target, data);
    }),
  );
  await faultPoint("reports");
  return files.map(({ file, data }) => ({ file, digest: { sha256: sha256Hex(data), size: data.byteLength } }));
}
