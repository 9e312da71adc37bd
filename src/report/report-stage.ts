import { releaseNeighbours } from "../diff/neighbours.js";
import type { ImageDigests } from "../diff/release-diff.js";
import type { Release, Snapshot } from "../model/types.js";
import type { BuildContext } from "../site/build.js";
import type { ReleaseView } from "../site/views.js";
import type { OutputEntry } from "../site/write-files.js";
import { loadReportAssets } from "./assets.js";
import { budgetWarning } from "./budget.js";
import { releaseReportView, renderReport, type ReportContent, type ReportFormat } from "./release-report.js";
import type { PortableReleaseView, ReportThread } from "./report-thread.js";
import { reportStamp } from "./stamp.js";

/**
 * The build's report stage: per release, `reports/…/<version>-<id>.html` and `.md`. Each release's report view is
 * made when a writer takes its reports, right after the release page, whose diff it shares
 * (src/site/release-order.ts). With a thread, the view is handed to it to render and write; without, the reports
 * are rendered here (small builds: starting the thread costs more than it saves). A report over its budget is named
 * on `context.warn`, in release order either way.
 */
export async function reportFiles(context: BuildContext, thread: ReportThread | null): Promise<OutputEntry[]> {
  const assets = await loadReportAssets();
  const stamp = reportStamp(context.imported, assets.toolVersion);
  const neighbours = releaseNeighbours(context.snapshot.releases);
  const contentOf = (release: Release): ReportContent => ({
    view: releaseReportView({ release, snapshot: context.snapshot, routes: context.routes, neighbours: neighbours.get(release.id) ?? { previous: null, next: null }, stamp }),
    stamp,
    pagePath: context.routes.releasePage.get(release.id) ?? "",
    images: imageDigests(release, context.snapshot),
  });
  // Here, a release's two reports are written one after the other: they share one content (and view).
  let last: { release: Release; content: ReportContent } | null = null;
  const sharedContentOf = (release: Release): ReportContent => {
    if (last?.release !== release) last = { release, content: contentOf(release) };
    return last.content;
  };
  return context.routes.reports.flatMap((route): OutputEntry[] => {
    const release = context.snapshot.releasesById.get(route.releaseId);
    if (release === undefined) return [];
    if (thread !== null) {
      const handOff = (root: string) => {
        const content = contentOf(release);
        return thread.write({ root, html: route.html, md: route.md, content: { ...content, view: portable(content.view) } });
      };
      return [{ file: route.html, count: 2, handOff }];
    }
    const file = (path: string, format: ReportFormat): OutputEntry => ({
      file: path,
      body: () => {
        const text = renderReport(assets, sharedContentOf(release), format);
        const warning = budgetWarning(path, format, Buffer.byteLength(text));
        if (warning !== null) context.warn(warning);
        return text;
      },
    });
    return [file(route.html, "html"), file(route.md, "md")];
  });
}

/** The view as it crosses to the worker: the raw record (an accessor of the import's scratch file) stays here. */
function portable(view: ReleaseView): PortableReleaseView {
  const { raw: _raw, ...release } = view.release;
  return { ...view, release };
}

/** The digests the release's Markdown report shows, for its images only (not the whole snapshot's). */
function imageDigests(release: Release, snapshot: Snapshot): ImageDigests {
  return new Map(release.imageRefs.map((reference) => {
    const digest = snapshot.imagesByRef.get(reference)?.trace?.digest;
    return [reference, { trace: digest === undefined ? null : { digest } }];
  }));
}
