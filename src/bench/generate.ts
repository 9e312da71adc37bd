import { createRandom, deriveSeed, type Random } from "./random.js";

// Deterministic synthetic Zadig delivery-center export (releases list + artifact traces) for benchmarks.
// Shapes follow /work/shared/zadig-data-model.md: §A (ReleaseInfo, v1.7 and v1.8+) and §B (artifact trace).

export interface GenerateOptions {
  readonly releases: number;
  readonly images: number;
  readonly seed: number;
}

export interface ExportFile {
  /** Relative, "/"-separated: `releases/<project>-<nnnn>.json` or `artifacts/<nnnnn>.json`. */
  readonly path: string;
  /** 2-space JSON with a trailing newline. */
  readonly body: string;
}

export const RELEASES_PER_FILE = 500;
/** Each release deploys 1–10 services, one image each, so `images` may be at most 10 × `releases`. */
export const MAX_SERVICES_PER_RELEASE = 10;
export const REGISTRY = "registry.example.com";
export const MIN_YAML_BYTES = 2048;
export const MAX_YAML_BYTES = 20480;

const START = Date.UTC(2022, 0, 1) / 1000;
const END = Date.UTC(2026, 0, 1) / 1000 - 1;
const SPAN = END - START;
const V18_FROM = START + Math.floor(SPAN * 0.2); // earlier releases use the v1.7 shape (~20%)
const DISPLAY_NAME_FROM = START + Math.floor(SPAN * 0.55); // workflowDisplayName appears in v1.16
const WORKFLOW_V4_FROM = START + Math.floor(SPAN * 0.6);
const ZERO_ID = "000000000000000000000000";
const ARTIFACT_SHARE = 0.85;

/** Why an option set cannot be generated, or undefined when it can. */
export function checkGenerateOptions(options: GenerateOptions): string | undefined {
  const { releases, images, seed } = options;
  if (!Number.isSafeInteger(releases) || releases < 1) return `releases must be an integer >= 1, found ${releases}`;
  if (!Number.isSafeInteger(images) || images < 1) return `images must be an integer >= 1, found ${images}`;
  if (images > releases * MAX_SERVICES_PER_RELEASE) {
    return `images (${images}) must be at most ${MAX_SERVICES_PER_RELEASE} × releases (${releases * MAX_SERVICES_PER_RELEASE}): each release deploys at most ${MAX_SERVICES_PER_RELEASE} services`;
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) return `seed must be an integer from 0 to 4294967295, found ${seed}`;
  return undefined;
}

/**
 * Yields the export file by file (releases chunked ≤ 500 per project file, then one artifact trace per file),
 * so a large export never sits in memory as one string. Same options → byte-identical files.
 * @example for (const f of generateExportFiles({ releases: 10, images: 30, seed: 1 })) console.log(f.path)
 */
export function* generateExportFiles(options: GenerateOptions): Generator<ExportFile> {
  const problem = checkGenerateOptions(options);
  if (problem !== undefined) throw new RangeError(problem);
  const rng = createRandom(deriveSeed(options.seed, 1));
  const ctx: Context = { seed: options.seed, rng, nextId: createIdSource(rng), images: [], refs: new Set() };
  for (const project of planProjects(rng, options)) {
    let chunk: unknown[] = [];
    let fileNo = 0;
    for (const item of projectReleases(ctx, project)) {
      chunk.push(item);
      if (chunk.length === RELEASES_PER_FILE) {
        yield { path: releaseFilePath(project.name, ++fileNo), body: toJson(chunk) };
        chunk = [];
      }
    }
    if (chunk.length > 0) yield { path: releaseFilePath(project.name, ++fileNo), body: toJson(chunk) };
  }
  const width = Math.max(5, String(ctx.images.length).length);
  let artifactNo = 0;
  for (const image of ctx.images) {
    const artifact = artifactFor(ctx, image);
    if (artifact === undefined) continue;
    yield { path: `artifacts/${String(++artifactNo).padStart(width, "0")}.json`, body: toJson(artifact) };
  }
}

function releaseFilePath(project: string, n: number): string {
  return `releases/${project}-${String(n).padStart(4, "0")}.json`;
}

function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

// ---------------------------------------------------------------- world model

interface Context {
  readonly seed: number;
  readonly rng: Random;
  readonly nextId: (unixSeconds: number) => string;
  readonly images: ImageRecord[];
  readonly refs: Set<string>;
}

type Lang = "java" | "go" | "node" | "nginx";

interface Service {
  readonly index: number;
  readonly name: string;
  readonly container: string;
  readonly lang: Lang;
  readonly port: number;
  readonly repo: string;
  readonly group: number;
  /** The service's config file, reused by every release (a few lines vary per release). */
  readonly configLines: readonly string[];
  revision: number;
  current: ImageRecord | undefined;
}

interface Workflow {
  readonly name: string;
  readonly displayName: string;
  readonly envName: string;
  readonly namespace: string;
  readonly weight: number;
  nextTaskId: number;
  renderRevision: number;
}

interface Project {
  readonly name: string;
  readonly releaseCount: number;
  readonly imageCount: number;
  readonly services: readonly Service[];
  readonly workflows: readonly Workflow[];
  readonly users: readonly string[];
  readonly codehost: { readonly source: "github" | "gitlab"; readonly address: string; readonly id: number };
  readonly owner: string;
  readonly jiraKey: string;
  readonly varKeys: readonly string[];
  readonly registryId: string;
  readonly versionStyle: "semver" | "date";
}

interface ImageRecord {
  readonly index: number;
  readonly ref: string;
  readonly tag: string;
  readonly project: Project;
  readonly service: Service;
  readonly workflow: Workflow;
  readonly taskId: number;
  readonly createdBy: string;
  readonly buildStart: number;
  readonly buildEnd: number;
  readonly branch: string;
  readonly pr: number;
  tested: boolean;
}

const PROJECT_NAMES = [
  "mall", "payments", "logistics", "crm", "iot-hub", "data-platform", "user-center", "search", "ads",
  "live-stream", "billing", "risk-control", "warehouse", "messaging", "open-api", "devops-portal",
  "ai-lab", "finance", "hr-system", "edu-cloud", "media", "travel", "insurance", "gaming",
];
const SERVICE_NAMES = [
  "gateway", "auth", "user", "order", "payment", "cart", "inventory", "search", "notify", "report",
  "scheduler", "worker", "admin", "portal", "web", "api", "config", "audit", "coupon", "recommend",
  "upload", "nginx", "im", "settlement",
];
const LANG_PORT: Readonly<Record<Lang, number>> = { java: 8080, go: 8000, node: 3000, nginx: 80 };
const USERS = [
  "admin", "alice", "bob", "chen.wei", "li.na", "wang.fang", "zhang.wei", "liu.yang", "devops-bot", "sre-oncall",
];
const AUTHORS = ["Alice Zhang", "bob", "chenwei", "李娜", "Wang Fang", "zhangwei", "Liu Yang", "dependabot[bot]"];
const SHARED_REPOS = ["common-lib", "proto", "deploy-charts", "frontend-assets"];
const WORKFLOW_KINDS = [
  { suffix: "workflow-dev", env: "dev", display: "开发环境工作流", weight: 45 },
  { suffix: "ops-workflow", env: "qa", display: "测试环境工作流", weight: 25 },
  { suffix: "release", env: "staging", display: "预发布工作流", weight: 18 },
  { suffix: "prod-deploy", env: "prod", display: "生产发布", weight: 12 },
];
const LABELS = ["release", "hotfix", "canary", "security", "feature", "rollback", "lts", "周版本", "紧急修复"];
const DESCRIPTIONS = [
  "", "routine release", "hotfix for order timeout", "本周迭代发布", "修复支付回调问题", "sprint delivery",
  "bump base image to fix CVEs", "性能优化与缺陷修复", "feature freeze build", "rollback candidate",
];
const COMMIT_MESSAGES = [
  "fix: handle nil pointer in handler", "feat: add coupon expiry check", "chore: bump dependencies",
  "refactor: split payment client", "修复库存扣减并发问题", "优化查询性能", "Merge branch 'develop' into main",
  "fix(api): return 404 for unknown id", "feat: support batch export", "docs: update README", "test: add e2e cases",
  "perf: cache user profile lookups",
];
const WORDS = [
  "alpha", "beacon", "cobalt", "delta", "ember", "falcon", "garnet", "harbor", "iris", "jade", "kepler",
  "lumen", "meadow", "nimbus", "orbit", "prism", "quartz", "raven", "sierra", "tundra", "umber", "vertex",
];

function planProjects(rng: Random, options: GenerateOptions): Project[] {
  const count = Math.min(20, options.releases, options.images);
  const names = rng.sample(PROJECT_NAMES, count);
  const weights = names.map(() => rng.pick([1, 1, 2, 2, 3, 3, 4, 5, 6, 8, 10]));
  const releaseCounts = apportion(options.releases, weights, names.map(() => 1), names.map(() => Infinity));
  const imageCounts = apportion(
    options.images,
    releaseCounts,
    names.map(() => 1),
    releaseCounts.map((r) => r * MAX_SERVICES_PER_RELEASE),
  );
  return names.map((name, i) => {
    const releaseCount = releaseCounts[i] ?? 1;
    const imageCount = imageCounts[i] ?? 1;
    const serviceCount = Math.max(rng.int(4, 16), Math.ceil(imageCount / releaseCount));
    const groups = rng.int(1, 3);
    const services = rng.sample(SERVICE_NAMES, serviceCount).map((svc, index): Service => {
      const configRng = createRandom(deriveSeed(options.seed, 5, i, index));
      const lang: Lang = svc === "nginx" || svc === "web" || svc === "portal" ? rng.pick(["nginx", "node"] as const) : rng.pick(["java", "java", "go", "go", "node"] as const);
      return {
        index,
        name: svc,
        container: rng.chance(0.7) ? svc : `${svc}-${rng.pick(["server", "app", "svc", "core"])}`,
        lang,
        port: LANG_PORT[lang],
        repo: rng.chance(0.5) ? svc : `${name}-${svc}`,
        group: svc === "gateway" || svc === "nginx" ? groups - 1 : rng.int(0, groups - 1),
        revision: rng.int(1, 5),
        current: undefined,
        configLines: configPool(configRng, lang),
      };
    });
    const workflows = WORKFLOW_KINDS.slice(0, rng.int(2, 4)).map((kind): Workflow => ({
      name: `${name}-${kind.suffix}`,
      displayName: `${name} ${kind.display}`,
      envName: kind.env,
      namespace: `${name}-env-${kind.env}`,
      weight: kind.weight,
      nextTaskId: rng.int(1, 40),
      renderRevision: rng.int(1, 10),
    }));
    const github = rng.chance(0.5);
    return {
      name,
      releaseCount,
      imageCount,
      services,
      workflows,
      users: rng.sample(USERS, rng.int(3, 6)),
      codehost: github
        ? { source: "github", address: "https://github.com", id: 1 }
        : { source: "gitlab", address: "https://gitlab.example.com", id: 2 },
      owner: rng.pick(["acme", "example-inc", `${name}-team`]),
      jiraKey: name.replace(/[^a-z]/g, "").slice(0, 4).toUpperCase(),
      varKeys: rng.sample(["NginxVersion", "customer", "replicas", "domain", "logLevel", "cpuLimit"], rng.int(0, 4)),
      registryId: rng.hex(24),
      versionStyle: rng.chance(0.75) ? "semver" : "date",
    };
  });
}

/** Splits `total` in proportion to `weights`, each part within [min, max]; deterministic. */
function apportion(total: number, weights: readonly number[], min: readonly number[], max: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const target = weights.map((w) => (total * w) / sum);
  const out = target.map((t, i) => Math.min(max[i] ?? Infinity, Math.max(min[i] ?? 0, Math.floor(t))));
  let diff = total - out.reduce((a, b) => a + b, 0);
  while (diff !== 0) {
    const up = diff > 0;
    let best = -1;
    let bestGap = -Infinity;
    for (let i = 0; i < out.length; i++) {
      const v = out[i] ?? 0;
      const t = target[i] ?? 0;
      const movable = up ? v < (max[i] ?? Infinity) : v > (min[i] ?? 0);
      const gap = up ? t - v : v - t;
      if (movable && gap > bestGap) {
        best = i;
        bestGap = gap;
      }
    }
    if (best < 0) throw new RangeError(`cannot split ${total} within the given bounds`);
    out[best] = (out[best] ?? 0) + (up ? 1 : -1);
    diff += up ? -1 : 1;
  }
  return out;
}

/** How many new images each release of a project introduces: sums to imageCount, first ≥ 1, each ≤ cap. */
function planFreshImages(rng: Random, releaseCount: number, imageCount: number, cap: number): Uint8Array {
  const fresh = new Uint8Array(releaseCount);
  fresh[0] = 1;
  for (let left = imageCount - 1; left > 0; left--) {
    let slot = -1;
    for (let tries = 0; tries < 8 && slot < 0; tries++) {
      const j = rng.int(0, releaseCount - 1);
      if ((fresh[j] ?? cap) < cap) slot = j;
    }
    if (slot < 0) {
      const from = rng.int(0, releaseCount - 1);
      for (let k = 0; k < releaseCount && slot < 0; k++) {
        const j = (from + k) % releaseCount;
        if ((fresh[j] ?? cap) < cap) slot = j;
      }
    }
    fresh[slot] = (fresh[slot] ?? 0) + 1;
  }
  return fresh;
}

function createIdSource(rng: Random): (unixSeconds: number) => string {
  const machine = rng.hex(6);
  let counter = rng.int(0, 0xffffff);
  // ObjectID-like: 4-byte time, then a per-run constant and a 40-bit counter, so ids never repeat.
  return (t) => `${(t >>> 0).toString(16).padStart(8, "0")}${machine}${(counter++).toString(16).padStart(10, "0")}`;
}

// ---------------------------------------------------------------- releases

function* projectReleases(ctx: Context, project: Project): Generator<Record<string, unknown>> {
  const { rng } = ctx;
  const cap = Math.min(MAX_SERVICES_PER_RELEASE, project.services.length);
  const fresh = planFreshImages(rng, project.releaseCount, project.imageCount, cap);
  const totalWeight = project.workflows.reduce((a, w) => a + w.weight, 0);
  const version = { major: rng.int(0, 2), minor: rng.int(0, 9), patch: 0 };
  let previous = START;
  for (let j = 0; j < project.releaseCount; j++) {
    const slot = Math.floor(((j + rng.next()) * SPAN) / project.releaseCount);
    const createdAt = Math.max(previous + 1, START + slot);
    previous = createdAt;
    let roll = rng.int(1, totalWeight);
    const workflow = project.workflows.find((w) => (roll -= w.weight) <= 0) ?? (project.workflows[0] as Workflow);
    const taskId = workflow.nextTaskId;
    workflow.nextTaskId += rng.int(1, 3);
    workflow.renderRevision += 1;
    bumpVersion(rng, version);
    const versionName =
      project.versionStyle === "semver"
        ? `${rng.chance(0.8) ? "v" : ""}${version.major}.${version.minor}.${version.patch}`
        : `release-${compactDate(createdAt).slice(0, 8)}-${j + 1}`;
    yield buildRelease(ctx, project, {
      createdAt,
      workflow,
      taskId,
      versionName,
      freshCount: fresh[j] ?? 0,
      cap,
    });
  }
}

function bumpVersion(rng: Random, v: { major: number; minor: number; patch: number }): void {
  if (rng.chance(0.1)) {
    v.minor += 1;
    v.patch = 0;
  } else if (rng.chance(0.02)) {
    v.major += 1;
    v.minor = 0;
    v.patch = 0;
  } else {
    v.patch += 1;
  }
}

interface ReleasePlan {
  readonly createdAt: number;
  readonly workflow: Workflow;
  readonly taskId: number;
  readonly versionName: string;
  readonly freshCount: number;
  readonly cap: number;
}

function buildRelease(ctx: Context, project: Project, plan: ReleasePlan): Record<string, unknown> {
  const { rng, nextId } = ctx;
  const { createdAt, workflow, taskId } = plan;
  const v17 = createdAt < V18_FROM;
  const releaseId = nextId(createdAt);
  const createdBy = rng.pick(project.users);

  // Which services this release deploys: new images first, then redeploys of current images.
  const freshServices = rng.sample(project.services, plan.freshCount);
  const freshSet = new Set(freshServices);
  const candidates = project.services.filter((s) => s.current !== undefined && !freshSet.has(s));
  const reuseWanted = plan.freshCount === 0 ? rng.int(1, 4) : rng.int(0, 4);
  const reused = rng.sample(candidates, Math.min(reuseWanted, plan.cap - plan.freshCount));
  const taskStart = createdAt - rng.int(1300, 3000); // all images of one task share its timestamp in their tag
  const newImages = freshServices.map((s) => newImage(ctx, project, s, workflow, taskId, createdBy, taskStart));
  for (const s of freshServices) {
    if (rng.chance(0.15)) s.revision += 1;
  }
  const deployed = [...freshServices, ...reused].sort((a, b) => a.index - b.index);

  const envServices = project.services.filter((s) => s.current !== undefined);
  const groups: Service[][] = [];
  for (const s of envServices) (groups[s.group] ??= []).push(s);
  const orderedGroups = groups.filter((g) => g !== undefined && g.length > 0);
  const orderedServices = orderedGroups.map((g) => g.map((s) => s.name));
  const render = { name: workflow.namespace, revision: workflow.renderRevision, product_tmpl: project.name, description: "" };

  const rowTime = createdAt + rng.int(0, 3);
  const deployInfo = deployed.map((s) => {
    const image = s.current as ImageRecord;
    const end = createdAt - rng.int(0, 4);
    return {
      id: nextId(rowTime),
      releaseId,
      serviceName: `${s.name}/${s.container}`,
      containerName: s.container,
      image: image.ref,
      registry_id: project.registryId,
      yamlContents: [renderManifest(rng, project, s, workflow, image, plan.versionName)],
      envs: [],
      orderedServices,
      start_time: end - rng.int(5, 120),
      end_time: end,
      created_at: rowTime,
      deleted_at: 0,
    };
  });
  const buildInfo = newImages.map((image) => buildRow(ctx, releaseId, rowTime, image));
  const testInfo = rng.chance(0.5) ? [testRow(ctx, project, workflow, taskId, releaseId, createdAt, rowTime)] : [];
  if (testInfo.length > 0) for (const image of newImages) image.tested = true;
  const distributeInfo = rng.chance(0.25) ? distributeRows(ctx, project, deployed, newImages, releaseId, rowTime, v17) : [];
  const securityStatsInfo = rng.chance(0.5) ? deployed.map((s) => securityRow(ctx, s.current as ImageRecord)) : [];

  const versionInfo: Record<string, unknown> = {
    id: releaseId,
    version: plan.versionName,
    productName: project.name,
    workflowName: workflow.name,
  };
  if (createdAt >= DISPLAY_NAME_FROM) versionInfo["workflowDisplayName"] = workflow.displayName;
  if (!v17) {
    versionInfo["type"] = "";
    versionInfo["status"] = "success";
  }
  versionInfo["taskId"] = taskId;
  versionInfo["desc"] = rng.pick(DESCRIPTIONS);
  versionInfo["labels"] = rng.chance(0.6) ? rng.sample(LABELS, rng.int(1, 2)) : [];
  versionInfo["productEnvInfo"] = rng.chance(0.03)
    ? null
    : productEnvInfo(rng, project, workflow, orderedGroups, render, v17);
  if (!v17) versionInfo["progress"] = null;
  versionInfo["createdBy"] = createdBy;
  versionInfo["created_at"] = createdAt;
  versionInfo["deleted_at"] = 0;

  const item: Record<string, unknown> = { versionInfo };
  const parts: [string, unknown[]][] = [
    ["buildInfo", buildInfo],
    ["deployInfo", deployInfo],
    ["testInfo", testInfo],
    ["distributeInfo", distributeInfo],
    ["securityStatsInfo", securityStatsInfo],
  ];
  // v1.7 always sends all six keys; v1.8+ omits empty arrays (omitempty).
  for (const [key, rows] of parts) if (v17 || rows.length > 0) item[key] = rows;
  return item;
}

function newImage(
  ctx: Context,
  project: Project,
  service: Service,
  workflow: Workflow,
  taskId: number,
  createdBy: string,
  taskStart: number,
): ImageRecord {
  const { rng } = ctx;
  const buildStart = taskStart + rng.int(5, 240);
  const buildEnd = buildStart + rng.int(30, 900);
  const branch = rng.pick(["main", "main", "master", "develop", `release-${rng.int(1, 9)}.x`, `feature-${rng.pick(WORDS)}`]);
  const pr = rng.chance(0.25) ? rng.int(1, 2400) : 0;
  let ref = "";
  let tag = "";
  for (let stamp = taskStart; ref === "" || ctx.refs.has(ref); stamp++) {
    tag = `${compactDate(stamp)}-${taskId}-${branch}${pr > 0 ? `-pr-${pr}` : ""}`;
    ref = `${REGISTRY}/${project.name}/${service.name}:${tag}`;
  }
  ctx.refs.add(ref);
  const image: ImageRecord = {
    index: ctx.images.length,
    ref,
    tag,
    project,
    service,
    workflow,
    taskId,
    createdBy,
    buildStart,
    buildEnd,
    branch,
    pr,
    tested: false,
  };
  ctx.images.push(image);
  service.current = image;
  return image;
}

function productEnvInfo(
  rng: Random,
  project: Project,
  workflow: Workflow,
  groups: readonly (readonly Service[])[],
  render: Record<string, unknown>,
  v17: boolean,
): Record<string, unknown> {
  const info: Record<string, unknown> = {
    id: ZERO_ID,
    product_name: project.name,
    create_time: 0,
    update_time: 0,
    namespace: workflow.namespace,
    status: "",
    revision: 0,
    enabled: false,
    env_name: workflow.envName,
    update_by: "",
    auth: [],
    visibility: "",
    services: groups.map((g) =>
      g.map((s) => ({
        service_name: s.name,
        product_name: project.name,
        type: "k8s",
        revision: s.revision,
        containers: [{ name: s.container, image: (s.current as ImageRecord).ref }],
        render,
      })),
    ),
    render,
    error: "",
  };
  if (project.varKeys.length > 0) {
    info["vars"] = project.varKeys.map((key) => ({
      key,
      value: rng.chance(0.4) ? "" : rng.pick(["1.21.6", "acme", "2", "example.com", "info", "500m"]),
      alias: `{{.${key}}}`,
      state: "present",
      services: rng.sample(project.services, rng.int(1, 3)).map((s) => s.name),
    }));
  }
  info["isPublic"] = false;
  info["roleIds"] = [];
  if (!v17) info["registry_id"] = project.registryId;
  info["recycle_day"] = 0;
  info["source"] = "";
  info["is_opensource"] = false;
  return info;
}

function buildRow(ctx: Context, releaseId: string, rowTime: number, image: ImageRecord): Record<string, unknown> {
  const details = buildDetails(ctx.seed, image);
  const { codehost } = image.project;
  return {
    id: ctx.nextId(rowTime),
    releaseId,
    serviceName: image.service.container,
    imageInfo: null,
    imageName: image.ref,
    packageInfo: details.packageFile === undefined
      ? null
      : {
          packageFileLocation: "file",
          packageFileName: details.packageFile,
          packageStorageUri: "https://s3.example.com/zadig-packages",
        },
    issues: details.issues,
    commits: details.commits.map((c, i) => ({
      source: codehost.source,
      repo_owner: c.repo_owner,
      repo_name: c.repo_name,
      remote_name: "origin",
      branch: c.branch,
      ...(c.pr > 0 ? { pr: c.pr } : {}),
      commit_id: c.commit_id,
      commit_message: c.commit_message,
      is_primary: i === 0,
      codehost_id: codehost.id,
      oauth_token: "",
      address: codehost.address,
      author_name: c.author_name,
    })),
    start_time: image.buildStart,
    end_time: image.buildEnd,
    created_at: rowTime,
    deleted_at: 0,
  };
}

interface Commit {
  readonly repo_owner: string;
  readonly repo_name: string;
  readonly branch: string;
  readonly pr: number;
  readonly commit_id: string;
  readonly commit_message: string;
  readonly author_name: string;
}

interface BuildDetails {
  readonly commits: readonly Commit[];
  readonly issues: readonly Record<string, string>[];
  readonly packageFile: string | undefined;
}

/** Commits, Jira issues and package of one image's build: a sub-stream, so release and artifact agree. */
function buildDetails(seed: number, image: ImageRecord): BuildDetails {
  const r = createRandom(deriveSeed(seed, 2, image.index));
  const { project } = image;
  const repos = [image.service.repo, ...r.sample(SHARED_REPOS, r.int(0, 2))];
  const commits = repos.map((repo, i) => ({
    repo_owner: project.owner,
    repo_name: repo,
    branch: i === 0 ? image.branch : "main",
    pr: i === 0 ? image.pr : 0,
    commit_id: r.hex(40),
    commit_message: r.pick(COMMIT_MESSAGES),
    author_name: r.pick(AUTHORS),
  }));
  const issues = r.chance(0.3)
    ? Array.from({ length: r.int(1, 3) }, () => {
        const key = `${project.jiraKey}-${r.int(1, 4000)}`;
        const issue: Record<string, string> = {
          id: String(r.int(10000, 99999)),
          key,
          url: `https://jira.example.com/browse/${key}`,
          summary: r.pick(["订单超时未关闭", "Login fails with SSO", "Export report is slow", "库存显示不准确", "Upgrade TLS config"]),
        };
        if (r.chance(0.4)) issue["description"] = "Steps to reproduce are in the linked ticket.";
        issue["priority"] = r.pick(["Highest", "High", "Medium", "Low"]);
        issue["creator"] = r.pick(project.users);
        issue["assignee"] = r.pick(project.users);
        issue["reporter"] = r.pick(project.users);
        return issue;
      })
    : [];
  const packageFile = r.chance(0.08) ? `${image.service.container}-${image.tag}.tar.gz` : undefined;
  return { commits, issues, packageFile };
}

function testRow(
  ctx: Context,
  project: Project,
  workflow: Workflow,
  taskId: number,
  releaseId: string,
  createdAt: number,
  rowTime: number,
): Record<string, unknown> {
  const { rng } = ctx;
  const names = rng.sample([`${project.name}-api-test`, `${project.name}-e2e`, `${project.name}-unit`, "smoke-test"], rng.int(1, 3));
  const reports = names.map((testName): Record<string, unknown> => {
    const tests = rng.int(5, 800);
    const failures = rng.chance(0.15) ? rng.int(1, Math.max(1, Math.floor(tests / 20))) : 0;
    const errors = rng.chance(0.05) ? rng.int(1, 3) : 0;
    const skips = rng.chance(0.3) ? rng.int(1, 20) : 0;
    const successes = Math.max(0, tests - failures - errors - skips);
    const end = createdAt - rng.int(30, 400);
    return {
      testResultPath: `${project.name}/${workflow.name}/${taskId}/test/${testName}`,
      workflowName: workflow.name,
      taskId: rng.int(1, 900),
      testName,
      testSuite: {
        tests,
        failures,
        ...(successes > 0 ? { successes } : {}),
        skips,
        errors,
        time: Math.round(rng.next() * 600_000) / 1000 + 0.001,
        system_out: "",
        system_err: "",
        testcase: [],
      },
      performanceTestSuite: [],
      start_time: end - rng.int(20, 600),
      end_time: end,
    };
  });
  if (rng.chance(0.15)) {
    const end = createdAt - rng.int(30, 400);
    reports.push({
      testResultPath: `${project.name}/${workflow.name}/${taskId}/test/${project.name}-perf-test`,
      workflowName: workflow.name,
      taskId: rng.int(1, 900),
      testName: `${project.name}-perf-test`,
      testSuite: null,
      performanceTestSuite: Array.from({ length: rng.int(1, 4) }, (_, i) => perfRow(rng, i)),
      start_time: end - rng.int(60, 1800),
      end_time: end,
    });
  }
  return { id: ctx.nextId(rowTime), releaseId, testReports: reports, created_at: rowTime, deleted_at: 0 };
}

function perfRow(rng: Random, i: number): Record<string, string> {
  const avg = rng.int(5, 900);
  return {
    label: i === 0 ? "TOTAL" : `GET /api/v1/${rng.pick(["orders", "users", "items", "search"])}`,
    samples: String(rng.int(100, 50000)),
    average: String(avg),
    min: String(rng.int(1, avg)),
    max: String(avg + rng.int(0, 5000)),
    line: String(avg + rng.int(0, 300)),
    stdDev: (rng.next() * 200).toFixed(2),
    error: `${(rng.chance(0.8) ? 0 : rng.next() * 5).toFixed(2)}%`,
    throughput: `${(rng.next() * 900 + 1).toFixed(1)}/sec`,
    receivedKb: (rng.next() * 3000).toFixed(2),
    avgByte: (rng.next() * 20000).toFixed(1),
  };
}

function distributeRows(
  ctx: Context,
  project: Project,
  deployed: readonly Service[],
  newImages: readonly ImageRecord[],
  releaseId: string,
  rowTime: number,
  v17: boolean,
): Record<string, unknown>[] {
  const { rng } = ctx;
  const rows: Record<string, unknown>[] = [];
  const times = (): Record<string, number> => {
    const end = rowTime - rng.int(0, 30);
    return { start_time: end - rng.int(3, 90), end_time: end, created_at: rowTime, deleted_at: 0 };
  };
  for (const s of rng.sample(deployed, rng.int(1, deployed.length))) {
    const image = s.current as ImageRecord;
    const base = { id: ctx.nextId(rowTime), releaseId, serviceName: s.container, distributeType: "image", registryName: image.ref, namespace: project.name };
    rows.push(
      v17
        ? { ...base, packageFile: "", remoteFileKey: "", destStorageUrl: "", srcStorageUrl: "", ...times() }
        : { ...base, s3StorageID: "", storageUrl: "", storageBucket: "", ...times() },
    );
  }
  for (const image of newImages) {
    const file = buildDetails(ctx.seed, image).packageFile;
    if (file === undefined) continue;
    const storage = {
      packageFile: file,
      remoteFileKey: `${project.name}/${image.service.container}/${file}`,
      destStorageUrl: "https://s3.example.com/releases",
      srcStorageUrl: "https://s3.example.com/zadig-packages",
    };
    const base = { id: ctx.nextId(rowTime), releaseId, serviceName: image.service.container, distributeType: "file", registryName: "" };
    rows.push(
      v17
        ? { ...base, namespace: "", ...storage, ...times() }
        : { ...base, ...storage, s3StorageID: rng.hex(24), storageUrl: "https://s3.example.com", storageBucket: "releases", ...times() },
    );
  }
  return rows;
}

function securityRow(ctx: Context, image: ImageRecord): Record<string, unknown> {
  const r = createRandom(deriveSeed(ctx.seed, 3, image.index));
  const counts = { critical: r.int(0, 3), high: r.int(0, 12), medium: r.int(0, 40), low: r.int(0, 80), negligible: r.int(0, 30) };
  const total = counts.critical + counts.high + counts.medium + counts.low + counts.negligible;
  return {
    imageName: image.ref,
    imageId: `sha256:${r.hex(64)}`,
    // Go struct order; `unkown` (sic) is always 0 upstream (data model §A.7).
    deliverySecurityStatsInfo: {
      total,
      unkown: 0,
      negligible: counts.negligible,
      low: counts.low,
      medium: counts.medium,
      high: counts.high,
      critical: counts.critical,
    },
  };
}

// ---------------------------------------------------------------- artifacts

interface Activity {
  readonly type: string;
  readonly created_time: number;
  readonly body: Record<string, unknown>;
}

function artifactFor(ctx: Context, image: ImageRecord): Record<string, unknown> | undefined {
  const r = createRandom(deriveSeed(ctx.seed, 4, image.index));
  if (!r.chance(ARTIFACT_SHARE)) return undefined;
  const { project, workflow } = image;
  const withIds = r.chance(0.5); // aslan's /artifacts/:id shape (api-docs sample) vs picket's public shape
  const id = ctx.nextId(image.buildEnd);
  const v4 = image.buildStart >= WORKFLOW_V4_FROM && r.chance(0.3);
  const url = v4
    ? `/v1/projects/detail/${project.name}/pipelines/custom/${workflow.name}/${image.taskId}?display_name=${encodeURIComponent(workflow.displayName)}`
    : `/v1/projects/detail/${project.name}/pipelines/multi/${workflow.name}/${image.taskId}`;
  const details = buildDetails(ctx.seed, image);
  const activity = (type: string, created_time: number, fields: Record<string, unknown>, created_by = image.createdBy): Activity => ({
    type,
    created_time,
    body: { ...(withIds ? { artifact_id: id } : {}), type, ...fields, created_by, created_time },
  });
  const activities: Activity[] = [
    activity("build", image.buildEnd + 2, {
      url,
      commits: details.commits.map((c) => ({
        address: project.codehost.address,
        source: project.codehost.source,
        repo_owner: c.repo_owner,
        repo_name: c.repo_name,
        branch: c.branch,
        ...(c.pr > 0 ? { pr: c.pr } : {}),
        commit_id: c.commit_id,
        commit_message: c.commit_message,
        author_name: c.author_name,
      })),
      ...(details.issues.length > 0 ? { issues: details.issues.map((i) => i["url"]) } : {}),
      start_time: image.buildStart,
      end_time: image.buildEnd,
    }),
  ];
  if (r.chance(0.3)) {
    activities.push(activity("deploy", image.buildEnd + 4, { url, namespace: workflow.namespace, env_name: workflow.envName }));
  }
  if (image.tested || r.chance(0.1)) {
    const start = image.buildEnd + r.int(5, 60);
    activities.push(activity("test", image.buildEnd + 6, { url, start_time: start, end_time: start + r.int(20, 900) }));
  }
  for (let n = r.chance(0.15) ? r.int(1, 3) : 0; n > 0; n--) {
    const content = r.pick(["已验证，可发布", "LGTM", "blocked by security scan, see ticket", "回滚候选版本", "promoted to staging"]);
    activities.push(activity("comment", image.buildEnd + r.int(600, 30 * 86400), { content }, r.pick(project.users)));
  }
  activities.sort((a, b) => b.created_time - a.created_time);
  const sorted: Record<string, unknown[]> = {};
  for (const type of [...new Set(activities.map((a) => a.type))].sort()) {
    sorted[type] = activities.filter((a) => a.type === type).map((a) => a.body);
  }
  const artifact: Record<string, unknown> = {
    ...(withIds ? { id } : {}),
    name: image.service.container,
    type: "image",
    source: v4 ? "workflow_v4" : "workflow",
    image: image.ref,
    image_tag: image.tag,
    image_digest: `sha256:${r.hex(64)}`,
  };
  if (r.chance(0.97)) artifact["image_size"] = r.int(8, 900) * 1_048_576 + r.int(0, 1_048_575);
  artifact["architecture"] = r.chance(0.9) ? "amd64" : "arm64";
  artifact["os"] = "linux";
  artifact["created_by"] = image.createdBy;
  artifact["created_time"] = image.buildEnd;
  artifact["activities"] = activities.map((a) => a.body);
  artifact["sortedActivities"] = sorted;
  return artifact;
}

// ---------------------------------------------------------------- manifests

const ENV_POOL: Readonly<Record<Lang, readonly (readonly [string, string])[]>> = {
  java: [
    ["SPRING_PROFILES_ACTIVE", "{env}"], ["JAVA_OPTS", "-Xms512m -Xmx1024m -XX:+UseG1GC -XX:MaxGCPauseMillis=200"],
    ["SERVER_PORT", "{port}"], ["SPRING_DATASOURCE_URL", "jdbc:mysql://mysql.{ns}.svc.cluster.local:3306/{svc}?useSSL=false&characterEncoding=utf8"],
    ["SPRING_REDIS_HOST", "redis.{ns}.svc.cluster.local"], ["NACOS_SERVER_ADDR", "nacos.infra.svc.cluster.local:8848"],
    ["MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE", "health,info,prometheus"],
  ],
  go: [
    ["GIN_MODE", "release"], ["PORT", "{port}"], ["DB_DSN", "{svc}:@tcp(mysql.{ns}.svc.cluster.local:3306)/{svc}?parseTime=true"],
    ["REDIS_ADDR", "redis.{ns}.svc.cluster.local:6379"], ["GOMAXPROCS", "2"], ["GRPC_PORT", "9000"],
  ],
  node: [
    ["NODE_ENV", "production"], ["PORT", "{port}"], ["API_BASE_URL", "http://gateway.{ns}.svc.cluster.local"],
    ["NODE_OPTIONS", "--max-old-space-size=768"], ["SESSION_STORE", "redis://redis.{ns}.svc.cluster.local:6379/2"],
  ],
  nginx: [
    ["NGINX_PORT", "{port}"], ["UPSTREAM_API", "http://gateway.{ns}.svc.cluster.local:8080"], ["NGINX_WORKER_PROCESSES", "auto"],
  ],
};
const COMMON_ENV: readonly (readonly [string, string])[] = [
  ["TZ", "Asia/Shanghai"], ["ENV_NAME", "{env}"], ["SERVICE_NAME", "{svc}"], ["LOG_LEVEL", "info"],
  ["OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector.observability.svc.cluster.local:4317"],
  ["JAEGER_AGENT_HOST", "jaeger-agent.observability.svc.cluster.local"], ["HTTP_TIMEOUT_SECONDS", "30"],
];
const CONFIG_SECTIONS = ["app", "feature", "cache", "db", "mq", "http", "rpc", "log", "job", "limit", "metrics", "security"];

function renderManifest(rng: Random, project: Project, s: Service, workflow: Workflow, image: ImageRecord, version: string): string {
  const target = rng.chance(0.7) ? rng.int(MIN_YAML_BYTES, 5120) : rng.int(5121, MAX_YAML_BYTES);
  const ns = workflow.namespace;
  const fill = (v: string): string =>
    v.replaceAll("{env}", workflow.envName).replaceAll("{port}", String(s.port)).replaceAll("{ns}", ns).replaceAll("{svc}", s.name);
  const useConfigMap = target > 4096 || rng.chance(0.2);
  const service = [
    "---", "apiVersion: v1", "kind: Service", "metadata:", `  name: ${s.name}`, `  namespace: ${ns}`, "  labels:",
    `    app: ${s.name}`, "    tier: backend", `    version: "${version}"`, "spec:",
    `  type: ${rng.chance(0.8) ? "ClusterIP" : "NodePort"}`, "  ports:", "  - name: http",
    `    port: ${s.port === 80 ? 80 : rng.pick([80, s.port])}`, `    targetPort: ${s.port}`, "    protocol: TCP",
    "  selector:", `    app: ${s.name}`, "    tier: backend", "",
  ].join("\n");
  const annotations = [
    `    deployment.kubernetes.io/revision: "${rng.int(1, 300)}"`,
    ...rng.sample([
      `    zadig.koderover.com/workflow: ${workflow.name}`,
      `    zadig.koderover.com/task-id: "${image.taskId}"`,
      `    owner: ${rng.pick(project.users)}`,
      `    description: ${s.name} service of ${project.name}`,
      `    configmap.reloader.stakater.com/reload: ${s.name}-config`,
    ], rng.int(0, 5)),
  ];
  const podAnnotations = rng.sample([
    '        prometheus.io/scrape: "true"', `        prometheus.io/port: "${s.port === 80 ? 9113 : s.port}"`,
    '        sidecar.istio.io/inject: "false"', `        checksum/config: ${rng.hex(64)}`,
    `        kubectl.kubernetes.io/restartedAt: "${new Date(image.buildEnd * 1000).toISOString()}"`,
  ], rng.int(0, 5));
  const head = [
    "---", "apiVersion: apps/v1", "kind: Deployment", "metadata:", `  name: ${s.name}`, `  namespace: ${ns}`,
    "  labels:", `    app: ${s.name}`, "    tier: backend", "  annotations:", ...annotations, "spec:",
    `  replicas: ${workflow.envName === "prod" ? rng.int(2, 6) : 1}`, "  revisionHistoryLimit: 10", "  strategy:",
    "    type: RollingUpdate", "    rollingUpdate:", "      maxSurge: 25%", "      maxUnavailable: 25%", "  selector:",
    "    matchLabels:", `      app: ${s.name}`, "      tier: backend", "  template:", "    metadata:", "      labels:",
    `        app: ${s.name}`, "        tier: backend", `        version: "${version}"`,
    ...(podAnnotations.length > 0 ? ["      annotations:", ...podAnnotations] : []),
    "    spec:", "      imagePullSecrets:", "      - name: default-registry-secret", "      containers:",
    `      - name: ${s.container}`, `        image: ${image.ref}`, "        imagePullPolicy: Always", "        ports:",
    `        - containerPort: ${s.port}`, "          name: http", "        env:", "",
  ].join("\n");
  const probe = (kind: string, delay: number): string[] => [
    `        ${kind}:`, "          httpGet:", `            path: ${s.lang === "java" ? "/actuator/health" : "/healthz"}`,
    `            port: ${s.port}`, `          initialDelaySeconds: ${delay}`, "          periodSeconds: 10", "          timeoutSeconds: 3",
    "          failureThreshold: 3",
  ];
  const tail = [
    "        resources:", "          limits:", `            cpu: ${rng.pick(["500m", "1", "2"])}`,
    `            memory: ${rng.pick(["512Mi", "1Gi", "2Gi"])}`, "          requests:", `            cpu: ${rng.pick(["100m", "200m", "250m"])}`,
    `            memory: ${rng.pick(["128Mi", "256Mi", "512Mi"])}`, ...probe("livenessProbe", 30), ...probe("readinessProbe", 10),
    ...(useConfigMap
      ? ["        volumeMounts:", "        - name: config", `          mountPath: /etc/${s.name}`, "          readOnly: true",
         "      volumes:", "      - name: config", "        configMap:", `          name: ${s.name}-config`]
      : []),
    "",
  ].join("\n");

  const envLines: string[] = [];
  const addEnv = (name: string, value: string): void => {
    envLines.push(`        - name: ${name}\n          value: ${JSON.stringify(fill(value))}\n`);
  };
  for (const [k, v] of rng.sample([...ENV_POOL[s.lang], ...COMMON_ENV], rng.int(3, 12))) addEnv(k, v);
  if (rng.chance(0.5)) {
    envLines.push(`        - name: DB_PASSWORD\n          valueFrom:\n            secretKeyRef:\n              name: ${s.name}-secrets\n              key: db-password\n`);
  }
  let size = service.length + head.length + tail.length + envLines.reduce((a, l) => a + l.length, 0);
  for (let n = 1; size < MIN_YAML_BYTES; n++) {
    const before = envLines.length;
    addEnv(`FEATURE_${rng.pick(WORDS).toUpperCase()}_${n}_ENABLED`, rng.chance(0.5) ? "true" : "false");
    size += envLines[before]?.length ?? 0;
  }
  const parts = [service, head, envLines.join(""), tail];
  if (useConfigMap) {
    const cmHead = [
      "---", "apiVersion: v1", "kind: ConfigMap", "metadata:", `  name: ${s.name}-config`, `  namespace: ${ns}`, "  labels:",
      `    app: ${s.name}`, "data:", `  ${s.lang === "nginx" ? "nginx.conf" : "application.yaml"}: |`, "",
    ].join("\n");
    // At least a few lines so the mounted ConfigMap is never empty; the base is far below the maximum.
    const pool = s.configLines;
    const changed = new Map<number, string>();
    for (let k = rng.int(0, 4); k > 0; k--) {
      const n = rng.int(0, pool.length - 1);
      changed.set(n, configLine(rng, s.lang, n));
    }
    const lines = [cmHead];
    size += cmHead.length;
    for (let n = 0; n < pool.length; n++) {
      const line = changed.get(n) ?? (pool[n] as string);
      if (size + line.length > (n < 3 ? MAX_YAML_BYTES : target)) break;
      lines.push(line);
      size += line.length;
    }
    parts.push(lines.join(""));
  }
  return parts.join("");
}

/** Enough config lines to fill the largest manifest. */
function configPool(rng: Random, lang: Lang): string[] {
  const lines: string[] = [];
  for (let size = 0, n = 0; size < MAX_YAML_BYTES; n++) {
    const line = configLine(rng, lang, n);
    lines.push(line);
    size += line.length;
  }
  return lines;
}

function configLine(rng: Random, lang: Lang, n: number): string {
  if (lang === "nginx") {
    return rng.chance(0.5)
      ? `    location /${rng.pick(WORDS)}/${n} { proxy_pass http://upstream_${rng.pick(WORDS)}; proxy_read_timeout ${rng.int(5, 120)}s; }\n`
      : `    add_header X-${rng.pick(WORDS)}-${n} "${rng.hex(8)}" always;\n`;
  }
  const key = `${rng.pick(CONFIG_SECTIONS)}.${rng.pick(WORDS)}.${rng.pick(WORDS)}${n}`;
  const value = rng.pick([String(rng.int(1, 65535)), "true", "false", `"${rng.pick(WORDS)}-${rng.hex(6)}"`, `${rng.int(1, 600)}s`]);
  return `    ${key}: ${value}\n`;
}

/** Unix seconds as UTC `YYYYMMDDhhmmss`, the timestamp prefix Zadig puts in image tags. */
function compactDate(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().replace(/[-:T]/g, "").slice(0, 14);
}
