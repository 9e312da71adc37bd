import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, watchedContext } from "../chromium.js";
import { ROOT } from "../helpers.js";
import { startStaticServer, type StaticServer } from "../static-server.js";
import { buildSample, CHROMIUM, toolAvailable } from "../tools.js";

const SCREENSHOTS = path.join(ROOT, "test-artifacts", "screenshots");
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const SCHEMES = ["light", "dark"] as const;
const WIDTHS = [1280, 390] as const;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

const available = toolAvailable(CHROMIUM, "chromium", "the browser tests (test/browser/)");

describe.skipIf(!available)("how the sample site looks in a real Chromium", () => {
  let site: string;
  let server: StaticServer;
  let browser: Browser;
  let pages: { name: string; file: string }[];
  beforeAll(async () => {
    site = await buildSample();
    server = await startStaticServer(site);
    browser = await launchChromium();
    const image = readdirSync(path.join(site, "img/registry.example.com/payments/api")).find((name) => name.startsWith("t-2.4.1--"));
    pages = [
      { name: "index", file: "index.html" },
      { name: "release", file: "releases/payments/2.4.1-648a1d90648a1dd0c6003a4d/index.html" },
      { name: "image", file: `img/registry.example.com/payments/api/${image ?? "missing"}/index.html` },
    ];
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const scheme of SCHEMES) {
    for (const width of WIDTHS) {
      it(`renders the index, a release and an image page ${scheme}, ${width} px wide, without sideways scrolling (screenshots in test-artifacts/screenshots/)`, async () => {
        const { context, watch } = await watchedContext(browser, { colorScheme: scheme, viewport: { width, height: 900 }, deviceScaleFactor: 1 });
        const page = await context.newPage();
        const looks: { file: string; overflow: number; background: string; stylesheetRules: number }[] = [];
        for (const target of pages) {
          await page.goto(`${server.url}${target.file}`);
          const look = await page.evaluate(() => ({
            overflow: document.documentElement.scrollWidth - window.innerWidth,
            background: getComputedStyle(document.body).backgroundColor,
            stylesheetRules: document.styleSheets[0]?.cssRules.length ?? 0,
          }));
          await page.screenshot({ path: path.join(SCREENSHOTS, `${target.name}-${scheme}-${width}.png`), fullPage: true });
          looks.push({ file: target.file, ...look });
        }
        await context.close();
        for (const look of looks) {
          expect(look.stylesheetRules, look.file).toBeGreaterThan(20);
          expect(look.overflow, `${look.file} scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
          expect(look.background, look.file).toBe(scheme === "light" ? "rgb(255, 255, 255)" : "rgb(15, 19, 24)");
        }
        expect(watch.problems).toEqual([]);
      });
    }
  }

  for (const scheme of SCHEMES) {
    it(`has no serious or critical axe-core violations on the index, a release, an image page and 404.html, ${scheme}`, async () => {
      const { context, watch } = await watchedContext(browser, { colorScheme: scheme });
      const page = await context.newPage();
      const found: string[] = [];
      for (const file of [...pages.map((target) => target.file), "404.html"]) {
        await page.goto(`${server.url}${file}`);
        await page.addScriptTag({ content: AXE_SOURCE });
        const { violations, passes } = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: AxeViolation[]; passes: unknown[] }> } }).axe;
          const results = await axe.run(document);
          return { violations: results.violations, passes: results.passes.length };
        });
        expect(passes, `axe ran its rules on ${file}`).toBeGreaterThan(10);
        for (const violation of violations) {
          if (violation.impact !== "serious" && violation.impact !== "critical") continue;
          const where = violation.nodes.slice(0, 3).map((node) => `${JSON.stringify(node.target)} ${node.failureSummary ?? ""}`.replace(/\s+/g, " "));
          found.push(`${file}: ${violation.impact} ${violation.id} (${violation.help}) ×${violation.nodes.length}: ${where.join(" | ")}`);
        }
      }
      await context.close();
      expect(found).toEqual([]);
      expect(watch.problems).toEqual([]);
    });
  }
});
