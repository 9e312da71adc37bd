import type { Build, Commit, Distribution, EnvVar, Image, Release, Snapshot } from "../model/types.js";
import { byCodePoint } from "../model/compare.js";
import { commitLinks, relativeHref, safeHttpUrl } from "./links.js";
import { SITE_PAGES, type RouteTable } from "./routes.js";
import { releaseNeighbours, type Neighbours } from "../diff/neighbours.js";
import { releaseDiffOf } from "../diff/release-diffs.js";
import { suiteCounts } from "../diff/totals.js";
import { toDiffView, type DiffView } from "./diff-view.js";
import { lazyList, type LazyList } from "../util/lazy-list.js";

/** Everything a page template prints, with every link already made relative to that page. */
export interface PageBase {
  readonly url: string;
  /** Relative prefix from this page to the site root ("../../"), for the stylesheet and nav. */
  readonly root: string;
  readonly title: string;
}

export interface CommitView {
  readonly repoLabel: string;
  readonly repoHref: string | null;
  readonly branch: string;
  readonly branchHref: string | null;
  readonly tag: string;
  readonly shortId: string;
  readonly commitId: string;
  readonly commitHref: string | null;
  readonly pr: number | null;
  readonly prHref: string | null;
  readonly message: string;
  readonly author: string;
  readonly source: string;
}

export interface ImageLink {
  readonly reference: string;
  /** null in a single-file report, which links to no other file. */
  readonly href: string | null;
  readonly traced: boolean;
}

export interface ReleaseSummary {
  readonly href: string;
  readonly id: string;
  readonly version: string;
  readonly project: string;
  readonly workflow: string;
  readonly taskId: number;
  readonly status: string;
  readonly createdAt: number;
}

export interface ReleaseView extends PageBase {
  readonly release: Release;
  /** Links to the mirror JSON and the two reports; null in a single-file report (it names the paths instead). */
  readonly jsonHref: string | null;
  readonly jsonPath: string;
  readonly reportLinks: { readonly html: string; readonly md: string } | null;
  readonly diff: DiffView;
  readonly previous: ReleaseSummary | null;
  readonly next: ReleaseSummary | null;
  readonly environment: null | {
    readonly name: string;
    readonly namespace: string;
    readonly registryId: string;
    readonly groups: readonly { readonly order: number; readonly services: readonly { readonly name: string; readonly type: string; readonly containers: readonly { readonly name: string; readonly image: ImageLink | null }[] }[] }[];
    readonly vars: readonly EnvVar[];
  };
  readonly startupOrder: readonly { readonly order: number; readonly services: string }[];
  readonly deploys: readonly { readonly service: string; readonly container: string; readonly image: ImageLink | null; readonly yaml: readonly string[]; readonly startTime: number | null; readonly endTime: number | null }[];
  readonly builds: readonly { readonly service: string; readonly image: ImageLink | null; readonly commits: readonly CommitView[]; readonly issues: readonly { readonly key: string; readonly summary: string; readonly href: string | null; readonly priority: string; readonly assignee: string; readonly reporter: string }[]; readonly packageFile: Build["packageFile"]; readonly startTime: number | null; readonly endTime: number | null }[];
  readonly functionalTests: readonly { readonly name: string; readonly total: number; readonly executed: number; readonly passed: number; readonly failed: number; readonly errors: number; readonly skipped: number; readonly time: number; readonly resultPath: string }[];
  readonly performanceTests: readonly { readonly name: string; readonly rows: Release["tests"][number]["performance"] }[];
  readonly distributions: readonly DistributionView[];
  readonly security: readonly { readonly image: ImageLink | null; readonly imageName: string; readonly total: number; readonly critical: number; readonly high: number; readonly medium: number; readonly low: number; readonly negligible: number; readonly unknown: number }[];
  readonly images: readonly ImageLink[];
}

export interface DistributionView {
  readonly type: string;
  readonly service: string;
  readonly target: string;
  readonly image: ImageLink | null;
  readonly namespace: string;
  readonly packageFile: string;
  readonly chart: string;
  readonly children: readonly DistributionView[];
}

export interface ImageView extends PageBase {
  readonly image: Image;
  readonly jsonHref: string | null;
  readonly activities: readonly { readonly type: string; readonly createdBy: string; readonly createdTime: number; readonly startTime: number | null; readonly endTime: number | null; readonly url: string; readonly content: string; readonly namespace: string; readonly envName: string; readonly commits: readonly CommitView[]; readonly issues: readonly { readonly text: string; readonly href: string | null }[] }[];
  readonly releases: readonly (ReleaseSummary & { readonly environment: string; readonly namespace: string; readonly via: string; readonly service: string; readonly container: string })[];
}

export interface IndexRow extends ReleaseSummary {
  readonly labels: readonly string[];
  readonly services: readonly string[];
  readonly createdBy: string;
  readonly workflowDisplayName: string;
  /** Lower-cased text the search box matches against. */
  readonly search: string;
}

export interface IndexView extends PageBase {
  readonly rows: readonly IndexRow[];
  readonly projects: readonly string[];
  readonly workflows: readonly string[];
  readonly services: readonly string[];
  readonly labels: readonly string[];
  readonly imageCount: number;
}

export interface ImagesIndexView extends PageBase {
  readonly rows: readonly { readonly reference: string; readonly href: string; readonly traced: boolean; readonly releaseCount: number; readonly size: number | null; readonly createdTime: number | null }[];
}

export interface SiteViews {
  readonly index: IndexView;
  readonly images: ImagesIndexView;
  readonly notFound: PageBase;
  /** Made page by page as each is rendered (tens of thousands of views never sit in memory at once). */
  readonly releases: LazyList<ReleaseView>;
  readonly imagePages: LazyList<ImageView>;
}

/** Shapes the model into one view per page. Pure: the route table decides every path. */
export function toSiteViews(snapshot: Snapshot, routes: RouteTable): SiteViews {
  const neighbours = releaseNeighbours(snapshot.releases);
  return {
    index: toIndexView(snapshot, routes),
    images: toImagesIndexView(snapshot, routes),
    notFound: page(SITE_PAGES.notFound, "Not found"),
    releases: lazyList(snapshot.releases, (release) => toReleaseView(release, snapshot, routes, neighbours.get(release.id) ?? { previous: null, next: null })),
    imagePages: lazyList(snapshot.images, (image) => toImageView(image, snapshot, routes)),
  };
}

function page(url: string, title: string): PageBase {
  return { url, root: relativeHref(url, ""), title };
}

function summary(release: Release, from: string, routes: RouteTable): ReleaseSummary {
  return {
    href: relativeHref(from, routes.releasePage.get(release.id) ?? ""),
    id: release.id,
    version: release.version,
    project: release.project,
    workflow: release.workflow,
    taskId: release.taskId,
    status: release.status,
    createdAt: release.createdAt,
  };
}

function imageLink(reference: string, from: string, snapshot: Snapshot, routes: RouteTable): ImageLink | null {
  const target = routes.imagePage.get(reference);
  if (reference === "" || target === undefined) return null;
  return { reference, href: relativeHref(from, target), traced: snapshot.imagesByRef.get(reference)?.trace != null };
}

export function toCommitView(commit: Commit): CommitView {
  const links = commitLinks(commit);
  return {
    repoLabel: [commit.owner, commit.repo].filter((part) => part !== "").join("/"),
    repoHref: links.repo,
    branch: commit.branch,
    branchHref: links.branch,
    tag: commit.tag,
    shortId: commit.commitId.slice(0, 10),
    commitId: commit.commitId,
    commitHref: links.commit,
    pr: commit.pr,
    prHref: links.pr,
    message: commit.message,
    author: commit.author,
    source: commit.source,
  };
}

/**
 * One release as templates print it. "page" links relative to the release page; "report" (a single-file report)
 * links to no other file: image, JSON and release links are null, code-host and Jira links stay.
 */
export function toReleaseView(release: Release, snapshot: Snapshot, routes: RouteTable, neighbours: Neighbours, mode: "page" | "report" = "page"): ReleaseView {
  const url = routes.releasePage.get(release.id) ?? "";
  const standalone = mode === "report";
  const siteHref = (target: string | undefined) => (standalone || target === undefined ? null : relativeHref(url, target));
  const link = (reference: string) => {
    const found = imageLink(reference, url, snapshot, routes);
    return found === null || !standalone ? found : { ...found, href: null };
  };
  const jsonPath = routes.releaseJson.get(release.id) ?? "";
  const reports = routes.releaseReports.get(release.id);
  const diffJson = routes.releaseDiffJson.get(release.id) ?? "";
  const diff = releaseDiffOf(snapshot, release.id);
  if (diff === null) throw new Error(`views: release ${release.id} is not in the snapshot`);
  const env = release.environment;
  return {
    ...page(url, `${release.version} · ${release.project}`),
    release,
    jsonHref: siteHref(jsonPath),
    jsonPath,
    reportLinks: standalone || reports === undefined ? null : { html: relativeHref(url, reports.html), md: relativeHref(url, reports.md) },
    diff: toDiffView(diff, {
      image: link,
      release: (id) => siteHref(routes.releasePage.get(id)),
      commit: toCommitView,
      jsonPath: diffJson,
      jsonHref: siteHref(diffJson),
    }),
    previous: neighbours.previous === null ? null : summary(neighbours.previous, url, routes),
    next: neighbours.next === null ? null : summary(neighbours.next, url, routes),
    environment:
      env === null
        ? null
        : {
            name: env.name,
            namespace: env.namespace,
            registryId: env.registryId,
            groups: env.groups.map((group, index) => ({
              order: index + 1,
              services: group.map((service) => ({
                name: service.name,
                type: service.type,
                containers: service.containers.map((container) => ({ name: container.name, image: link(container.image) })),
              })),
            })),
            vars: env.vars,
          },
    startupOrder: release.orderedServices.map((group, index) => ({ order: index + 1, services: group.join(", ") })),
    deploys: release.deploys.map((deploy) => ({
      service: deploy.service,
      container: deploy.container,
      image: deploy.image === null ? null : link(deploy.image),
      yaml: deploy.yaml,
      startTime: deploy.startTime,
      endTime: deploy.endTime,
    })),
    builds: release.builds.map((build) => ({
      service: build.service,
      image: link(build.imageName),
      commits: build.commits.map(toCommitView),
      issues: build.issues.map((issue) => ({ ...issue, href: safeHttpUrl(issue.url) })),
      packageFile: build.packageFile,
      startTime: build.startTime,
      endTime: build.endTime,
    })),
    functionalTests: release.tests.flatMap((test) =>
      test.suite === null
        ? []
        : [
            {
              name: test.name,
              ...suiteCounts(test.suite),
              time: test.suite.time,
              resultPath: test.resultPath,
            },
          ],
    ),
    performanceTests: release.tests.filter((test) => test.performance.length > 0).map((test) => ({ name: test.name, rows: test.performance })),
    distributions: release.distributions.map((row) => toDistributionView(row, link)),
    security: release.security.map((row) => ({ ...row, image: link(row.imageName) })),
    images: release.imageRefs.flatMap((reference) => link(reference) ?? []),
  };
}

function toDistributionView(row: Distribution, link: (reference: string) => ImageLink | null): DistributionView {
  return {
    type: row.type,
    service: row.service,
    target: row.target,
    image: row.type === "image" ? link(row.target) : null,
    namespace: row.namespace,
    packageFile: row.packageFile,
    chart: [row.chartRepoName, row.chartName].filter((part) => part !== "").join("/") + (row.chartVersion === "" ? "" : ` ${row.chartVersion}`),
    children: row.children.map((child) => toDistributionView(child, link)),
  };
}

function toImageView(image: Image, snapshot: Snapshot, routes: RouteTable): ImageView {
  const url = routes.imagePage.get(image.reference) ?? "";
  const json = routes.artifactJson.get(image.reference);
  return {
    ...page(url, image.trace?.name ? `${image.trace.name}:${image.trace.tag}` : image.reference),
    image,
    jsonHref: json === undefined ? null : relativeHref(url, json),
    activities: (image.trace?.activities ?? []).map((activity) => ({
      ...activity,
      commits: activity.commits.map(toCommitView),
      issues: activity.issues.map((issue) => ({ text: issue, href: safeHttpUrl(issue) })),
    })),
    releases: image.uses.flatMap((use) => {
      const release = snapshot.releasesById.get(use.releaseId);
      return release === undefined
        ? []
        : [{ ...summary(release, url, routes), environment: use.environment, namespace: use.namespace, via: use.via, service: use.service, container: use.container }];
    }),
  };
}

function toIndexView(snapshot: Snapshot, routes: RouteTable): IndexView {
  const distinct = (values: Iterable<string>) => [...new Set(values)].filter((value) => value !== "").sort(byCodePoint);
  return {
    ...page(SITE_PAGES.index, "Releases"),
    rows: snapshot.releases.map((release) => ({
      ...summary(release, SITE_PAGES.index, routes),
      labels: release.labels,
      services: release.serviceNames,
      createdBy: release.createdBy,
      workflowDisplayName: release.workflowDisplayName,
      search: [release.version, release.project, release.workflow, release.workflowDisplayName, release.description, release.createdBy, ...release.labels, ...release.serviceNames, ...release.imageRefs]
        .join(" ")
        .toLowerCase(),
    })),
    projects: distinct(snapshot.releases.map((release) => release.project)),
    workflows: distinct(snapshot.releases.map((release) => release.workflow)),
    services: distinct(snapshot.releases.flatMap((release) => release.serviceNames)),
    labels: distinct(snapshot.releases.flatMap((release) => release.labels)),
    imageCount: snapshot.images.length,
  };
}

function toImagesIndexView(snapshot: Snapshot, routes: RouteTable): ImagesIndexView {
  return {
    ...page(SITE_PAGES.images, "Images"),
    rows: snapshot.images.map((image) => ({
      reference: image.reference,
      href: relativeHref(SITE_PAGES.images, routes.imagePage.get(image.reference) ?? ""),
      traced: image.trace !== null,
      releaseCount: new Set(image.uses.map((use) => use.releaseId)).size,
      size: image.trace?.size ?? null,
      createdTime: image.trace?.createdTime ?? null,
    })),
  };
}
