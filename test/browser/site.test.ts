import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, watchedContext, type PageWatch } from "../chromium.js";
import { elements } from "../html.js";
import { startStaticServer, type StaticServer } from "../static-server.js";
import { buildSample, CHROMIUM, toolAvailable } from "../tools.js";

/** A release row of index.html as the build wrote it: what the filters should look at. */
interface Row {
  readonly href: string;
  readonly project: string;
  readonly services: readonly string[];
  readonly labels: readonly string[];
  readonly search: string;
}

function indexRows(html: string): Row[] {
  const rows: Row[] = [];
  let pending: Omit<Row, "href"> | null = null;
  for (const element of elements(html)) {
    const data = element.attrs;
    if (element.tag === "tr" && data.has("data-project")) {
      const list = (name: string) => (data.get(name) ?? "").split("\n").filter(Boolean);
      pending = { project: data.get("data-project") ?? "", services: list("data-services"), labels: list("data-labels"), search: data.get("data-search") ?? "" };
    } else if (element.tag === "a" && pending !== null) {
      rows.push({ ...pending, href: element.attrs.get("href") ?? "" });
      pending = null;
    }
  }
  return rows;
}

const available = toolAvailable(CHROMIUM, "chromium", "the browser tests (test/browser/)");

describe.skipIf(!available)("the sample site in a real Chromium", () => {
  let site: string;
  let server: StaticServer;
  let browser: Browser;
  let rows: Row[];
  beforeAll(async () => {
    site = await buildSample();
    server = await startStaticServer(site);
    browser = await launchChromium();
    rows = indexRows(readFileSync(path.join(site, "index.html"), "utf8"));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const origins = [
    { name: "from disk (file://)", base: () => `${pathToFileURL(site).href}/` },
    { name: "from a plain HTTP server", base: () => server.url },
  ];

  /** The hrefs of the release rows a reader can see right now. */
  const shownRows = (page: Page) => page.locator("#releases tbody tr:visible td:first-child a").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
  const expectClean = (watch: PageWatch) => {
    expect(watch.problems).toEqual([]);
    expect(watch.requests.length).toBeGreaterThan(0);
  };

  it("would notice a request leaving the machine, and blocks it (the watch these tests rely on)", async () => {
    const { context, watch } = await watchedContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}index.html`);
    await page.evaluate(() => fetch("https://example.com/beacon").catch(() => undefined));
    await context.close();
    expect(watch.problems).toContainEqual("request leaving the machine: https://example.com/beacon");
  });

  for (const origin of origins) {
    for (const width of [1280, 390]) {
      it(`filters by project, service and label and searches text, ${origin.name}, ${width} px wide`, async () => {
        const { context, watch } = await watchedContext(browser, { viewport: { width, height: 900 } });
        const page = await context.newPage();
        await page.goto(`${origin.base()}index.html`);
        const form = page.locator("#filters");
        await expect.poll(() => form.isVisible()).toBe(true);
        const all = rows.map((row) => row.href);
        expect(all.length).toBe(14);
        expect(await shownRows(page)).toEqual(all);
        await expect.poll(() => page.locator("#result-count").textContent()).toBe("Showing 14 of 14 releases");

        await form.getByLabel("Project").selectOption("koderover-demo");
        const demo = rows.filter((row) => row.project === "koderover-demo");
        expect(demo.length).toBeGreaterThan(1);
        expect(await shownRows(page)).toEqual(demo.map((row) => row.href));
        expect(await page.locator("#result-count").textContent()).toBe(`Showing ${demo.length} of 14 releases`);

        await form.getByLabel("Service").selectOption("nginx");
        const nginx = demo.filter((row) => row.services.includes("nginx"));
        expect(nginx.length).toBeGreaterThan(0);
        expect(nginx.length).toBeLessThan(demo.length);
        expect(await shownRows(page)).toEqual(nginx.map((row) => row.href));

        await form.getByRole("button", { name: "Clear" }).click();
        await expect.poll(() => shownRows(page)).toEqual(all);

        await form.getByLabel("Label").selectOption("hotfix");
        const hotfix = rows.filter((row) => row.labels.includes("hotfix"));
        expect(hotfix.length).toBeGreaterThan(0);
        expect(await shownRows(page)).toEqual(hotfix.map((row) => row.href));
        await form.getByLabel("Label").selectOption("");

        await form.getByLabel("Search").fill("picket");
        const picket = rows.filter((row) => row.search.includes("picket"));
        expect(picket.length).toBeGreaterThan(0);
        expect(picket.length).toBeLessThan(14);
        expect(await shownRows(page)).toEqual(picket.map((row) => row.href));

        await form.getByLabel("Search").fill("no-such-release-anywhere");
        expect(await shownRows(page)).toEqual([]);
        expect(await page.getByText("No release matches these filters.").isVisible()).toBe(true);
        await context.close();
        expectClean(watch);
      });
    }

    it(`applies ?project= and ?q= from the address, ${origin.name}`, async () => {
      const { context, watch } = await watchedContext(browser);
      const page = await context.newPage();
      await page.goto(`${origin.base()}index.html?project=nginx2&q=hotfix`);
      const expected = rows.filter((row) => row.project === "nginx2" && row.search.includes("hotfix"));
      expect(expected.length).toBeGreaterThan(0);
      await expect.poll(() => shownRows(page)).toEqual(expected.map((row) => row.href));
      expect(await page.locator("#filters").getByLabel("Project").inputValue()).toBe("nginx2");
      expect(await page.locator("#filters").getByLabel("Search").inputValue()).toBe("hotfix");
      await context.close();
      expectClean(watch);
    });

    it(`clicks from the index to a release, to one of its images, and on to another release with that image, ${origin.name}`, async () => {
      const { context, watch } = await watchedContext(browser);
      const page = await context.newPage();
      await page.goto(`${origin.base()}index.html`);
      await page.locator("#releases").getByRole("link", { name: "2.4.1", exact: true }).click();
      await expect.poll(() => page.locator("h1").textContent()).toMatch(/^2\.4\.1\b/);
      expect(page.url()).toContain("/releases/payments/2.4.1-");

      const image = "registry.example.com/payments/api:2.4.1";
      await page.getByRole("link", { name: image, exact: true }).first().click();
      await expect.poll(() => page.locator("h1").textContent()).toBe(image);
      expect(page.url()).toMatch(/\/img\/registry\.example\.com\/payments\/api\/t-2\.4\.1--[0-9a-f]{10}\/index\.html$/);
      const imageUrl = page.url();

      await page.locator("section", { has: page.locator("h2#releases") }).getByRole("link", { name: "2.4.1-rc.1", exact: true }).first().click();
      await expect.poll(() => page.locator("h1").textContent()).toMatch(/^2\.4\.1-rc\.1\b/);
      const inThisRelease = page.locator("section", { has: page.locator("h2#images") }).getByRole("link", { name: image, exact: true });
      expect(await inThisRelease.getAttribute("href").then((href) => new URL(href ?? "", page.url()).href)).toBe(imageUrl);

      await page.goBack();
      await expect.poll(() => page.locator("h1").textContent()).toBe(image);
      await context.close();
      expectClean(watch);
    });
  }
});
