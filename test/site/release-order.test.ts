import { describe, expect, it } from "vitest";
import { link } from "../../src/importer/link.js";
import { toRelease } from "../../src/importer/normalize.js";
import { ReleaseItem } from "../../src/schemas/release.js";
import { withReleaseFiles } from "../../src/site/release-order.js";
import { buildRoutes } from "../../src/site/routes.js";
import type { OutputFile } from "../../src/site/write-files.js";
import { inMemoryRecord } from "../../src/model/raw-record.js";

const raw = (id: string, createdAt: number) => ({
  versionInfo: { id, version: `v${createdAt}`, productName: "pay", workflowName: "deploy", taskId: createdAt, createdBy: "ops", created_at: createdAt },
});
const snapshot = link(
  [raw("111111111111111111111111", 1), raw("222222222222222222222222", 2)].map((item) => toRelease(ReleaseItem.parse(item), inMemoryRecord(item), "r.json")),
  new Map(),
);
const routes = buildRoutes(snapshot);
const file = (name: string): OutputFile => ({ file: name, body: () => name });
const [newer, older] = snapshot.releases.map((release) => release.id);

describe("withReleaseFiles", () => {
  it("writes files of no release first, then each release page followed by its diff and reports", () => {
    const reportOf = (id: string | undefined) => routes.reports.find((report) => report.releaseId === id);
    const files = [
      file(reportOf(older)?.md ?? ""),
      file("assets/site.css"),
      file(routes.releaseDiffJson.get(newer ?? "") ?? ""),
      file(reportOf(newer)?.html ?? ""),
      file(routes.releaseDiffJson.get(older ?? "") ?? ""),
      file("api/routes.json"),
    ];
    const pages = [file("img/x/index.html"), file(routes.releasePage.get(newer ?? "") ?? ""), file(routes.releasePage.get(older ?? "") ?? "")];
    expect([...withReleaseFiles(pages, files, routes)].map((output) => output.file)).toEqual([
      "assets/site.css",
      "api/routes.json",
      "img/x/index.html",
      routes.releasePage.get(newer ?? ""),
      routes.releaseDiffJson.get(newer ?? ""),
      reportOf(newer)?.html,
      routes.releasePage.get(older ?? ""),
      reportOf(older)?.md,
      routes.releaseDiffJson.get(older ?? ""),
    ]);
  });

  it("still writes a release's files when its page is not among the pages", () => {
    const diff = routes.releaseDiffJson.get(older ?? "") ?? "";
    expect([...withReleaseFiles([], [file(diff)], routes)].map((output) => output.file)).toEqual([diff]);
  });
});
