import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, watchedContext, type PageWatch } from "../chromium.js";
import { ROOT } from "../helpers.js";
import { buildSample, CHROMIUM, toolAvailable } from "../tools.js";

const PDFINFO = "/usr/bin/pdfinfo";
const PDFTOTEXT = "/usr/bin/pdftotext";
const REPORT = "reports/payments/2.4.1-rc.1-6484a7936484a7b3b5003a45.html";
const OUT = path.join(ROOT, "test-artifacts", "reports");
const SECTIONS = ["Changes since the previous release", "Environment", "Deployed services", "Builds", "Tests", "Distribution", "Security scans", "Images in this release"];

const available = toolAvailable(CHROMIUM, "chromium", "the report print test") && toolAvailable(PDFINFO, "poppler-utils", "the report print test");

describe.skipIf(!available)("a single-file release report printed to PDF by Chromium (PDF in test-artifacts/reports/)", () => {
  let browser: Browser;
  let url: string;
  let watch: PageWatch;
  let pages: string[];
  let pageCount: number;
  beforeAll(async () => {
    const site = await buildSample();
    url = pathToFileURL(path.join(site, REPORT)).href;
    browser = await launchChromium();
    const watched = await watchedContext(browser);
    watch = watched.watch;
    const page = await watched.context.newPage();
    await page.goto(url);
    mkdirSync(OUT, { recursive: true });
    const pdf = path.join(OUT, "2.4.1-rc.1.pdf");
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    pageCount = Number(/^Pages:\s+(\d+)$/m.exec(execFileSync(PDFINFO, [pdf], { encoding: "utf8" }))?.[1]);
    // pdftotext ends each page with a form feed; -raw keeps Chromium's text order, so a table cell reads as one run.
    pages = execFileSync(PDFTOTEXT, ["-raw", pdf, "-"], { encoding: "utf8" }).split("\f").slice(0, -1);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("opens from disk without requesting anything but itself", () => {
    expect(watch.requests).toEqual([url]);
    expect(watch.problems).toEqual([]);
  });

  it("starts every section on a new page, after a first page with the release's facts and the snapshot stamp", () => {
    expect(pages).toHaveLength(pageCount);
    expect(pageCount).toBeGreaterThanOrEqual(SECTIONS.length + 1);
    // The page-number margin box is printed first; the page's own content starts after it.
    const firstLines = pages.map((text) => text.split("\n").map((line) => line.trim()).find((line) => line !== "" && !/^Page \d+ of \d+$/.test(line)) ?? "");
    for (const heading of SECTIONS) expect(firstLines, heading).toContain(heading);
    const first = pages[0] ?? "";
    expect(first).toContain("2.4.1-rc.1");
    expect(first).toMatch(/Input digest\s+sha256:[0-9a-f]{64}/);
    expect(first).toMatch(/Data as of\s+2024-03-05 04:12:09 UTC/);
  });

  it("numbers every page", () => {
    pages.forEach((text, index) => expect(text).toContain(`Page ${index + 1} of ${pageCount}`));
  });

  it("prints collapsed YAML and the YAML diff in full, and the target of every code-host link", () => {
    const all = pages.join("\n");
    expect(all).toContain("runAsUser: 10001");
    expect(all).toMatch(/-\s+image: registry\.example\.com\/payments\/api:2\.4\.0/);
    expect(all).toMatch(/\+\s+image: registry\.example\.com\/payments\/api:2\.4\.1/);
    const flat = all.replace(/\s+/g, "");
    expect(flat).toContain("(https://gitlab.example.com/payments/payments-api/-/merge_requests/219)");
    expect(flat).toContain("(https://jira.example.com/browse/PAY-255)");
  });

  it("cuts no table: the last column of the widest tables is on the page, whole", () => {
    const flat = pages.join("").replace(/\s+/g, "");
    expect(flat).toContain("sha256:db868ced7d50a1d36e7e279d75bc389411a1f74ca2b2e1070aa969b24b0f70e8");
    expect(flat).toContain("Historyunknown:thepreviousreleasedidnotbuildthisrepository,sowhichcommitsarenewcannotbetold.");
    expect(flat).toContain("Throughput");
  });
});
