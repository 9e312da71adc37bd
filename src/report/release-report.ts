import type { Neighbours } from "../diff/neighbours.js";
import type { ImageDigests } from "../diff/release-diff.js";
import type { Release, Snapshot } from "../model/types.js";
import type { RouteTable } from "../site/routes.js";
import { toReleaseView, type ReleaseView } from "../site/views.js";
import type { ReportAssets } from "./assets.js";
import { renderReleaseMarkdown } from "./release-markdown.js";
import type { ReportStamp } from "./stamp.js";

export type ReportFormat = "html" | "md";

/** The two reports of one release, rendered from one report-mode view (links only to code hosts and Jira). */
export interface ReleaseReportInput {
  readonly release: Release;
  readonly snapshot: Snapshot;
  readonly routes: RouteTable;
  readonly neighbours: Neighbours;
  readonly stamp: ReportStamp;
}

/** The report-mode view both formats render: pass it to `renderReleaseReport` to render the two from one view. */
export function releaseReportView(input: ReleaseReportInput): ReleaseView {
  return toReleaseView(input.release, input.snapshot, input.routes, input.neighbours, "report");
}

/** Renders one release's report in the given format. Pure apart from the (cached) template reads. */
export function renderReleaseReport(assets: ReportAssets, input: ReleaseReportInput, format: ReportFormat, view = releaseReportView(input)): string {
  return renderReport(assets, { view, stamp: input.stamp, pagePath: input.routes.releasePage.get(input.release.id) ?? "", images: input.snapshot.imagesByRef }, format);
}

/** What a report is rendered from: a report-mode view and what the report says beside it (no snapshot needed). */
export interface ReportContent {
  readonly view: ReleaseView;
  readonly stamp: ReportStamp;
  /** The release page's path in the site, which the report names. */
  readonly pagePath: string;
  /** The traced digests of the release's images (the Markdown's image table). */
  readonly images: ImageDigests;
}

/** Renders a report from its content alone: what the reports' worker thread runs (src/report/report-worker.ts). */
export function renderReport(assets: ReportAssets, content: ReportContent, format: ReportFormat): string {
  const { view, stamp, pagePath, images } = content;
  return format === "md" ? renderReleaseMarkdown(view, stamp, images, pagePath) : renderHtml(assets, view, stamp, pagePath);
}

function renderHtml(assets: ReportAssets, view: ReleaseView, stamp: ReportStamp, pagePath: string): string {
  const report = { ...stamp, css: assets.css, pagePath, title: `Release ${view.release.version} · ${view.release.project} · Zadig release report` };
  return assets.env.render("reports/release.njk", { view, report });
}
