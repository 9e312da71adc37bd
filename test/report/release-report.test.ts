import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { releaseNeighbours } from "../../src/diff/neighbours.js";
import { importData, type ImportResult } from "../../src/importer/index.js";
import type { Snapshot } from "../../src/model/types.js";
import { loadReportAssets, type ReportAssets } from "../../src/report/assets.js";
import { renderReleaseReport, type ReportFormat } from "../../src/report/release-report.js";
import { reportStamp } from "../../src/report/stamp.js";
import { buildRoutes } from "../../src/site/routes.js";
import { githubCommit, snapshotOf } from "../diff/fixtures.js";
import { fixture, readTree, ROOT } from "../helpers.js";
import { elements } from "../html.js";
import { markdownStructure, outsideReferences } from "./report-checks.js";

let assets: ReportAssets;
beforeAll(async () => {
  assets = await loadReportAssets();
});

/** Every release's report in one format, rendered as the `report` command and the build do. */
function reports(imported: Pick<ImportResult, "inputs" | "snapshot">, format: ReportFormat): Map<string, string> {
  const routes = buildRoutes(imported.snapshot);
  const neighbours = releaseNeighbours(imported.snapshot.releases);
  const stamp = reportStamp(imported, assets.toolVersion);
  return new Map(
    imported.snapshot.releases.map((release) => [
      release.id,
      renderReleaseReport(assets, { release, snapshot: imported.snapshot, routes, neighbours: neighbours.get(release.id) ?? { previous: null, next: null }, stamp }, format),
    ]),
  );
}

const RC1 = "6484a7936484a7b3b5003a45";
const FIRST_PAYMENTS = "646b325b646b324ba4003a3d";

describe("the single-file HTML report of each sample release", () => {
  let imported: ImportResult;
  let html: Map<string, string>;
  beforeAll(async () => {
    imported = await importData(path.join(ROOT, "data"));
    html = reports(imported, "html");
  });

  it("refers to no other file or host: only http(s) anchors and #fragments of the same document", () => {
    expect(html.size).toBe(14);
    for (const [id, report] of html) expect(outsideReferences(report), id).toEqual([]);
  });

  it("inlines the stylesheet, with print rules, and carries no script", () => {
    const report = html.get(RC1) ?? "";
    expect(report).toContain("<style>");
    expect(report).toContain("@media print");
    expect(report).toContain("@page");
    expect(report).toContain("details::details-content");
    expect(elements(report).some((element) => element.tag === "script")).toBe(false);
  });

  it("shows every section of the release page, image references as text and code-host links as links", () => {
    const report = html.get(RC1) ?? "";
    const ids = elements(report).flatMap((element) => (element.tag === "h2" ? [element.attrs.get("id")] : []));
    expect(ids).toEqual(["changes", "env", "deploy", "builds", "tests", "distribution", "security", "images"]);
    expect(report).toContain('<span class="ref">registry.example.com/payments/api:2.4.1</span>');
    expect(report).toContain('href="https://gitlab.example.com/payments/payments-api/-/merge_requests/219"');
    expect(report).toContain('<pre class="yaml"><code>');
    expect(report).toContain(`<code>api/aslan/delivery/releases/${RC1}.json</code> in the snapshot`);
  });

  it("is stamped with the tool version, the sha256 of the sorted input list, and the newest time in the data", () => {
    const version = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
    const lines = [...readTree(path.join(ROOT, "data"))]
      .filter(([file]) => file.endsWith(".json"))
      .map(([file, bytes]) => `${file}  ${createHash("sha256").update(bytes).digest("hex")}\n`)
      .sort();
    const digest = createHash("sha256").update(lines.join("")).digest("hex");
    const report = html.get(RC1) ?? "";
    expect(report).toContain(`zadig-snapshot ${version}`);
    expect(report).toContain(`sha256:${digest}`);
    expect(report).toContain("(11 input files)");
    expect(report).toContain('Data as of</dt><dd><time datetime="2024-03-05T04:12:09Z">2024-03-05 04:12:09 UTC</time>');
  });

  it("shows what changed since the previous release: images with tag and digest, commits, YAML diff, totals", () => {
    const report = html.get(RC1) ?? "";
    expect(report).toContain("Compared with <strong>2.4.0</strong>");
    expect(report).toContain("Changes since 2.4.0: 2 images changed, new commits in 2 repositories, commit history unknown for 1 repository");
    expect(report).toContain("sha256:db868ced7d50a1d36e7e279d75bc389411a1f74ca2b2e1070aa969b24b0f70e8");
    expect(report).toContain('<span class="d-del">-        image: registry.example.com/payments/api:2.4.0</span>');
    expect(report).toContain('<span class="d-add">+        image: registry.example.com/payments/api:2.4.1</span>');
    expect(report).toContain("https://gitlab.example.com/payments/payments-api/-/compare/0aa65ba2fa86e797c385188f6c059ecf6aeda191...d91c08e40485b14721538b3983e6a2a3844f4575");
    expect(report).toContain("History unknown: the previous release did not build this repository");
  });

  it('says "no previous release" on the first release of a workflow', () => {
    expect(html.get(FIRST_PAYMENTS)).toContain("No previous release of this project and workflow: nothing to compare with.");
  });

  it("is the same bytes every time", () => {
    expect(reports(imported, "html")).toEqual(html);
  });
});

describe("the Markdown summary of each sample release", () => {
  let md: Map<string, string>;
  beforeAll(async () => {
    md = reports(await importData(path.join(ROOT, "data")), "md");
  });

  it("is valid GFM: every table keeps its column count on every line, and there is no raw HTML", () => {
    for (const [id, text] of md) {
      const structure = markdownStructure(text);
      expect(structure.html, id).toEqual([]);
      expect(structure.tables.length, id).toBeGreaterThanOrEqual(2);
      for (const table of structure.tables) {
        expect(new Set(table.cellCounts), `${id}: ${table.header.join("|")}`).toEqual(new Set([table.header.length]));
        expect(table.cellCounts).toHaveLength(table.rows + 2);
      }
    }
  });

  it("lists version, project, workflow#task, environment, images with digests, commits, totals and the diff", () => {
    const text = md.get(RC1) ?? "";
    expect(text.startsWith("# Release 2.4.1-rc.1 · payments\n")).toBe(true);
    expect(text).toContain("| Workflow | payments-build#118 (Payments build & deploy) |");
    expect(text).toContain("| Environment | staging (namespace payments-staging) |");
    expect(text).toContain("| `registry.example.com/payments/api:2.4.1` | `sha256:db868ced7d50a1d36e7e279d75bc389411a1f74ca2b2e1070aa969b24b0f70e8` | api/api, api (build) |");
    expect(text).toContain("| `registry.example.com:5000/team/app:1.2.3` | not exported | ledger/app |");
    expect(text).toContain("| payments/payments-api | main | `d91c08e404` | #219 |");
    expect(text).toContain("| **Total** | **328** | **324** | **0** | **0** | **4** |");
    expect(text).toContain("## Changes since 2.4.0\n");
    expect(text).toContain("| api | api | `registry.example.com/payments/api:2.4.0` | not exported | `registry.example.com/payments/api:2.4.1` | `sha256:db868ced");
    expect(text).toContain("```diff\n--- a/api/api\n+++ b/api/api\n");
    expect(text).toMatch(/^Snapshot: zadig-snapshot \d+\.\d+\.\d+ · input digest `sha256:[0-9a-f]{64}` \(11 files\) · data as of 2024-03-05 04:12:09 UTC · release page `releases\/payments\/2\.4\.1-rc\.1-6484a7936484a7b3b5003a45\/index\.html`$/m);
  });

  it('says "no previous release" on the first release of a workflow', () => {
    expect(md.get(FIRST_PAYMENTS)).toContain("## Changes since the previous release\n\nNo previous release of this project and workflow: nothing to compare with.\n");
  });
});

describe("reports of hostile exports", () => {
  const EVIL = '</code></pre><script>alert(1)</script>|`x`\n# y';
  let snapshot: Snapshot;
  beforeAll(() => {
    const base = { project: "a|b\n- c", workflow: "w`f", deploys: [{ service: EVIL, image: "reg.example.com/x:1", yaml: [`name: ${EVIL}\n\`\`\`\n`] }] };
    snapshot = snapshotOf([
      { ...base, id: "111111111111111111111111", version: "1|0\n<b>", createdAt: 100, builds: [{ service: "s", commits: [githubCommit("o/r", "a".repeat(40), { commit_message: EVIL, address: "javascript:alert(1)" })] }] },
      { ...base, id: "222222222222222222222222", version: "2|0\n<b>", createdAt: 200, deploys: [{ service: EVIL, image: "reg.example.com/x:2", yaml: [`name: ${EVIL}!\n\`\`\`\n`] }], builds: [{ service: "s", commits: [githubCommit("o/r", "b".repeat(40), { commit_message: EVIL, address: "javascript:alert(1)" })] }] },
    ]);
  });

  it("escapes them in the HTML report, which still refers to nothing outside itself", () => {
    for (const report of reports({ inputs: [], snapshot }, "html").values()) {
      expect(outsideReferences(report)).toEqual([]);
      expect(elements(report).filter((element) => ["script", "b"].includes(element.tag))).toEqual([]);
      expect(report).toContain("&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;");
    }
  });

  it("keeps every Markdown table intact and free of HTML", () => {
    for (const text of reports({ inputs: [], snapshot }, "md").values()) {
      const structure = markdownStructure(text);
      expect(structure.html).toEqual([]);
      for (const table of structure.tables) expect(new Set(table.cellCounts)).toEqual(new Set([table.header.length]));
      expect(text.split("\n").filter((line) => line.startsWith("# "))).toHaveLength(1);
    }
  });

  it("writes the hostile fixture's report with no script, no outside reference and intact tables", async () => {
    const imported = await importData(fixture("xss"));
    for (const report of reports(imported, "html").values()) {
      expect(outsideReferences(report)).toEqual([]);
      expect(elements(report).filter((element) => element.tag === "script")).toEqual([]);
    }
    for (const text of reports(imported, "md").values()) {
      const structure = markdownStructure(text);
      expect(structure.html).toEqual([]);
      for (const table of structure.tables) expect(new Set(table.cellCounts)).toEqual(new Set([table.header.length]));
    }
  });
});
