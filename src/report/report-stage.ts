import { releaseNeighbours } from "../diff/neighbours.js";
import type { ImageDigests } from "../diff/release-diff.js";
import type { Release, Snapshot } from "../model/types.js";
import type { BuildContext } from "../site/build.js";
import type { ReleaseView } from "../site/views.js";
import type { HandedOffFiles } from "../site/write-files.js";
import { loadReportAssets } from "./assets.js";
import { releaseReportView } from "./release-report.js";
import type { PortableReleaseView, ReportThread } from "./report-thread.js";
import { reportStamp } from "./stamp.js";

/**
 * The build's report stage: per release, `reports/…/<version>-<id>.html` and `.md`, rendered and written by the
 * reports' thread. This thread makes each release's report view when a writer takes it, right after the release
 * page, whose diff it shares (src/site/release-order.ts), and hands it over; a report over its budget is named
 * on `context.warn` by the thread (see startReportThread).
 */
export async function reportFiles(context: BuildContext, thread: ReportThread): Promise<HandedOffFiles[]> {
  const stamp = reportStamp(context.imported, (await loadReportAssets()).toolVersion);
  const neighbours = releaseNeighbours(context.snapshot.releases);
  return context.routes.reports.flatMap((route) => {
    const release = context.snapshot.releasesById.get(route.releaseId);
    if (release === undefined) return [];
    const handOff = (root: string) => {
      const view = releaseReportView({ release, snapshot: context.snapshot, routes: context.routes, neighbours: neighbours.get(release.id) ?? { previous: null, next: null }, stamp });
      const content = { view: portable(view), stamp, pagePath: context.routes.releasePage.get(release.id) ?? "", images: imageDigests(release, context.snapshot) };
      return thread.write({ root, html: route.html, md: route.md, content });
    };
    return [{ file: route.html, count: 2, handOff }];
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
