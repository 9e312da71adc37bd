import { releaseNeighbours } from "../diff/neighbours.js";
import type { BuildContext } from "../site/build.js";
import type { ReleaseView } from "../site/views.js";
import type { OutputFile } from "../site/write-files.js";
import { loadReportAssets } from "./assets.js";
import { budgetWarning } from "./budget.js";
import { releaseReportView, renderReleaseReport, type ReleaseReportInput, type ReportFormat } from "./release-report.js";
import { reportStamp } from "./stamp.js";

/**
 * The build's report stage: per release, `reports/…/<version>-<id>.html` and `.md`. Each is rendered when written
 * (not all held in memory), and one over its budget is named on `context.warn`.
 */
export async function reportFiles(context: BuildContext): Promise<OutputFile[]> {
  const assets = await loadReportAssets();
  const stamp = reportStamp(context.imported, assets.toolVersion);
  const neighbours = releaseNeighbours(context.snapshot.releases);
  // A release's two reports are written one after the other (src/site/release-order.ts): they share one view.
  let last: { input: ReleaseReportInput; view: ReleaseView } | null = null;
  const viewOf = (input: ReleaseReportInput): ReleaseView => {
    if (last?.input !== input) last = { input, view: releaseReportView(input) };
    return last.view;
  };
  return context.routes.reports.flatMap((route) => {
    const release = context.snapshot.releasesById.get(route.releaseId);
    if (release === undefined) return [];
    const input = { release, snapshot: context.snapshot, routes: context.routes, neighbours: neighbours.get(release.id) ?? { previous: null, next: null }, stamp };
    const file = (path: string, format: ReportFormat): OutputFile => ({
      file: path,
      body: () => {
        const text = renderReleaseReport(assets, input, format, viewOf(input));
        const warning = budgetWarning(path, format, Buffer.byteLength(text));
        if (warning !== null) context.warn(warning);
        return text;
      },
    });
    return [file(route.html, "html"), file(route.md, "md")];
  });
}
