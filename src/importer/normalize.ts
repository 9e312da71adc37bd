import { byCodePoint } from "../model/compare.js";
import type { Activity as ActivityInput, Artifact, ActivityCommit } from "../schemas/artifact.js";
import type { BuildRow, Commit as CommitInput, DeployRow, DistributeRow, ReleaseItem, SecurityRow, TestReport as TestReportInput } from "../schemas/release.js";
import type {
  Activity,
  ArtifactTrace,
  Build,
  Commit,
  Deploy,
  Distribution,
  Environment,
  RawRecord,
  Release,
  SecurityStat,
  TestReport,
} from "../model/types.js";

/** The release model from one validated (and redacted) export record: defaults filled, names derived. */
export function toRelease(item: ReleaseItem, raw: RawRecord, sourceFile: string): Release {
  const info = item.versionInfo;
  const deploys = (item.deployInfo ?? []).map(toDeploy);
  const builds = (item.buildInfo ?? []).map(toBuild);
  const environment = info.productEnvInfo ? toEnvironment(info.productEnvInfo) : null;
  return {
    id: info.id.toLowerCase(),
    version: info.version,
    project: info.productName,
    workflow: info.workflowName,
    workflowDisplayName: info.workflowDisplayName ?? "",
    taskId: info.taskId,
    type: info.type ?? "",
    status: info.status ?? "",
    description: info.desc ?? "",
    labels: info.labels ?? [],
    createdBy: info.createdBy,
    createdAt: info.created_at,
    environment,
    deploys,
    builds,
    tests: (item.testInfo ?? []).flatMap((row) => (row.testReports ?? []).map(toTestReport)),
    distributions: (item.distributeInfo ?? []).map(toDistribution),
    security: (item.securityStatsInfo ?? []).map(toSecurityStat),
    orderedServices: item.deployInfo?.[0]?.orderedServices ?? [],
    serviceNames: distinctSorted(deploys.map((deploy) => deploy.service)),
    imageRefs: distinctSorted([
      ...deploys.flatMap((deploy) => (deploy.image ? [deploy.image] : [])),
      ...(environment?.groups ?? []).flat().flatMap((service) => service.containers.map((container) => container.image)),
      ...builds.map((build) => build.imageName),
    ].filter((ref) => ref !== "")),
    raw,
    sourceFile,
  };
}

/** Zadig rewrites `serviceName` to "<service>/<container>" in responses; the filter key is the part before. */
export function rawServiceName(serviceName: string, containerName: string): string {
  const suffix = `/${containerName}`;
  return containerName !== "" && serviceName.endsWith(suffix) ? serviceName.slice(0, -suffix.length) : serviceName;
}

function toDeploy(row: DeployRow): Deploy {
  return {
    service: rawServiceName(row.serviceName, row.containerName),
    container: row.containerName,
    image: row.image ? row.image : null,
    yaml: row.yamlContents ?? [],
    startTime: row.start_time ?? null,
    endTime: row.end_time ?? null,
  };
}

function toEnvironment(env: NonNullable<ReleaseItem["versionInfo"]["productEnvInfo"]>): Environment {
  return {
    name: env.env_name ?? "",
    namespace: env.namespace ?? "",
    registryId: env.registry_id ?? "",
    groups: (env.services ?? []).map((group) =>
      (group ?? []).map((service) => ({
        name: service.service_name,
        type: service.type ?? "",
        containers: (service.containers ?? []).map((container) => ({ name: container.name, image: container.image ?? "" })),
      })),
    ),
    vars: (env.vars ?? []).map((kv) => ({
      key: kv.key ?? "",
      value: kv.value ?? "",
      alias: kv.alias ?? "",
      services: kv.services ?? [],
    })),
  };
}

function toBuild(row: BuildRow): Build {
  return {
    service: row.serviceName,
    imageName: row.imageName ?? "",
    commits: (row.commits ?? []).map(toCommit),
    issues: (row.issues ?? []).map((issue) => ({
      key: issue.key ?? "",
      summary: issue.summary ?? "",
      url: issue.url ?? "",
      priority: issue.priority ?? "",
      assignee: issue.assignee ?? "",
      reporter: issue.reporter ?? "",
    })),
    packageFile: row.packageInfo
      ? {
          name: row.packageInfo.packageFileName ?? "",
          location: row.packageInfo.packageFileLocation ?? "",
          storageUri: row.packageInfo.packageStorageUri ?? "",
        }
      : null,
    startTime: row.start_time ?? null,
    endTime: row.end_time ?? null,
  };
}

export function toCommit(commit: CommitInput | ActivityCommit): Commit {
  return {
    source: commit.source ?? "",
    address: commit.address ?? "",
    owner: commit.repo_owner ?? "",
    repo: commit.repo_name ?? "",
    branch: commit.branch ?? "",
    tag: commit.tag ?? "",
    pr: commit.pr ? commit.pr : null,
    commitId: commit.commit_id ?? "",
    message: commit.commit_message ?? "",
    author: commit.author_name ?? "",
  };
}

function toTestReport(report: TestReportInput): TestReport {
  const suite = report.testSuite;
  return {
    name: report.testName ?? "",
    workflow: report.workflowName ?? "",
    taskId: report.taskId ?? 0,
    resultPath: report.testResultPath ?? "",
    suite: suite
      ? { tests: suite.tests ?? 0, failures: suite.failures ?? 0, errors: suite.errors ?? 0, skips: suite.skips ?? 0, time: suite.time ?? 0 }
      : null,
    performance: (report.performanceTestSuite ?? []).map((row) => ({
      label: row.label ?? "",
      samples: row.samples ?? "",
      average: row.average ?? "",
      min: row.min ?? "",
      max: row.max ?? "",
      line: row.line ?? "",
      stdDev: row.stdDev ?? "",
      error: row.error ?? "",
      throughput: row.throughput ?? "",
    })),
  };
}

function toDistribution(row: DistributeRow): Distribution {
  return {
    type: row.distributeType ?? "",
    service: row.serviceName ?? "",
    target: row.registryName ?? "",
    namespace: row.namespace ?? "",
    packageFile: row.packageFile ?? "",
    chartName: row.chartName ?? "",
    chartVersion: row.chartVersion ?? "",
    chartRepoName: row.chartRepoName ?? "",
    children: (row.subDistributes ?? []).map(toDistribution),
  };
}

function toSecurityStat(row: SecurityRow): SecurityStat {
  const counts = row.deliverySecurityStatsInfo;
  return {
    imageName: row.imageName ?? "",
    imageId: row.imageId ?? "",
    total: counts?.total ?? 0,
    critical: counts?.critical ?? 0,
    high: counts?.high ?? 0,
    medium: counts?.medium ?? 0,
    low: counts?.low ?? 0,
    negligible: counts?.negligible ?? 0,
    unknown: (counts?.unknown ?? 0) + (counts?.unkown ?? 0),
  };
}

/** The key an artifact trace is looked up by: its exact `image` string, or its name for file artifacts without one. */
export function artifactKey(artifact: Artifact): string {
  return artifact.image !== undefined && artifact.image !== "" ? artifact.image : artifact.name;
}

export function toArtifactTrace(artifact: Artifact, raw: RawRecord, sourceFile: string): ArtifactTrace {
  return {
    name: artifact.name,
    type: artifact.type,
    source: artifact.source,
    tag: artifact.image_tag,
    digest: artifact.image_digest ?? "",
    size: artifact.image_size ?? null,
    architecture: artifact.architecture ?? "",
    os: artifact.os ?? "",
    createdBy: artifact.created_by,
    createdTime: artifact.created_time,
    packageLocation: artifact.package_file_location ?? "",
    packageStorageUri: artifact.package_storage_uri ?? "",
    activities: [...(artifact.activities ?? [])].map(toActivity).sort((a, b) => b.createdTime - a.createdTime),
    raw,
    sourceFile,
  };
}

function toActivity(activity: ActivityInput): Activity {
  return {
    type: activity.type,
    createdBy: activity.created_by,
    createdTime: activity.created_time,
    startTime: activity.start_time ?? null,
    endTime: activity.end_time ?? null,
    url: activity.url ?? "",
    content: activity.content ?? "",
    namespace: activity.namespace ?? "",
    envName: activity.env_name ?? "",
    commits: (activity.commits ?? []).map(toCommit),
    issues: activity.issues ?? [],
  };
}

function distinctSorted(values: readonly string[]): string[] {
  return [...new Set(values)].sort(byCodePoint);
}
