import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/audit/digest.js";
import { FileLedger } from "../../src/audit/file-ledger.js";
import { releaseNeighbours } from "../../src/diff/neighbours.js";
import { importData } from "../../src/importer/index.js";
import { loadReportAssets } from "../../src/report/assets.js";
import { renderReleaseReport } from "../../src/report/release-report.js";
import { reportFiles } from "../../src/report/report-stage.js";
import { startReportThread, type ReportThread } from "../../src/report/report-thread.js";
import { reportStamp } from "../../src/report/stamp.js";
import { buildContext, type BuildContext } from "../../src/site/build.js";
import { writeFiles, type HandedOffFiles } from "../../src/site/write-files.js";
import { releaseRaw } from "../diff/fixtures.js";
import { readTree, ROOT, tempDir } from "../helpers.js";

describe("the reports' thread (reportFiles hands each release's view over; the worker renders and writes)", () => {
  let context: BuildContext;
  const threads: ReportThread[] = [];
  const started = (warn: (line: string) => void = () => {}) => {
    const thread = startReportThread(warn);
    threads.push(thread);
    return thread;
  };
  beforeAll(async () => {
    context = await buildContext(await importData(path.join(ROOT, "data")), {});
  });
  afterEach(async () => {
    await Promise.all(threads.splice(0).map((thread) => thread.close()));
  });

  it("writes both reports of every release byte-identical to renderReleaseReport, and answers with each file's digest", async () => {
    const root = tempDir();
    const ledger = new FileLedger();
    const warnings: string[] = [];
    const entries = await reportFiles(context, started((line) => warnings.push(line)));
    let reported = 0;
    await writeFiles(root, entries, { ledger, onWritten: () => reported++ });

    const assets = await loadReportAssets();
    const stamp = reportStamp(context.imported, assets.toolVersion);
    const neighbours = releaseNeighbours(context.snapshot.releases);
    const want = new Map<string, string>();
    for (const route of context.routes.reports) {
      const release = context.snapshot.releasesById.get(route.releaseId);
      if (release === undefined) throw new Error(`no release ${route.releaseId}`);
      const input = { release, snapshot: context.snapshot, routes: context.routes, neighbours: neighbours.get(release.id) ?? { previous: null, next: null }, stamp };
      want.set(route.html, renderReleaseReport(assets, input, "html"));
      want.set(route.md, renderReleaseReport(assets, input, "md"));
    }
    expect(want.size).toBe(28);
    const tree = readTree(root);
    expect([...tree.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [file, text] of want) expect(tree.get(file)?.toString("utf8"), file).toBe(text);
    for (const [file, bytes] of tree) expect(ledger.digest(file), file).toEqual({ sha256: sha256Hex(bytes), size: bytes.length });
    expect(reported).toBe(28);
    expect(warnings).toEqual([]);
  });

  it("rejects a hand-over it cannot write, naming the error, and still writes the next one", async () => {
    const thread = started();
    const [first, second] = (await reportFiles(context, thread)) as [HandedOffFiles, HandedOffFiles];
    const blocked = path.join(tempDir(), "file-not-folder");
    writeFileSync(blocked, "x");
    await expect(first.handOff(blocked)).rejects.toThrow(/ENOTDIR|EEXIST/);
    expect(readFileSync(blocked, "utf8")).toBe("x");
    const root = tempDir();
    const written = await second.handOff(root);
    expect(written.map((file) => file.file)).toEqual([second.file, second.file.replace(/\.html$/, ".md")]);
    expect(readTree(root).size).toBe(2);
  });

  it("rejects what is still pending when the thread is closed, and every write after", async () => {
    const thread = started();
    const [entry] = (await reportFiles(context, thread)) as [HandedOffFiles];
    const root = tempDir();
    const pending = entry.handOff(root);
    await thread.close();
    await expect(pending).rejects.toThrow("the reports' worker thread was closed");
    await expect(entry.handOff(root)).rejects.toThrow("the reports' worker thread was closed");
    expect(readTree(root).size).toBe(0);
  });

  it("refuses writes once closed even if it never started", async () => {
    const thread = started();
    const [entry] = (await reportFiles(context, thread)) as [HandedOffFiles];
    await thread.close();
    await expect(entry.handOff(tempDir())).rejects.toThrow("the reports' worker thread was closed");
  });

  it("names a report over its budget through warn, with the text the build prints", async () => {
    const input = tempDir();
    const yaml = `kind: ConfigMap\ndata:\n${"  k: v\n".repeat(1_000_000)}`;
    writeFileSync(path.join(input, "releases.json"), JSON.stringify([releaseRaw({ id: "111111111111111111111111", version: "big", deploys: [{ service: "api", image: "reg.example.com/api:1", yaml: [yaml] }] })]));
    const big = await buildContext(await importData(input), {});
    const warnings: string[] = [];
    const root = tempDir();
    await writeFiles(root, await reportFiles(big, started((line) => warnings.push(line))));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^warning: reports\/pay\/big-111111111111111111111111\.html is [\d.]+ MB \([\d,]+ bytes\), over the 5 MB budget for a single-file HTML report; some ticket systems refuse attachments this large\.$/);
    expect(readTree(root).size).toBe(2);
  });
});
