/**
 * One item of `GET /api/aslan/delivery/releases` (shared/zadig-data-model.md §A), v1.7 and v1.8+.
 *
 * Policy, so the schema accepts every Zadig version without hiding anything:
 * - every object is loose: fields Zadig adds later never fail and are kept;
 * - required = the fields the data model's "Implications for a zod schema" lists, plus the few a page
 *   cannot do without (a container's name and image, a service's name, a suite's counts…);
 * - an array that may be absent (Go `omitempty`, dropped by v1.8+ when empty) also accepts `null`;
 * - no transforms or defaults (`z.input` equals `z.output`); `normalize` fills in the blanks.
 */
import * as z from "zod";

import { Int, NonNegativeInt as Count, Text, UnixSeconds } from "./primitives.js";

const HexId = z.string().regex(/^[0-9a-fA-F]{24}$/, { error: "a 24-hex-digit id" });

export const RenderInfo = z.looseObject({
  name: Text,
  revision: Int.optional(),
  product_tmpl: Text,
  description: Text,
});
export type RenderInfo = z.infer<typeof RenderInfo>;

export const Container = z.looseObject({
  name: z.string(),
  image: z.string(),
  imagePath: z.looseObject({ repo: Text, image: Text, tag: Text }).nullish(),
});
export type Container = z.infer<typeof Container>;

export const ProductService = z.looseObject({
  service_name: z.string(),
  product_name: Text,
  type: Text,
  revision: Int.optional(),
  containers: z.array(Container).nullish(),
  render: RenderInfo.nullish(),
  env_configs: z
    .array(z.looseObject({ env_name: Text, host_ids: z.array(z.string()).nullish(), labels: z.array(z.string()).nullish() }))
    .nullish(),
});
export type ProductService = z.infer<typeof ProductService>;

/** An environment variable of the rendered environment. */
export const RenderKV = z.looseObject({
  key: z.string(),
  value: Text,
  alias: Text,
  state: Text,
  services: z.array(z.string()).nullish(),
});
export type RenderKV = z.infer<typeof RenderKV>;

export const RenderChart = z.looseObject({
  service_name: Text,
  chart_version: Text,
  values_yaml: Text,
  override_yaml: z.looseObject({ yaml_content: Text }).nullish(),
  override_values: Text,
});
export type RenderChart = z.infer<typeof RenderChart>;

/** `versionInfo.productEnvInfo`: the environment as it was when the version was created. */
export const ProductEnv = z.looseObject({
  id: Text,
  product_name: Text,
  env_name: z.string(),
  namespace: Text,
  create_time: UnixSeconds.optional(),
  update_time: UnixSeconds.optional(),
  status: Text,
  revision: Int.optional(),
  enabled: z.boolean().optional(),
  update_by: Text,
  auth: z.array(z.looseObject({ type: Text, name: Text, permissions: z.array(z.string()).nullish() })).nullish(),
  visibility: Text,
  /** Groups in startup order. */
  services: z.array(z.array(ProductService)).nullish(),
  render: RenderInfo.nullish(),
  error: Text,
  vars: z.array(RenderKV).nullish(),
  chart_infos: z.array(RenderChart).nullish(),
  isPublic: z.boolean().optional(),
  roleIds: z.array(Int).nullish(),
  cluster_id: Text,
  recycle_day: Int.optional(),
  source: Text,
  is_opensource: z.boolean().optional(),
  registry_id: Text,
  base_name: Text,
  is_existed: z.boolean().optional(),
  share_env: z.looseObject({ enable: z.boolean().optional(), is_base: z.boolean().optional(), base_env: Text }).nullish(),
  env_config_yamls: z.array(z.string()).nullish(),
});
export type ProductEnv = z.infer<typeof ProductEnv>;

/** Helm upload progress. v1.8–2.1 and v2.2+ name the fields differently; one object accepts both. */
export const VersionProgress = z.looseObject({
  successChartCount: Int.optional(),
  totalChartCount: Int.optional(),
  packageStatus: Text,
  successCount: Int.optional(),
  totalCount: Int.optional(),
  uploadStatus: Text,
  workflowStatus: z.array(z.unknown()).nullish(),
  error: Text,
});
export type VersionProgress = z.infer<typeof VersionProgress>;

export const VersionInfo = z.looseObject({
  id: HexId,
  version: z.string(),
  /** The project key (the API names it `productName`, not `projectName`). */
  productName: z.string(),
  workflowName: z.string(),
  workflowDisplayName: Text,
  taskId: Int,
  desc: Text,
  labels: z.array(z.string()).nullish(),
  productEnvInfo: ProductEnv.nullish(),
  createdBy: z.string(),
  created_at: UnixSeconds,
  deleted_at: UnixSeconds.optional(),
  type: Text,
  status: Text,
  progress: VersionProgress.nullish(),
});
export type VersionInfo = z.infer<typeof VersionInfo>;

export const JiraIssue = z.looseObject({
  id: Text,
  key: Text,
  url: Text,
  summary: z.string(),
  description: Text,
  priority: Text,
  creator: Text,
  assignee: Text,
  reporter: Text,
});
export type JiraIssue = z.infer<typeof JiraIssue>;

/** A build's code source (Go `types.Repository`). */
export const Commit = z.looseObject({
  source: Text,
  address: z.string(),
  repo_owner: z.string(),
  repo_name: z.string(),
  remote_name: Text,
  branch: z.string(),
  pr: Int.optional(),
  prs: z.array(Int).nullish(),
  tag: Text,
  commit_id: Text,
  commit_message: Text,
  author_name: Text,
  checkout_path: Text,
  checkout_ref: Text,
  submodules: z.boolean().optional(),
  use_default: z.boolean().optional(),
  is_primary: z.boolean().optional(),
  codehost_id: Int.optional(),
  project_uuid: Text,
  repo_uuid: Text,
  repo_id: Text,
  /** Secrets Zadig copies from the code host unmasked: accepted here, removed before any output. */
  oauth_token: Text,
  username: Text,
  password: Text,
});
export type Commit = z.infer<typeof Commit>;

const rowTimes = {
  start_time: UnixSeconds.optional(),
  end_time: UnixSeconds.optional(),
  created_at: UnixSeconds.optional(),
  deleted_at: UnixSeconds.optional(),
};

const rowIds = { id: Text, releaseId: Text };

export const BuildRow = z.looseObject({
  ...rowIds,
  ...rowTimes,
  /** The service module (container) name, e.g. `nginx-test`. */
  serviceName: z.string(),
  imageName: z.string(),
  imageInfo: z
    .looseObject({
      repoName: Text,
      tagName: Text,
      imageSize: Int.optional(),
      imageDigest: Text,
      author: Text,
      architecture: Text,
      dockerVersion: Text,
      os: Text,
      creationTime: Text,
      updateTime: Text,
    })
    .nullish(),
  packageInfo: z
    .looseObject({ packageFileLocation: Text, packageFileName: Text, packageStorageUri: Text })
    .nullish(),
  issues: z.array(JiraIssue).nullish(),
  commits: z.array(Commit).nullish(),
});
export type BuildRow = z.infer<typeof BuildRow>;

export const DeployRow = z.looseObject({
  ...rowIds,
  ...rowTimes,
  created_at: UnixSeconds,
  /** `"<service>/<container>"` when containerName is set, else the service. */
  serviceName: z.string(),
  containerName: z.string(),
  image: Text,
  registry_id: Text,
  /** One rendered YAML document stream per entry. */
  yamlContents: z.array(z.string()),
  envs: z.array(z.looseObject({ key: z.string(), value: z.string() })).nullish(),
  /** Service startup groups. */
  orderedServices: z.array(z.array(z.string())),
  real_service_name: Text,
  service_module: Text,
  image_name: Text,
});
export type DeployRow = z.infer<typeof DeployRow>;

export const TestSuite = z.looseObject({
  tests: Int,
  failures: Int,
  successes: Int.optional(),
  skips: Int,
  errors: Int,
  /** Seconds, fractional. */
  time: z.number().optional(),
  system_out: Text,
  system_err: Text,
  testcase: z.array(z.unknown()).nullish(),
});
export type TestSuite = z.infer<typeof TestSuite>;

/** One JMeter summary row; Zadig keeps every value as a string. */
export const PerformanceTestSuite = z.looseObject({
  label: Text,
  samples: Text,
  average: Text,
  min: Text,
  max: Text,
  line: Text,
  stdDev: Text,
  error: Text,
  throughput: Text,
  receivedKb: Text,
  avgByte: Text,
});
export type PerformanceTestSuite = z.infer<typeof PerformanceTestSuite>;

export const TestReport = z.looseObject({
  testName: z.string(),
  testResultPath: Text,
  workflowName: Text,
  taskId: Int.optional(),
  /** `null` for performance tests. */
  testSuite: TestSuite.nullish(),
  performanceTestSuite: z.array(PerformanceTestSuite).nullish(),
  start_time: UnixSeconds.optional(),
  end_time: UnixSeconds.optional(),
});
export type TestReport = z.infer<typeof TestReport>;

export const TestRow = z.looseObject({
  ...rowIds,
  ...rowTimes,
  testReports: z.array(TestReport).nullish(),
});
export type TestRow = z.infer<typeof TestRow>;

/**
 * A distribution target; helm chart rows nest their images in `subDistributes`.
 * Fields are written out, not spread: TS cannot infer the recursive getter next to spreads.
 */
export const DistributeRow = z.looseObject({
  id: Text,
  releaseId: Text,
  /** Open string: "image", "file", "chart" so far. */
  distributeType: z.string(),
  serviceName: Text,
  registryName: Text,
  namespace: Text,
  packageFile: Text,
  remoteFileKey: Text,
  destStorageUrl: Text,
  srcStorageUrl: Text,
  chartName: Text,
  chartVersion: Text,
  chartRepoName: Text,
  get subDistributes() {
    return z.array(DistributeRow).nullish();
  },
  s3StorageID: Text,
  storageUrl: Text,
  storageBucket: Text,
  image: Text,
  image_name: Text,
  service_module: Text,
  start_time: UnixSeconds.optional(),
  end_time: UnixSeconds.optional(),
  created_at: UnixSeconds.optional(),
  deleted_at: UnixSeconds.optional(),
});
export type DistributeRow = z.infer<typeof DistributeRow>;

export const SecurityRow = z.looseObject({
  imageName: z.string(),
  imageId: Text,
  deliverySecurityStatsInfo: z.looseObject({
    total: Count,
    critical: Count,
    high: Count,
    medium: Count,
    low: Count,
    negligible: Count.optional(),
    /** Zadig's spelling; always 0 because of it. */
    unkown: Count.optional(),
    unknown: Count.optional(),
  }),
});
export type SecurityRow = z.infer<typeof SecurityRow>;

/**
 * One release: the version and everything delivered with it.
 * @example ReleaseItem.safeParse(JSON.parse(text)[0]).success // true for any Zadig ≥ 1.7 list item
 */
export const ReleaseItem = z.looseObject({
  versionInfo: VersionInfo,
  buildInfo: z.array(BuildRow).nullish(),
  deployInfo: z.array(DeployRow).nullish(),
  testInfo: z.array(TestRow).nullish(),
  distributeInfo: z.array(DistributeRow).nullish(),
  securityStatsInfo: z.array(SecurityRow).nullish(),
});
export type ReleaseItem = z.infer<typeof ReleaseItem>;
