import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GEN_HELP, parseGenArgs } from "../../src/bench/gen-args.js";
import {
  checkGenerateOptions,
  generateExportFiles,
  MAX_YAML_BYTES,
  MIN_YAML_BYTES,
  type ExportFile,
  type GenerateOptions,
} from "../../src/bench/generate.js";
import { createRandom, deriveSeed } from "../../src/bench/random.js";
import { outputDirState, writeExport } from "../../src/bench/write-export.js";
import { Activity, ActivityCommit, Artifact } from "../../src/schemas/artifact.js";
import {
  BuildRow,
  Commit,
  DeployRow,
  DistributeRow,
  JiraIssue,
  ProductEnv,
  ProductService,
  ReleaseItem,
  SecurityRow,
  TestReport,
  TestRow,
  VersionInfo,
} from "../../src/schemas/release.js";

// Loose shapes of parsed output, read only through these helpers (the schemas are the real check).
type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => v as Obj;
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);
const str = (v: unknown): string => String(v);

interface Parsed {
  readonly files: ExportFile[];
  readonly releases: Obj[];
  readonly artifacts: Obj[];
  readonly releaseFiles: { path: string; items: Obj[] }[];
}

function generate(options: GenerateOptions): Parsed {
  const files = [...generateExportFiles(options)];
  const releaseFiles: { path: string; items: Obj[] }[] = [];
  const artifacts: Obj[] = [];
  for (const f of files) {
    const value: unknown = JSON.parse(f.body);
    if (f.path.startsWith("releases/")) releaseFiles.push({ path: f.path, items: arr(value) });
    else artifacts.push(obj(value));
  }
  return { files, releaseFiles, releases: releaseFiles.flatMap((f) => f.items), artifacts };
}

function digest(files: Iterable<ExportFile>): string {
  const h = createHash("sha256");
  for (const f of files) h.update(f.path).update("\0").update(f.body).update("\0");
  return h.digest("hex");
}

const deployImages = (releases: readonly Obj[]): string[] =>
  releases.flatMap((r) => arr(r["deployInfo"]).map((d) => str(d["image"])));

/** Every image reference written anywhere in the export. */
function allImageRefs(p: Parsed): Set<string> {
  const refs = new Set<string>();
  for (const r of p.releases) {
    const env = obj(obj(r["versionInfo"])["productEnvInfo"] ?? {});
    for (const group of arr(env["services"])) {
      for (const svc of arr(group)) for (const c of arr(svc["containers"])) refs.add(str(c["image"]));
    }
    for (const d of arr(r["deployInfo"])) refs.add(str(d["image"]));
    for (const b of arr(r["buildInfo"])) refs.add(str(b["imageName"]));
    for (const s of arr(r["securityStatsInfo"])) refs.add(str(s["imageName"]));
    for (const d of arr(r["distributeInfo"])) if (d["distributeType"] === "image") refs.add(str(d["registryName"]));
  }
  for (const a of p.artifacts) refs.add(str(a["image"]));
  return refs;
}

/** Keys present in `value` but not declared by the schema's shape (catches misspelt generator fields). */
function undeclared(value: Obj, shape: Record<string, unknown>): string[] {
  return Object.keys(value).filter((k) => !(k in shape));
}

const SMALL: GenerateOptions = { releases: 150, images: 420, seed: 42 };
const YAML_DOC = /^---\n/;

describe("createRandom", () => {
  it("repeats the same sequence for the same seed and differs for another seed", () => {
    const seq = (seed: number): number[] => {
      const r = createRandom(seed);
      return Array.from({ length: 20 }, () => r.int(0, 1_000_000));
    };
    expect(seq(7)).toEqual(seq(7));
    expect(seq(7)).not.toEqual(seq(8));
  });

  it("keeps int() within its inclusive bounds and reaches both ends", () => {
    const r = createRandom(3);
    const seen = new Set(Array.from({ length: 2000 }, () => r.int(-2, 2)));
    expect([...seen].sort()).toEqual([-1, -2, 0, 1, 2]);
    expect(() => r.int(5, 4)).toThrow(RangeError);
  });

  it("picks, samples distinct items, flips coins and writes hex", () => {
    const r = createRandom(9);
    expect(["a", "b", "c"]).toContain(r.pick(["a", "b", "c"]));
    expect(() => r.pick([])).toThrow(RangeError);
    const sample = r.sample([1, 2, 3, 4, 5, 6], 4);
    expect(new Set(sample).size).toBe(4);
    expect(r.sample([1, 2], 5)).toHaveLength(2);
    expect(r.hex(24)).toMatch(/^[0-9a-f]{24}$/);
    const heads = Array.from({ length: 4000 }, () => r.chance(0.25)).filter(Boolean).length;
    expect(heads / 4000).toBeGreaterThan(0.2);
    expect(heads / 4000).toBeLessThan(0.3);
  });

  it("derives different, stable sub-seeds", () => {
    expect(deriveSeed(1, 2, 3)).toBe(deriveSeed(1, 2, 3));
    expect(deriveSeed(1, 2, 3)).not.toBe(deriveSeed(1, 2, 4));
    expect(deriveSeed(1, 2, 3)).not.toBe(deriveSeed(2, 2, 3));
  });
});

describe("generateExportFiles", () => {
  let p: Parsed;
  beforeAll(() => {
    p = generate(SMALL);
  });

  it("gives byte-identical files for the same seed and different files for another seed", () => {
    expect(digest(generateExportFiles(SMALL))).toBe(digest(p.files));
    expect(digest(generateExportFiles({ ...SMALL, seed: 43 }))).not.toBe(digest(p.files));
  });

  it("writes 2-space JSON with a trailing newline in releases/ and artifacts/ files", () => {
    for (const f of p.files) {
      expect(f.path).toMatch(/^(releases\/[a-z-]+-\d{4}|artifacts\/\d{5})\.json$/);
      expect(f.body).toBe(`${JSON.stringify(JSON.parse(f.body), null, 2)}\n`);
    }
    expect(new Set(p.files.map((f) => f.path)).size).toBe(p.files.length);
  });

  it("writes exactly the requested number of releases, over about 20 projects of about 3 workflows", () => {
    expect(p.releases).toHaveLength(SMALL.releases);
    const projects = new Set(p.releases.map((r) => obj(r["versionInfo"])["productName"]));
    expect(projects.size).toBe(20);
    const workflows = new Set(p.releases.map((r) => obj(r["versionInfo"])["workflowName"]));
    expect(workflows.size).toBeGreaterThanOrEqual(40);
    expect(workflows.size).toBeLessThanOrEqual(80);
  });

  it("references exactly the requested number of distinct images from deploy rows, some in several releases", () => {
    const deployed = deployImages(p.releases);
    const distinct = new Set(deployed);
    expect(distinct.size).toBe(SMALL.images);
    expect(deployed.length).toBeGreaterThan(distinct.size);
    for (const ref of distinct) expect(ref).toMatch(/^registry\.example\.com\/[a-z-]+\/[a-z-]+:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/);
  });

  it("names no image outside that set anywhere (environments, builds, scans, distributions, artifacts)", () => {
    const distinct = new Set(deployImages(p.releases));
    expect([...allImageRefs(p)].filter((ref) => !distinct.has(ref))).toEqual([]);
  });

  it("deploys 1–10 services per release with serviceName \"<service>/<container>\"", () => {
    for (const r of p.releases) {
      const rows = arr(r["deployInfo"]);
      expect(rows.length).toBeGreaterThanOrEqual(1);
      expect(rows.length).toBeLessThanOrEqual(10);
      for (const d of rows) expect(str(d["serviceName"]).endsWith(`/${str(d["containerName"])}`)).toBe(true);
    }
  });

  it("gives every entity a unique 24-hex id and points child rows at their release", () => {
    const ids: string[] = [];
    for (const r of p.releases) {
      const releaseId = str(obj(r["versionInfo"])["id"]);
      ids.push(releaseId);
      for (const key of ["buildInfo", "deployInfo", "testInfo", "distributeInfo"]) {
        for (const row of arr(r[key])) {
          ids.push(str(row["id"]));
          expect(row["releaseId"]).toBe(releaseId);
        }
      }
    }
    for (const a of p.artifacts) {
      if (a["id"] === undefined) continue;
      ids.push(str(a["id"]));
      for (const act of arr(a["activities"])) expect(act["artifact_id"]).toBe(a["id"]);
    }
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{24}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("renders each deploy row's YAML as 2–20 KB of Service + Deployment (+ ConfigMap) naming the row's image", () => {
    const yamls = p.releases.flatMap((r) => arr(r["deployInfo"]).map((d) => ({ image: str(d["image"]), docs: d["yamlContents"] })));
    let withConfigMap = 0;
    for (const { image, docs } of yamls) {
      expect(Array.isArray(docs) && docs.length === 1).toBe(true);
      const yaml = str(Array.isArray(docs) ? docs[0] : "");
      const bytes = Buffer.byteLength(yaml);
      expect(bytes).toBeGreaterThanOrEqual(MIN_YAML_BYTES);
      expect(bytes).toBeLessThanOrEqual(MAX_YAML_BYTES);
      expect(yaml).toMatch(YAML_DOC);
      expect(yaml).toContain("kind: Service\n");
      expect(yaml).toContain("kind: Deployment\n");
      expect(yaml).toContain(`image: ${image}\n`);
      if (yaml.includes("kind: ConfigMap\n")) withConfigMap += 1;
    }
    expect(withConfigMap).toBeGreaterThan(yamls.length * 0.2);
    expect(withConfigMap).toBeLessThan(yamls.length * 0.8);
    expect(yamls.some(({ docs }) => Buffer.byteLength(str(Array.isArray(docs) ? docs[0] : "")) > 15_000)).toBe(true);
  });

  it("mixes the v1.7 shape (all six keys) with the v1.8+ shape (empty arrays omitted)", () => {
    const keys = ["buildInfo", "deployInfo", "testInfo", "distributeInfo", "securityStatsInfo"];
    let v17 = 0;
    for (const r of p.releases) {
      const info = obj(r["versionInfo"]);
      if ("status" in info) {
        for (const k of keys) if (k in r) expect(arr(r[k]).length).toBeGreaterThan(0);
        expect(info["progress"]).toBeNull();
      } else {
        v17 += 1;
        for (const k of keys) expect(Array.isArray(r[k])).toBe(true);
        const env = info["productEnvInfo"];
        if (env !== null) expect(obj(env)).not.toHaveProperty("registry_id");
      }
    }
    expect(v17 / p.releases.length).toBeGreaterThan(0.1);
    expect(v17 / p.releases.length).toBeLessThan(0.35);
  });

  it("fills builds, tests, scans, distributions, Jira issues and environments at realistic rates", () => {
    const share = (pred: (r: Obj) => boolean): number => p.releases.filter(pred).length / p.releases.length;
    expect(share((r) => arr(r["testInfo"]).length > 0)).toBeGreaterThan(0.35);
    expect(share((r) => arr(r["testInfo"]).length > 0)).toBeLessThan(0.65);
    expect(share((r) => arr(r["securityStatsInfo"]).length > 0)).toBeGreaterThan(0.35);
    expect(share((r) => arr(r["distributeInfo"]).length > 0)).toBeGreaterThan(0.1);
    expect(share((r) => arr(r["buildInfo"]).length === 0)).toBeGreaterThan(0);
    expect(share((r) => obj(r["versionInfo"])["productEnvInfo"] === null)).toBeLessThan(0.1);
    const builds = p.releases.flatMap((r) => arr(r["buildInfo"]));
    for (const b of builds) {
      const commits = arr(b["commits"]);
      expect(commits.length).toBeGreaterThanOrEqual(1);
      expect(commits.length).toBeLessThanOrEqual(3);
      for (const c of commits) {
        expect(c["oauth_token"]).toBe("");
        expect(["github", "gitlab"]).toContain(c["source"]);
      }
    }
    expect(builds.some((b) => arr(b["issues"]).length > 0)).toBe(true);
    const reports = p.releases.flatMap((r) => arr(r["testInfo"]).flatMap((t) => arr(t["testReports"])));
    expect(reports.some((t) => t["testSuite"] === null && arr(t["performanceTestSuite"]).length > 0)).toBe(true);
  });

  it("spreads created_at over 2022–2025, increasing within each project", () => {
    const byProject = new Map<string, number[]>();
    for (const r of p.releases) {
      const info = obj(r["versionInfo"]);
      const list = byProject.get(str(info["productName"])) ?? [];
      list.push(Number(info["created_at"]));
      byProject.set(str(info["productName"]), list);
    }
    for (const times of byProject.values()) {
      for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThan(times[i - 1] ?? 0);
      for (const t of times) {
        expect(t).toBeGreaterThanOrEqual(Date.UTC(2022, 0, 1) / 1000);
        expect(t).toBeLessThan(Date.UTC(2026, 0, 1) / 1000);
      }
    }
  });

  it("writes artifact traces for about 85% of the images, activities newest first and grouped by type", () => {
    const images = new Set(deployImages(p.releases));
    const traced = new Set(p.artifacts.map((a) => str(a["image"])));
    expect(traced.size).toBe(p.artifacts.length);
    expect(traced.size / images.size).toBeGreaterThan(0.78);
    expect(traced.size / images.size).toBeLessThan(0.92);
    for (const a of p.artifacts) {
      const acts = arr(a["activities"]);
      expect(acts[acts.length - 1]?.["type"]).toBe("build");
      const times = acts.map((x) => Number(x["created_time"]));
      expect(times).toEqual([...times].sort((x, y) => y - x));
      const sorted = obj(a["sortedActivities"]);
      expect(Object.keys(sorted)).toEqual([...new Set(acts.map((x) => str(x["type"])))].sort());
      for (const [type, list] of Object.entries(sorted)) expect(list).toEqual(acts.filter((x) => x["type"] === type));
      expect(str(a["image"]).endsWith(`:${str(a["image_tag"])}`)).toBe(true);
    }
  });

  it("produces release items and artifacts valid against the import schemas", () => {
    for (const [i, r] of p.releases.entries()) {
      const result = ReleaseItem.safeParse(r);
      expect(result.success, `release ${i}: ${result.error?.message ?? ""}`).toBe(true);
    }
    for (const [i, a] of p.artifacts.entries()) {
      const result = Artifact.safeParse(a);
      expect(result.success, `artifact ${i}: ${result.error?.message ?? ""}`).toBe(true);
    }
  });

  it("uses only field names the schemas declare", () => {
    const extra = new Set<string>();
    const check = (where: string, value: unknown, shape: Record<string, unknown>): void => {
      if (value === null || typeof value !== "object") return;
      for (const k of undeclared(obj(value), shape)) extra.add(`${where}.${k}`);
    };
    for (const r of p.releases) {
      const info = obj(r["versionInfo"]);
      check("versionInfo", info, VersionInfo.shape);
      check("productEnvInfo", info["productEnvInfo"], ProductEnv.shape);
      for (const g of arr(obj(info["productEnvInfo"] ?? {})["services"])) for (const s of arr(g)) check("service", s, ProductService.shape);
      for (const b of arr(r["buildInfo"])) {
        check("build", b, BuildRow.shape);
        for (const c of arr(b["commits"])) check("commit", c, Commit.shape);
        for (const j of arr(b["issues"])) check("issue", j, JiraIssue.shape);
      }
      for (const d of arr(r["deployInfo"])) check("deploy", d, DeployRow.shape);
      for (const t of arr(r["testInfo"])) {
        check("test", t, TestRow.shape);
        for (const rep of arr(t["testReports"])) check("report", rep, TestReport.shape);
      }
      for (const d of arr(r["distributeInfo"])) check("distribute", d, DistributeRow.shape);
      for (const s of arr(r["securityStatsInfo"])) check("security", s, SecurityRow.shape);
    }
    for (const a of p.artifacts) {
      check("artifact", a, Artifact.shape);
      for (const act of arr(a["activities"])) {
        check("activity", act, Activity.shape);
        for (const c of arr(act["commits"])) check("activityCommit", c, ActivityCommit.shape);
      }
    }
    expect([...extra]).toEqual([]);
  });

  it("chunks one project's releases into files of at most 500", () => {
    const one = generate({ releases: 1001, images: 1, seed: 5 });
    expect(one.releaseFiles.map((f) => [f.path.replace(/^releases\/[a-z-]+-/, ""), f.items.length])).toEqual([
      ["0001.json", 500],
      ["0002.json", 500],
      ["0003.json", 1],
    ]);
    expect(new Set(deployImages(one.releases)).size).toBe(1);
  });

  it.each([
    [1, 1],
    [1, 10],
    [3, 30],
    [7, 2],
    [400, 20],
  ])("honours the exact counts for %i releases and %i images", (releases, images) => {
    const g = generate({ releases, images, seed: 11 });
    expect(g.releases).toHaveLength(releases);
    expect(new Set(deployImages(g.releases)).size).toBe(images);
    expect(allImageRefs(g).size).toBe(images);
  });

  it("rejects counts it cannot honour", () => {
    expect(checkGenerateOptions({ releases: 2, images: 21, seed: 1 })).toMatch(/at most 10 × releases \(20\)/);
    expect(checkGenerateOptions({ releases: 0, images: 1, seed: 1 })).toMatch(/releases must be an integer >= 1/);
    expect(checkGenerateOptions({ releases: 1, images: 1, seed: -1 })).toMatch(/seed must be/);
    expect(() => [...generateExportFiles({ releases: 1, images: 11, seed: 1 })]).toThrow(RangeError);
  });
});

describe("parseGenArgs", () => {
  it("reads the four flags and defaults the seed to 1", () => {
    expect(parseGenArgs(["--releases", "10", "--images", "30", "--out", "x"])).toEqual({
      ok: true,
      help: false,
      options: { releases: 10, images: 30, seed: 1, out: "x" },
    });
    expect(parseGenArgs(["--releases=10", "--images=30", "--out=x", "--seed=0"])).toMatchObject({ ok: true, options: { seed: 0 } });
  });

  it("returns help for --help and -h even with other flags missing", () => {
    expect(parseGenArgs(["--help"])).toEqual({ ok: true, help: true });
    expect(parseGenArgs(["-h", "--releases", "x"])).toEqual({ ok: true, help: true });
  });

  it.each([
    [["--releases", "1", "--images", "1", "--out", "x", "--verbose"], 'Unknown option "--verbose". Run with --help for usage.'],
    [["--releases", "1", "--images", "1", "--out", "x", "extra"], 'Unexpected argument "extra". Run with --help for usage.'],
    [["--releases", "ten", "--images", "1", "--out", "x"], '--releases must be an integer, found "ten". Run with --help for usage.'],
    [["--releases", "1.5", "--images", "1", "--out", "x"], '--releases must be an integer, found "1.5". Run with --help for usage.'],
    [["--releases", "1", "--images", "1e3", "--out", "x"], '--images must be an integer, found "1e3". Run with --help for usage.'],
    [["--releases", "0", "--images", "1", "--out", "x"], "--releases must be at least 1, found 0. Run with --help for usage."],
    [["--releases", "1", "--images", "0", "--out", "x"], "--images must be at least 1, found 0. Run with --help for usage."],
    [["--releases", "1", "--images=-3", "--out", "x"], "--images must be at least 1, found -3. Run with --help for usage."],
    [
      ["--releases", "1", "--images", "-3", "--out", "x"],
      '--images is followed by a value starting with "-"; write --images=VALUE if that is meant as its value. Run with --help for usage.',
    ],
    [["--images", "1", "--out", "x"], "--releases is required. Run with --help for usage."],
    [["--releases", "1", "--images", "1"], "--out DIR is required. Run with --help for usage."],
    [["--releases", "1", "--images", "1", "--out", "x", "--seed", "4294967296"], "--seed must be from 0 to 4294967295, found 4294967296. Run with --help for usage."],
    [
      ["--releases", "2", "--images", "21", "--out", "x"],
      "--images (21) must be at most 10 × releases (20): each release deploys at most 10 services. Run with --help for usage.",
    ],
  ])("rejects %j with a one-line message", (argv, message) => {
    expect(parseGenArgs(argv)).toEqual({ ok: false, message });
    expect(message).not.toContain("\n");
  });

  it("rejects a flag given without its value", () => {
    const result = parseGenArgs(["--releases", "1", "--images", "1", "--out"]);
    expect(result.ok).toBe(false);
    expect(result).toEqual({ ok: false, message: "--out needs a value. Run with --help for usage." });
  });
});

describe("GEN_HELP", () => {
  it("documents every flag, the empty-directory rule, examples and exit codes", () => {
    for (const flag of ["--releases N", "--images M", "--out DIR", "--seed S", "--help"]) expect(GEN_HELP).toContain(flag);
    expect(GEN_HELP).toContain("must not exist yet or be empty");
    expect(GEN_HELP).toContain("npm run gen -- --releases 1000 --images 3000 --out bench-out/1k");
    expect(GEN_HELP).toContain("Exit codes: 0 written, 2 usage error");
  });
});

describe("writeExport and outputDirState", () => {
  const tmp = mkdtempSync(join(tmpdir(), "gen-write-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("writes every generated file and reports the file count and byte total", () => {
    const out = join(tmp, "w1");
    expect(outputDirState(out)).toBe("absent");
    const files = [...generateExportFiles({ releases: 5, images: 12, seed: 3 })];
    const summary = writeExport(out, files);
    expect(summary).toEqual({ files: files.length, bytes: files.reduce((n, f) => n + Buffer.byteLength(f.body), 0) });
    for (const f of files) expect(readFileSync(join(out, f.path), "utf8")).toBe(f.body);
    expect(outputDirState(out)).toBe("not-empty");
  });

  it("tells an empty directory from a file", () => {
    const empty = join(tmp, "empty");
    mkdirSync(empty);
    expect(outputDirState(empty)).toBe("empty");
    const file = join(tmp, "file.txt");
    writeFileSync(file, "x");
    expect(outputDirState(file)).toBe("not-a-directory");
  });
});

describe("gen-cli (built process)", () => {
  const cli = "dist/bench/gen-cli.js";
  const tmp = mkdtempSync(join(tmpdir(), "gen-cli-"));
  const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: "utf8" });

  beforeAll(() => {
    // Build only when dist is missing or older than src/bench; tsc still emits if colleagues' files have type errors.
    const stale = readdirSync("src/bench").some((f) => {
      const js = join("dist/bench", f.replace(/\.ts$/, ".js"));
      return !existsSync(js) || statSync(js).mtimeMs < statSync(join("src/bench", f)).mtimeMs;
    });
    if (stale) {
      try {
        execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.json"], { stdio: "pipe" });
      } catch {
        // type errors elsewhere in the project; the emitted JS is what we test
      }
    }
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("writes the export and prints one summary line", (ctx) => {
    if (!existsSync(cli)) ctx.skip();
    const out = join(tmp, "ok");
    const result = run("--releases", "20", "--images", "50", "--out", out, "--seed", "4");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const files = [...generateExportFiles({ releases: 20, images: 50, seed: 4 })];
    const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.body), 0);
    const traces = files.filter((f) => f.path.startsWith("artifacts/")).length;
    expect(result.stdout).toBe(`generated 20 releases, 50 images (${traces} artifact traces) in ${files.length} files, ${bytes} bytes -> ${out}\n`);
    expect(digest(files.map((f) => ({ path: f.path, body: readFileSync(join(out, f.path), "utf8") })))).toBe(digest(files));
  });

  it("refuses a non-empty output directory with exit code 2", (ctx) => {
    if (!existsSync(cli)) ctx.skip();
    const out = join(tmp, "full");
    mkdirSync(out);
    writeFileSync(join(out, "keep.txt"), "x");
    const result = run("--releases", "2", "--images", "2", "--out", out);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`zadig-snapshot gen: --out ${out} is not empty; choose a new or empty directory. Run with --help for usage.\n`);
    expect(readdirSync(out)).toEqual(["keep.txt"]);
  });

  it("exits 2 with one line on stderr for a usage error, and 0 with the help text for --help", (ctx) => {
    if (!existsSync(cli)) ctx.skip();
    const bad = run("--releases", "x", "--images", "1", "--out", join(tmp, "bad"));
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toBe('zadig-snapshot gen: --releases must be an integer, found "x". Run with --help for usage.\n');
    const help = run("--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toBe(GEN_HELP);
  });
});
