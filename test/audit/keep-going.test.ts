import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { HtmlValidate } from "html-validate";
import { beforeAll, describe, expect, it } from "vitest";
import { HTML_VALIDATE_CONFIG } from "../site/html-validate-config.js";
import { fixture, runCli, tempDir, type CliRun } from "../helpers.js";

type Release = { versionInfo: { id: string; version: string; taskId: unknown } };

/** An export folder with one good file, a partly invalid one, a truncated one, an API error body and a conflicting duplicate. */
function brokenExports(): string {
  const input = tempDir("zs-keep-going-");
  const [release] = JSON.parse(readFileSync(fixture("valid-minimal/releases.json"), "utf8")) as Release[];
  if (release === undefined) throw new Error("fixture is empty");
  const variant = (id: string, version: string, taskId: unknown = 7): Release => ({ ...release, versionInfo: { ...release.versionInfo, id, version, taskId } });
  writeFileSync(path.join(input, "good.json"), JSON.stringify([release]));
  writeFileSync(path.join(input, "mixed.json"), JSON.stringify([variant("6553f1008a1b2c3d4e5f60b1", "2.0.0"), variant("6553f1008a1b2c3d4e5f60b2", "2.0.1", "8")]));
  writeFileSync(path.join(input, "broken.json"), '[{"versionInfo": {"id": ');
  writeFileSync(path.join(input, "error.json"), JSON.stringify({ code: 400, message: "Bad Request", description: "strconv.Atoi: bad" }));
  writeFileSync(path.join(input, "zdup.json"), JSON.stringify([variant(release.versionInfo.id, "1.0.0-other")]));
  copyFileSync(fixture("valid-minimal/artifact.json"), path.join(input, "artifact.json"));
  return input;
}

describe("build --keep-going", () => {
  let input: string;
  let out: string;
  let run: CliRun;
  beforeAll(() => {
    input = brokenExports();
    out = path.join(tempDir(), "site");
    run = runCli(["build", "--input", input, "--output", out, "--keep-going"]);
  });

  it("is needed: without it the same input exits 1 and writes nothing", () => {
    const refused = path.join(tempDir(), "site");
    const plain = runCli(["build", "--input", input, "--output", refused]);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(/; nothing was written\.\n$/);
    expect(existsSync(refused)).toBe(false);
  });

  it("builds from the valid records, exits 0, and says how many records it skipped", () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`zadig-snapshot: 4 problems in ${input}; --keep-going: building from the valid records, 4 records skipped (listed in validation/index.html and validation.json).`);
    expect(existsSync(path.join(out, "releases/demo/1.0.0-6553f1008a1b2c3d4e5f6071/index.html"))).toBe(true);
    expect(existsSync(path.join(out, "releases/demo/2.0.0-6553f1008a1b2c3d4e5f60b1/index.html"))).toBe(true);
    expect(existsSync(path.join(out, "releases/demo/2.0.1-6553f1008a1b2c3d4e5f60b2/index.html"))).toBe(false);
  });

  it("lists every input's outcome and every skipped record with its reason in validation.json", () => {
    const report = JSON.parse(readFileSync(path.join(out, "validation.json"), "utf8")) as {
      ok: boolean;
      keepGoing: boolean;
      inputs: { path: string; outcome: string; records: number; skipped: number; errors: number }[];
      skipped: { file: string; path: string; what: string; reasons: string[] }[];
      counts: Record<string, number>;
    };
    expect(report.ok).toBe(false);
    expect(report.keepGoing).toBe(true);
    expect(report.inputs.map(({ path: file, outcome, records, skipped }) => [file, outcome, records, skipped])).toEqual([
      ["artifact.json", "artifacts", 1, 0],
      ["broken.json", "rejected", 0, 1],
      ["error.json", "rejected", 0, 1],
      ["good.json", "releases", 1, 0],
      ["mixed.json", "releases", 1, 1],
      ["zdup.json", "releases", 1, 1],
    ]);
    expect(report.skipped).toEqual([
      { file: "broken.json", path: "", what: "file", reasons: [expect.stringMatching(/^invalid JSON at line 1, column \d+: .*truncated/)] },
      { file: "error.json", path: "", what: "file", reasons: ["this file holds a Zadig API error response, not exported data: 400 Bad Request: strconv.Atoi: bad"] },
      { file: "mixed.json", path: "[1]", what: "release", reasons: ['[1].versionInfo.taskId: expected an integer, found the string "8"'] },
      { file: "zdup.json", path: "[0]", what: "release", reasons: [expect.stringContaining('[0]: release "6553f1008a1b2c3d4e5f6071" is also in good.json at [0] with different content')] },
    ]);
    expect(report.counts).toMatchObject({ inputFiles: 6, rejectedFiles: 2, releases: 2, artifacts: 1, skippedRecords: 4, errors: 4 });
  });

  it("shows the skipped records on the validation page and records --keep-going in provenance.json", () => {
    const page = readFileSync(path.join(out, "validation/index.html"), "utf8");
    expect(page).toContain("The exports had 4 errors; the snapshot was built with <code>--keep-going</code>");
    expect(page).toContain('<td class="wrap">mixed.json</td><td><code class="wrap">[1]</code></td><td>release</td><td class="wrap">[1].versionInfo.taskId: expected an integer, found the string &quot;8&quot;</td>');
    const provenance = JSON.parse(readFileSync(path.join(out, "provenance.json"), "utf8")) as { options: { keepGoing: boolean }; counts: { skippedRecords: number } };
    expect(provenance.options.keepGoing).toBe(true);
    expect(provenance.counts.skippedRecords).toBe(4);
  });

  it("writes valid HTML for the validation and About pages when they list problems", async () => {
    const validator = new HtmlValidate(HTML_VALIDATE_CONFIG);
    for (const page of ["validation/index.html", "about/index.html"]) {
      const report = await validator.validateString(readFileSync(path.join(out, page), "utf8"), page);
      expect(report.results.flatMap((result) => result.messages.map((message) => `${page}:${message.line} ${message.ruleId}: ${message.message}`))).toEqual([]);
    }
  });
});
