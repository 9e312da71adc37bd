import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { budgetWarning, REPORT_BUDGET_BYTES } from "../../src/report/budget.js";
import { findRelease } from "../../src/report/find-release.js";
import { newestTimestamp } from "../../src/audit/source-date.js";
import { inputDigest } from "../../src/report/stamp.js";
import { artifactRaw, snapshotOf } from "../diff/fixtures.js";

describe("inputDigest", () => {
  it("is sha256 over the `path  sha256` lines sorted by bytes, whatever order the inputs come in", () => {
    const a = { file: "releases/b.json", sha256: "1".repeat(64) };
    const b = { file: "releases/a.json", sha256: "2".repeat(64) };
    const expected = createHash("sha256").update(`releases/a.json  ${"2".repeat(64)}\nreleases/b.json  ${"1".repeat(64)}\n`).digest("hex");
    expect(inputDigest([a, b])).toBe(expected);
    expect(inputDigest([b, a])).toBe(expected);
  });

  it("changes when any input file's content changes", () => {
    expect(inputDigest([{ file: "a.json", sha256: "1".repeat(64) }])).not.toBe(inputDigest([{ file: "a.json", sha256: "3".repeat(64) }]));
  });
});

describe("newestTimestamp, the \"data as of\" every report is stamped with", () => {
  it("is the newest timestamp anywhere in the data, artifact traces included", () => {
    const snapshot = snapshotOf([{ id: "111111111111111111111111", createdAt: 500 }], [artifactRaw("reg.example.com/a:1", "")]);
    expect(newestTimestamp(snapshot)).toBe(1_700_000_100);
    expect(newestTimestamp(snapshotOf([{ id: "111111111111111111111111", createdAt: 500 }]))).toBe(500);
  });

  it("is null for a snapshot with no time in it", () => {
    expect(newestTimestamp(snapshotOf([]))).toBeNull();
  });
});

describe("budgetWarning", () => {
  it("names a report over its budget with its size, and says nothing at or under it", () => {
    expect(budgetWarning("reports/p/1.0-x.html", "html", REPORT_BUDGET_BYTES.html)).toBeNull();
    expect(budgetWarning("reports/p/1.0-x.html", "html", 6_000_000)).toBe(
      "warning: reports/p/1.0-x.html is 5.72 MB (6,000,000 bytes), over the 5 MB budget for a single-file HTML report; some ticket systems refuse attachments this large.",
    );
    expect(budgetWarning("x.md", "md", 200_000)).toMatch(/^warning: x\.md is 195\.31 KB .* over the 100 KB budget for a Markdown summary;/);
  });
});

describe("findRelease", () => {
  const snapshot = snapshotOf([
    { id: "111111111111111111111111", version: "1.0", project: "pay", createdAt: 100 },
    { id: "abcdefabcdefabcdefabcdef", version: "2.0", project: "pay", createdAt: 200 },
    { id: "333333333333333333333333", version: "2.0", project: "web", createdAt: 300 },
  ]);

  it("finds a release by id in any case, or by a version only one release has", () => {
    expect(findRelease(snapshot, "ABCDEFABCDEFABCDEFABCDEF")).toMatchObject({ kind: "found", release: { id: "abcdefabcdefabcdefabcdef" } });
    expect(findRelease(snapshot, "1.0")).toMatchObject({ kind: "found", release: { id: "111111111111111111111111" } });
  });

  it("refuses to guess between releases that share a version, listing them newest first", () => {
    const found = findRelease(snapshot, "2.0");
    expect(found.kind === "ambiguous" ? found.candidates.map((release) => release.project) : []).toEqual(["web", "pay"]);
  });

  it("says unknown for an id or version no release has", () => {
    expect(findRelease(snapshot, "9.9")).toEqual({ kind: "unknown" });
    expect(findRelease(snapshot, "999999999999999999999999")).toEqual({ kind: "unknown" });
  });
});
