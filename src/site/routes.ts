import type { Image, Release, Snapshot } from "../model/types.js";
import { byCodePoint } from "../model/compare.js";
import { imagePath, isSafeRelativePath, segment, shortHash, slug } from "./paths.js";

export type PageKind = "index" | "images" | "not-found" | "release" | "image" | "about" | "validation";

/** One HTML page: where it is written and which entity it shows. */
export interface PageRoute {
  readonly url: string;
  readonly kind: PageKind;
  readonly entityId: string;
}

/** Which records a mirror file holds; bodies are serialized by the writer, so the table stays small. */
export type JsonBody =
  | { readonly kind: "release-list"; readonly releaseIds: readonly string[] }
  | { readonly kind: "release"; readonly releaseId: string }
  | { readonly kind: "artifact"; readonly reference: string }
  | { readonly kind: "release-diff"; readonly releaseId: string };

/** One mirrored API response: the original route and query, and the file that answers it. */
export interface JsonRoute {
  readonly route: string;
  readonly query: Readonly<Record<string, string>>;
  readonly file: string;
  readonly body: JsonBody;
}

export interface RouteTable {
  readonly pages: readonly PageRoute[];
  readonly json: readonly JsonRoute[];
  readonly releasePage: ReadonlyMap<string, string>;
  readonly imagePage: ReadonlyMap<string, string>;
  readonly releaseJson: ReadonlyMap<string, string>;
  readonly artifactJson: ReadonlyMap<string, string>;
  /** Per release: its single-file HTML report and Markdown summary (written beside the pages, not by Eleventy). */
  readonly reports: readonly ReportRoute[];
  readonly releaseReports: ReadonlyMap<string, ReportRoute>;
  readonly releaseDiffJson: ReadonlyMap<string, string>;
}

/** The two report files of one release. */
export interface ReportRoute {
  readonly releaseId: string;
  readonly html: string;
  readonly md: string;
}

export const RELEASES_ROUTE = "/api/aslan/delivery/releases";
export const ARTIFACT_ROUTE = "/api/directory/dc/artifact";
const RELEASES_DIR = "api/aslan/delivery/releases";
const ARTIFACT_DIR = "api/directory/dc/artifact";
/** Not a Zadig route: the release diff is this tool's own, so it lives in its own namespace. */
export const RELEASE_DIFF_ROUTE = "/api/zadig-snapshot/release-diff";
const RELEASE_DIFF_DIR = "api/zadig-snapshot/release-diff";

export const SITE_PAGES = {
  index: "index.html",
  images: "images/index.html",
  notFound: "404.html",
  /** Provenance, digests and how to verify the snapshot (src/audit). */
  about: "about/index.html",
  /** Every input's outcome, issue, skipped record, redaction and unresolved reference (src/audit). */
  validation: "validation/index.html",
} as const;

/** A release page's path depends only on its own record: project, version and id. */
export function releasePageUrl(release: Pick<Release, "project" | "version" | "id">): string {
  return `releases/${segment(release.project)}/${slug(release.version, 40)}-${release.id}/index.html`;
}

export function imagePageUrl(reference: string): string {
  return `img/${imagePath(reference)}/index.html`;
}

export function releaseJsonFile(id: string): string {
  return `${RELEASES_DIR}/${id}.json`;
}

/** By hash of the exact reference (hosting notes §2.8): edge functions can compute it, and it is never too long. */
/** `reports/<project>/<version>-<id>.html|md`: like the release page, it depends only on its own record. */
export function releaseReportFiles(release: Pick<Release, "project" | "version" | "id">): ReportRoute {
  const base = `reports/${segment(release.project)}/${slug(release.version, 40)}-${release.id}`;
  return { releaseId: release.id, html: `${base}.html`, md: `${base}.md` };
}

export function releaseDiffJsonFile(id: string): string {
  return `${RELEASE_DIFF_DIR}/${id}.json`;
}

export function artifactJsonFile(reference: string): string {
  return `${ARTIFACT_DIR}/h/${shortHash(reference, 16)}.json`;
}

/** A readable path for a filtered list, or a hash of the query when the readable one would be too long. */
function queryFile(readable: string, query: Readonly<Record<string, string>>): string {
  return isSafeRelativePath(readable) ? readable : `${RELEASES_DIR}/q/${shortHash(JSON.stringify(Object.entries(query)), 16)}.json`;
}

/**
 * The route table: every HTML page and every mirror file the build writes, decided here and nowhere else.
 * Throws if two entities would share a path or a path is unsafe (an encoding bug, never bad input).
 */
export function buildRoutes(snapshot: Snapshot): RouteTable {
  const releasePage = new Map(snapshot.releases.map((release) => [release.id, releasePageUrl(release)]));
  const imagePage = new Map(snapshot.images.map((image) => [image.reference, imagePageUrl(image.reference)]));
  const releaseJson = new Map(snapshot.releases.map((release) => [release.id, releaseJsonFile(release.id)]));
  const traced = snapshot.images.filter((image): image is Image & { trace: NonNullable<Image["trace"]> } => image.trace !== null);
  const artifactJson = new Map(traced.map((image) => [image.reference, artifactJsonFile(image.reference)]));
  const reports = snapshot.releases.map(releaseReportFiles);
  const releaseDiffJson = new Map(snapshot.releases.map((release) => [release.id, releaseDiffJsonFile(release.id)]));

  const pages: PageRoute[] = [
    { url: SITE_PAGES.index, kind: "index", entityId: "" },
    { url: SITE_PAGES.images, kind: "images", entityId: "" },
    { url: SITE_PAGES.notFound, kind: "not-found", entityId: "" },
    { url: SITE_PAGES.about, kind: "about", entityId: "" },
    { url: SITE_PAGES.validation, kind: "validation", entityId: "" },
    ...snapshot.releases.map((release) => ({ url: releasePage.get(release.id) ?? "", kind: "release" as const, entityId: release.id })),
    ...snapshot.images.map((image) => ({ url: imagePage.get(image.reference) ?? "", kind: "image" as const, entityId: image.reference })),
  ];

  const json: JsonRoute[] = [
    { route: RELEASES_ROUTE, query: {}, file: `${RELEASES_DIR}/index.json`, body: { kind: "release-list" as const, releaseIds: snapshot.releases.map((r) => r.id) } },
    ...snapshot.releases.map((release) => ({
      route: `${RELEASES_ROUTE}/${release.id}`,
      query: {},
      file: releaseJson.get(release.id) ?? "",
      body: { kind: "release" as const, releaseId: release.id },
    })),
    ...filteredLists(snapshot.releases),
    ...snapshot.releases.map((release) => ({
      route: `${RELEASE_DIFF_ROUTE}/${release.id}`,
      query: {},
      file: releaseDiffJson.get(release.id) ?? "",
      body: { kind: "release-diff" as const, releaseId: release.id },
    })),
    ...traced.map((image) => ({
      route: ARTIFACT_ROUTE,
      query: { image: image.reference },
      file: artifactJson.get(image.reference) ?? "",
      body: { kind: "artifact" as const, reference: image.reference },
    })),
  ].sort((a, b) => byCodePoint(a.file, b.file));

  assertUniqueAndSafe([...pages.map((page) => page.url), ...json.map((route) => route.file), ...reports.flatMap((report) => [report.html, report.md])]);
  const releaseReports = new Map(reports.map((report) => [report.releaseId, report]));
  return { pages, json, releasePage, imagePage, releaseJson, artifactJson, reports, releaseReports, releaseDiffJson };
}

/**
 * The four query shapes the Zadig portal sends, with the API's semantics: exact, case-sensitive, ANDed;
 * serviceName matches a deploy row's service name before the "/". Releases keep the list's newest-first order.
 */
function filteredLists(releases: readonly Release[]): JsonRoute[] {
  const groups = new Map<string, { query: Record<string, string>; file: string; ids: string[] }>();
  const add = (query: Record<string, string>, readable: string, id: string) => {
    const file = queryFile(readable, query);
    const group = groups.get(file) ?? { query, file, ids: [] };
    group.ids.push(id);
    groups.set(file, group);
  };
  for (const release of releases) {
    const project = `${RELEASES_DIR}/project/${segment(release.project)}`;
    const workflow = `${project}/workflow/${segment(release.workflow)}`;
    const p = { projectName: release.project };
    const pw = { ...p, workflowName: release.workflow };
    add(p, `${project}/index.json`, release.id);
    add(pw, `${workflow}/index.json`, release.id);
    add({ ...pw, taskId: String(release.taskId) }, `${workflow}/task/${segment(String(release.taskId))}.json`, release.id);
    for (const service of release.serviceNames) {
      add({ ...p, serviceName: service }, `${project}/service/${segment(service)}.json`, release.id);
    }
  }
  return [...groups.values()].map((group) => ({
    route: RELEASES_ROUTE,
    query: group.query,
    file: group.file,
    body: { kind: "release-list" as const, releaseIds: group.ids },
  }));
}

function assertUniqueAndSafe(paths: readonly string[]): void {
  const seen = new Set<string>();
  for (const path of paths) {
    const folded = path.toLowerCase();
    if (seen.has(folded)) throw new Error(`route table: two outputs share the path ${path}`);
    if (!isSafeRelativePath(path)) throw new Error(`route table: unsafe output path ${path}`);
    seen.add(folded);
  }
}
