import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fixture, readTree, ROOT } from "../helpers.js";
import { links } from "../html.js";
import { buildInProcess } from "./helpers.js";

const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");

describe("the About page and provenance.json of the sample", () => {
  let site: Map<string, Buffer>;
  const text = (file: string) => site.get(file)?.toString("utf8") ?? "";
  beforeAll(async () => {
    site = readTree((await buildInProcess(path.join(ROOT, "data"))).output);
  });

  it("records tool, Node, options and every input with its size and SHA-256 relative to --input", () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { name: string; version: string };
    const provenance = JSON.parse(text("provenance.json")) as {
      tool: { name: string; version: string; node: string; eleventy: string };
      options: Record<string, unknown>;
      inputs: { path: string; bytes: number; sha256: string }[];
      counts: Record<string, number>;
    };
    expect(provenance.tool).toMatchObject({ name: pkg.name, version: pkg.version, node: process.version, eleventy: "3.1.8" });
    expect(provenance.options).toEqual({ keepGoing: false, redactKeyPattern: "password|passwd|secret|token|key|credential", sourceDateEpoch: null });
    expect(provenance.inputs).toHaveLength(11);
    for (const input of provenance.inputs) {
      const bytes = readFileSync(path.join(ROOT, "data", input.path));
      expect(input, input.path).toEqual({ path: input.path, bytes: bytes.length, sha256: sha256(bytes) });
    }
    expect(provenance.counts).toMatchObject({ inputFiles: 11, releases: 14, images: 20, artifacts: 8, redactions: 21, skippedRecords: 0 });
    expect(text("provenance.json")).not.toContain(ROOT);
  });

  it("shows the digest of provenance.json as written, the input digest and the offline verify commands", () => {
    const about = text("about/index.html");
    expect(about).toContain(`sha256:${sha256(site.get("provenance.json") ?? "")}`);
    // The input digest is what the README's shell pipeline prints inside --input (the value release reports carry too).
    const pipeline = "find . -iname '*.json' ! -path '*/.*' | sed 's|^\\./||' | while read -r f; do printf '%s  %s\\n' \"$f\" \"$(sha256sum \"$f\" | cut -d' ' -f1)\"; done | LC_ALL=C sort | sha256sum";
    const shell = spawnSync("sh", ["-c", pipeline], { cwd: path.join(ROOT, "data"), encoding: "utf8" });
    expect(shell.status).toBe(0);
    const digest = shell.stdout.slice(0, 64);
    expect((JSON.parse(text("provenance.json")) as { inputDigest: string }).inputDigest).toBe(digest);
    expect(about).toContain(`sha256:${digest}`);
    const report = [...site.keys()].find((file) => file.startsWith("reports/") && file.endsWith(".md")) ?? "";
    expect(text(report), `${report} carries the same input digest`).toContain(digest);
    for (const command of ["sha256sum -c SHA256SUMS", "shasum -a 256 -c SHA256SUMS", "zadig-snapshot verify .", "zadig-snapshot verify . --input EXPORTS"]) {
      expect(about).toContain(command);
    }
    expect(about).toContain("cannot show the digest of SHA256SUMS");
  });

  it("is linked from the footer of every site page, as is the validation report", () => {
    for (const [file, bytes] of site) {
      // 404.html is self-contained (no links: hosts serve it at any depth); reports/ are single-file downloads.
      if (!file.endsWith(".html") || file === "404.html" || file.startsWith("reports/")) continue;
      const hrefs = links(bytes.toString("utf8")).map((link) => path.posix.normalize(path.posix.join(path.posix.dirname(file), link.value)));
      expect(hrefs, file).toContain("about/index.html");
      expect(hrefs, file).toContain("validation/index.html");
    }
  });

  it("lists unresolved references on the validation page: images without a trace, traces no release uses", () => {
    const page = text("validation/index.html");
    expect(page).toMatch(/<a class="ref" href="\.\.\/img\/registry\.example\.com_5000\/team\/app\/t-1\.2\.3--[0-9a-f]{10}\/index\.html">registry\.example\.com:5000\/team\/app:1\.2\.3<\/a> <span class="muted">named by<\/span> <a class="ref" href="\.\.\/releases\/payments\//);
    const report = JSON.parse(text("validation.json")) as { unresolved: { unusedArtifacts: { image: string; file: string }[] } };
    expect(report.unresolved.unusedArtifacts).toContainEqual({ image: "registry.example.com/payments/worker:2.6.0-beta.1", file: "artifacts/payments-worker-2.6.0-beta.1.json" });
    expect(page).toContain("registry.example.com/payments/worker:2.6.0-beta.1</a> <span class=\"muted\">from artifacts/payments-worker-2.6.0-beta.1.json</span>");
  });
});

describe("secrets in Kubernetes YAML and variables", () => {
  const planted = [
    "PLANTED-VAR-TOKEN-51c2",
    "PLANTED-DEPLOY-ENV-b81f",
    "PLANTED-POD-ENV-0e7a",
    "PLANTED-STRINGDATA-3f0b",
    "PLANTED-BLOCK-SCALAR-c4d2",
    "PLANTED-SECRET-DATA-9a1e",
    Buffer.from("PLANTED-SECRET-DATA-9a1e").toString("base64"),
    "PLANTED-ENVCFG-TLS-77d0",
    Buffer.from("PLANTED-ENVCFG-TLS-77d0").toString("base64"),
  ];
  let site: Map<string, Buffer>;
  let output: string;
  beforeAll(async () => {
    output = (await buildInProcess(fixture("k8s-secrets"))).output;
    site = readTree(output);
  });

  it("never appear in any output byte", () => {
    const input = readFileSync(fixture("k8s-secrets/releases.json"), "utf8");
    for (const value of planted) expect(input.includes(value) || input.includes(Buffer.from(value).toString("base64")), `the fixture plants ${value}`).toBe(true);
    for (const [file, bytes] of site) for (const value of planted) expect(bytes.includes(value), `${value} in ${file}`).toBe(false);
  });

  it("are shown as [redacted] in the release page and the JSON mirror alike, with the rest of the YAML intact", () => {
    const mirror = JSON.parse(site.get("api/aslan/delivery/releases/6553f1008a1b2c3d4e5f60a1.json")?.toString("utf8") ?? "{}") as {
      deployInfo: { yamlContents: string[]; envs: { key: string; value: string }[] }[];
      versionInfo: { productEnvInfo: { vars: { key: string; value: string }[] } };
    };
    const [deploy] = mirror.deployInfo;
    expect(deploy?.envs).toEqual([{ key: "DB_PASSWORD", value: "[redacted]" }, { key: "REPLICAS", value: "2" }]);
    expect(mirror.versionInfo.productEnvInfo.vars.map((v) => [v.key, v.value])).toEqual([["APP_ENV", "staging"], ["API_TOKEN", "[redacted]"], ["EMPTY_SECRET", ""]]);
    expect(deploy?.yamlContents[0]).toContain('kind: Secret   # database credentials\nmetadata:\n  name: db-credentials\n  namespace: demo-env-dev\ntype: Opaque\ndata:\n  DB_PASSWORD: "[redacted]"  # base64\n');
    expect(deploy?.yamlContents[0]).toContain("kind: ConfigMap\nmetadata:\n  name: web-config\ndata:\n  LOG_LEVEL: info\n");
    const page = site.get("releases/demo/1.1.0-6553f1008a1b2c3d4e5f60a1/index.html")?.toString("utf8") ?? "";
    expect(page).toContain("DB_PASSWORD: &quot;[redacted]&quot;");
    expect(page).toContain("[redacted]");
  });

  it("are each listed in the validation report by file, JSON path and reason", () => {
    const report = JSON.parse(site.get("validation.json")?.toString("utf8") ?? "{}") as { redactions: { file: string; path: string; detail: string; reason: string }[] };
    expect(report.redactions.map((r) => `${r.path} | ${r.detail}`)).toEqual([
      "[0].versionInfo.productEnvInfo.vars[1].value | ",
      "[0].versionInfo.productEnvInfo.env_config_yamls[0] | Secret tls data.tls.key",
      "[0].deployInfo[0].yamlContents[0] | document 1, Secret demo-env-dev/db-credentials data.DB_PASSWORD",
      "[0].deployInfo[0].yamlContents[0] | document 1, Secret demo-env-dev/db-credentials stringData.api-key",
      "[0].deployInfo[0].yamlContents[0] | document 1, Secret demo-env-dev/db-credentials stringData.cert.pem",
      "[0].deployInfo[0].yamlContents[1] | env DB_PASSWORD",
      "[0].deployInfo[0].envs[0].value | ",
    ]);
    expect(new Set(report.redactions.map((r) => r.file))).toEqual(new Set(["releases.json"]));
    const page = site.get("validation/index.html")?.toString("utf8") ?? "";
    expect(page).toContain('<td><code class="wrap">[0].deployInfo[0].yamlContents[0]</code></td><td class="wrap">document 1, Secret demo-env-dev/db-credentials data.DB_PASSWORD</td><td>value of a Kubernetes Secret (data / stringData)</td>');
    expect(statSync(path.join(output, "validation.json")).size).toBeGreaterThan(0);
  });
});
