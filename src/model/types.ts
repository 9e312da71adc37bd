
/** The whole imported snapshot: plain read-only data, built once by `link`. */
export interface Snapshot {
  /** Newest first: created_at desc, then id desc. */
  readonly releases: readonly Release[];
  /** Sorted by reference. Every image named by a release or an exported artifact. */
  readonly images: readonly Image[];
  readonly releasesById: ReadonlyMap<string, Release>;
  readonly imagesByRef: ReadonlyMap<string, Image>;
}

export interface Release {
  readonly id: string;
  readonly version: string;
  readonly project: string;
  readonly workflow: string;
  readonly workflowDisplayName: string;
  readonly taskId: number;
  readonly type: string;
  readonly status: string;
  readonly description: string;
  readonly labels: readonly string[];
  readonly createdBy: string;
  readonly createdAt: number;
  readonly environment: Environment | null;
  readonly deploys: readonly Deploy[];
  readonly builds: readonly Build[];
  readonly tests: readonly TestReport[];
  readonly distributions: readonly Distribution[];
  readonly security: readonly SecurityStat[];
  /** Startup order from the first deploy row (Zadig stores it on every row). */
  readonly orderedServices: readonly (readonly string[])[];
  /** Distinct raw deploy service names (before the "/"), the API's serviceName filter key. */
  readonly serviceNames: readonly string[];
  /** Distinct image references named anywhere in the release. */
  readonly imageRefs: readonly string[];
  /** The export record as exported (key order kept), secrets removed: what the JSON mirror serves. */
  readonly raw: RawRecord;
  readonly sourceFile: string;
}

/** An exported record as the JSON mirror serves it; the import keeps it outside the model (src/importer/record-spill.ts). */
export interface RawRecord {
  /** The record as `JSON.stringify(record, null, 2)` writes it (key order as exported), without a trailing newline. */
  json(): string;
  /** Where another thread of this process can read the same text (the record files are written by a worker thread). */
  source(): RecordSource;
}

/** A record's text for another thread: a byte range of the import's open scratch file, or the text itself. */
export type RecordSource =
  | { readonly kind: "spill"; readonly fd: number; readonly file: string; readonly offset: number; readonly length: number }
  | { readonly kind: "text"; readonly text: string };

export interface Environment {
  readonly name: string;
  readonly namespace: string;
  readonly registryId: string;
  readonly groups: readonly (readonly EnvService[])[];
  readonly vars: readonly EnvVar[];
}

export interface EnvService {
  readonly name: string;
  readonly type: string;
  readonly containers: readonly { readonly name: string; readonly image: string }[];
}

export interface EnvVar {
  readonly key: string;
  readonly value: string;
  readonly alias: string;
  readonly services: readonly string[];
}

export interface Deploy {
  readonly service: string;
  readonly container: string;
  readonly image: string | null;
  readonly yaml: readonly string[];
  readonly startTime: number | null;
  readonly endTime: number | null;
}

export interface Build {
  readonly service: string;
  readonly imageName: string;
  readonly commits: readonly Commit[];
  readonly issues: readonly JiraIssue[];
  readonly packageFile: PackageFile | null;
  readonly startTime: number | null;
  readonly endTime: number | null;
}

export interface PackageFile {
  readonly name: string;
  readonly location: string;
  readonly storageUri: string;
}

export interface Commit {
  readonly source: string;
  readonly address: string;
  readonly owner: string;
  readonly repo: string;
  readonly branch: string;
  readonly tag: string;
  readonly pr: number | null;
  readonly commitId: string;
  readonly message: string;
  readonly author: string;
}

export interface JiraIssue {
  readonly key: string;
  readonly summary: string;
  readonly url: string;
  readonly priority: string;
  readonly assignee: string;
  readonly reporter: string;
}

export interface TestReport {
  readonly name: string;
  readonly workflow: string;
  readonly taskId: number;
  readonly resultPath: string;
  readonly suite: TestSuite | null;
  readonly performance: readonly PerformanceRow[];
}

export interface TestSuite {
  readonly tests: number;
  readonly failures: number;
  readonly errors: number;
  readonly skips: number;
  readonly time: number;
}

export interface PerformanceRow {
  readonly label: string;
  readonly samples: string;
  readonly average: string;
  readonly min: string;
  readonly max: string;
  readonly line: string;
  readonly stdDev: string;
  readonly error: string;
  readonly throughput: string;
}

export interface Distribution {
  readonly type: string;
  readonly service: string;
  readonly target: string;
  readonly namespace: string;
  readonly packageFile: string;
  readonly chartName: string;
  readonly chartVersion: string;
  readonly chartRepoName: string;
  readonly children: readonly Distribution[];
}

/** Vulnerability counts by severity, as a security scan reports them. */
export interface SecurityCounts {
  readonly total: number;
  readonly critical: number;
  readonly high: number;
  readonly medium: number;
  readonly low: number;
  readonly negligible: number;
  readonly unknown: number;
}

export interface SecurityStat extends SecurityCounts {
  readonly imageName: string;
  readonly imageId: string;
}

/** An image named somewhere in the snapshot. `trace` is null when no artifact trace was exported for it. */
export interface Image {
  readonly reference: string;
  readonly uses: readonly ImageUse[];
  readonly trace: ArtifactTrace | null;
}

/** Where a release names an image (reverse trace: image → release → environment). */
export interface ImageUse {
  readonly releaseId: string;
  readonly via: "deploy" | "environment" | "build";
  readonly service: string;
  readonly container: string;
  readonly environment: string;
  readonly namespace: string;
}

export interface ArtifactTrace {
  readonly name: string;
  readonly type: string;
  readonly source: string;
  readonly tag: string;
  readonly digest: string;
  readonly size: number | null;
  readonly architecture: string;
  readonly os: string;
  readonly createdBy: string;
  readonly createdTime: number;
  readonly packageLocation: string;
  readonly packageStorageUri: string;
  /** Newest first. */
  readonly activities: readonly Activity[];
  /** The exported trace as exported, secrets removed: what the JSON mirror serves. */
  readonly raw: RawRecord;
  readonly sourceFile: string;
}

export interface Activity {
  readonly type: string;
  readonly createdBy: string;
  readonly createdTime: number;
  readonly startTime: number | null;
  readonly endTime: number | null;
  readonly url: string;
  readonly content: string;
  readonly namespace: string;
  readonly envName: string;
  readonly commits: readonly Commit[];
  readonly issues: readonly string[];
}
