import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { releaseRaw } from "../diff/fixtures.js";
import { fixture, readTree, ROOT, runCli, tempDir } from "../helpers.js";

const DATA = path.join(ROOT, "data");
const RC1 = "6484a7936484a7b3b5003a45";

describe("zadig-snapshot report", () => {
  it("writes the Markdown summary to stdout with --output -", () => {
    const run = runCli(["report", "--release", "2.4.1-rc.1", "--input", DATA, "--format", "md", "--output", "-"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith("# Release 2.4.1-rc.1 · payments\n")).toBe(true);
    expect(run.stdout).toContain("## Changes since 2.4.0\n");
    expect(run.stdout.endsWith("index.html`\n")).toBe(true);
  });

  it("writes the HTML report into the current folder by default, byte for byte the file the build writes", () => {
    const cwd = tempDir();
    const run = runCli(["report", "--release", RC1, "--input", DATA], { cwd });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const name = `2.4.1-rc.1-${RC1}.html`;
    expect(readdirSync(cwd)).toEqual([name]);
    expect(run.stdout).toBe(`wrote ${name} (${readFileSync(path.join(cwd, name)).length} bytes): single-file HTML report of 2.4.1-rc.1 (payments, payments-build#118)\n`);
    const site = path.join(tempDir(), "site");
    expect(runCli(["build", "--input", DATA, "--output", site]).code).toBe(0);
    expect(readFileSync(path.join(cwd, name))).toEqual(readTree(site).get(`reports/payments/${name}`));
  });

  it("writes to the file --output names", () => {
    const out = path.join(tempDir(), "change-1234.md");
    const run = runCli(["report", "-r", "2.4.1", "-i", DATA, "-f", "md", "-o", out]);
    expect(run.code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("No previous release of this project and workflow");
  });

  it("refuses a version several releases share, listing project, workflow and id of each, and writes nothing", () => {
    const input = tempDir();
    writeFileSync(
      path.join(input, "releases.json"),
      JSON.stringify([
        releaseRaw({ id: "111111111111111111111111", version: "1.0.0", project: "pay", workflow: "build", taskId: 3, createdAt: 100 }),
        releaseRaw({ id: "222222222222222222222222", version: "1.0.0", project: "web", workflow: "deploy", taskId: 9, createdAt: 200 }),
      ]),
    );
    const cwd = tempDir();
    const run = runCli(["report", "--release", "1.0.0", "--input", input], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      [
        'zadig-snapshot: version "1.0.0" is ambiguous: 2 releases have it. Pass --release with one of these ids:',
        '  project "web", workflow "deploy"#9, id 222222222222222222222222',
        '  project "pay", workflow "build"#3, id 111111111111111111111111',
        "",
      ].join("\n"),
    );
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("exits 1 naming the release it could not find, and the versions there are", () => {
    const run = runCli(["report", "--release", "9.9.9", "--input", fixture("valid-minimal")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^zadig-snapshot: no release has the id or version "9\.9\.9" in .*valid-minimal \(\d+ releases?\)\. Versions: ".+"\. Pass --release with a release id \(24 hex digits\) or an exact version\.\n$/);
    expect(run.stdout).toBe("");
  });

  it("reports invalid input exactly as build does, and writes nothing", () => {
    const cwd = tempDir();
    const run = runCli(["report", "--release", "x", "--input", fixture("malformed-json")], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/broken\.json: invalid JSON at line \d+, column \d+/);
    expect(run.stderr).toMatch(/^zadig-snapshot: 1 problem in .*; nothing was written\.$/m);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("exits 1 with a sentence when --output is in a folder that does not exist", () => {
    const out = path.join(tempDir(), "missing", "r.html");
    const run = runCli(["report", "--release", RC1, "--input", DATA, "--output", out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`zadig-snapshot: cannot write the report to ${out}: its folder does not exist. Pass --output FILE in an existing folder, or --output - for stdout.\n`);
    expect(existsSync(path.dirname(out))).toBe(false);
  });
});

describe("zadig-snapshot report usage", () => {
  it("needs --release: exit 2 and a pointer to --help", () => {
    const run = runCli(["report", "--input", DATA]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("zadig-snapshot: report needs --release ID|VERSION. Run zadig-snapshot report --help.\n");
  });

  it("lists the allowed formats for an unknown --format, exit 2", () => {
    const run = runCli(["report", "--release", RC1, "--format", "pdf"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('zadig-snapshot: --format must be one of: html, md; found "pdf". Run zadig-snapshot report --help.\n');
  });

  it("prints help with examples, and is listed in the overview", () => {
    const help = runCli(["report", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: zadig-snapshot report --release <id|version>");
    expect(help.stdout).toContain("Examples:");
    expect(runCli(["--help"]).stdout).toMatch(/^ {2}report +Write one release's single-file HTML report or Markdown summary/m);
  });
});

describe("the report build stage", () => {
  let site: Map<string, Buffer>;
  beforeAll(() => {
    const out = path.join(tempDir(), "site");
    mkdirSync(path.dirname(out), { recursive: true });
    expect(runCli(["build", "--input", DATA, "--output", out]).code).toBe(0);
    site = readTree(out);
  });

  it("writes both reports of every release next to the pages, and links them from the release page", () => {
    const reports = [...site.keys()].filter((file) => file.startsWith("reports/"));
    expect(reports).toHaveLength(28);
    const page = site.get(`releases/payments/2.4.1-rc.1-${RC1}/index.html`)?.toString("utf8") ?? "";
    expect(page).toContain(`<a href="../../../reports/payments/2.4.1-rc.1-${RC1}.html">single-file HTML</a>`);
    expect(page).toContain(`<a href="../../../reports/payments/2.4.1-rc.1-${RC1}.md">Markdown summary</a>`);
  });

  it("shows the diff on the release page, linking the previous release and the diff JSON", () => {
    const page = site.get(`releases/payments/2.4.1-rc.1-${RC1}/index.html`)?.toString("utf8") ?? "";
    expect(page).toContain('Compared with <a href="../../../releases/payments/2.4.0-646b325b646b324ba4003a3d/index.html">2.4.0</a>');
    expect(page).toContain(`<a href="../../../api/zadig-snapshot/release-diff/${RC1}.json">api/zadig-snapshot/release-diff/${RC1}.json</a>`);
  });

  it("warns on stderr, naming the file, when a report is over the 5 MB budget, and still builds", () => {
    const input = tempDir();
    const yaml = `kind: ConfigMap\ndata:\n${"  k: v\n".repeat(1_000_000)}`;
    writeFileSync(path.join(input, "releases.json"), JSON.stringify([releaseRaw({ id: "111111111111111111111111", version: "big", deploys: [{ service: "api", image: "reg.example.com/api:1", yaml: [yaml] }] })]));
    const run = runCli(["build", "--input", input, "--output", path.join(tempDir(), "site")]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^zadig-snapshot: warning: reports\/pay\/big-111111111111111111111111\.html is [\d.]+ MB \([\d,]+ bytes\), over the 5 MB budget for a single-file HTML report; some ticket systems refuse attachments this large\.\n$/);
  });

  it("publishes each release's diff as JSON, listed in api/routes.json under its own (non-Zadig) route", () => {
    const routes = JSON.parse(site.get("api/routes.json")?.toString("utf8") ?? "[]") as { route: string; query: object; file: string }[];
    expect(routes).toContainEqual({ route: `/api/zadig-snapshot/release-diff/${RC1}`, query: {}, file: `api/zadig-snapshot/release-diff/${RC1}.json` });
    const diff = JSON.parse(site.get(`api/zadig-snapshot/release-diff/${RC1}.json`)?.toString("utf8") ?? "{}") as Record<string, unknown>;
    expect(diff).toMatchObject({ format: "zadig-snapshot/release-diff/v1", state: "changed", release: { id: RC1 }, previous: { version: "2.4.0" } });
  });
});
