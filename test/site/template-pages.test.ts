import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { importData } from "../../src/importer/index.js";
import { buildContext, buildSite } from "../../src/site/build.js";
import { createNunjucksEnv } from "../../src/site/nunjucks-env.js";
import { loadPageTemplates, splitFrontMatter, toPageTemplate } from "../../src/site/page-templates.js";
import { renderWithEleventy } from "../../src/site/render-pages.js";
import { pageCount, templatePageFiles, withoutPaginated, withPaginatedArrays } from "../../src/site/template-pages.js";
import { lazyList } from "../../src/util/lazy-list.js";
import { fixture, readTree, ROOT, tempDir } from "../helpers.js";

describe("splitFrontMatter", () => {
  it("reads the YAML between the --- lines and keeps the body from the next line on, as Eleventy does", () => {
    expect(splitFrontMatter("---\npermalink: x.html\n---\n{% extends \"a\" %}\n")).toEqual({ data: { permalink: "x.html" }, body: '{% extends "a" %}\n' });
  });

  it("drops one CRLF after the closing line and keeps further blank lines", () => {
    expect(splitFrontMatter("---\na: 1\n---\r\n\nbody").body).toBe("\nbody");
  });

  it("treats text without a leading --- line (or with ----) as all body", () => {
    expect(splitFrontMatter("<p>hi</p>\n")).toEqual({ data: {}, body: "<p>hi</p>\n" });
    expect(splitFrontMatter("----\na: 1\n")).toEqual({ data: {}, body: "----\na: 1\n" });
  });

  it("gives an empty body when the front matter never closes", () => {
    expect(splitFrontMatter("---\na: 1\n")).toEqual({ data: { a: 1 }, body: "" });
  });
});

describe("toPageTemplate", () => {
  it("reads a paginated template's collection key and alias", () => {
    const template = toPageTemplate("pages/r.njk", "/t/pages/r.njk", "---\npagination:\n  data: site.releases\n  size: 1\n  alias: view\npermalink: \"{{ view.url }}\"\n---\nbody");
    expect(template).toMatchObject({ name: "pages/r.njk", permalink: "{{ view.url }}", pagination: { key: "releases", alias: "view" }, body: "body" });
  });

  it("refuses pagination it cannot reproduce exactly (a size other than 1, data outside site)", () => {
    expect(() => toPageTemplate("pages/r.njk", "/r", "---\npagination:\n  data: site.releases\n  size: 2\n  alias: view\npermalink: x\n---\n")).toThrow(/pages\/r\.njk: pagination must be/);
    expect(() => toPageTemplate("pages/r.njk", "/r", "---\npagination:\n  data: collections.all\n  size: 1\n  alias: view\npermalink: x\n---\n")).toThrow(/pagination must be/);
  });

  it("needs a permalink", () => {
    expect(() => toPageTemplate("pages/x.njk", "/x", "---\ntitle: x\n---\n")).toThrow("pages/x.njk: the front matter needs a permalink string");
  });
});

describe("templatePageFiles", () => {
  it("makes one page per item of a paginated collection, making each item only when its file is taken", async () => {
    const templates = (await loadPageTemplates()).filter((template) => template.name === "pages/404.njk");
    const made: number[] = [];
    const site = { notFound: { url: "404.html", root: "", title: "Not found" }, items: lazyList([1, 2, 3], (n) => (made.push(n), n)) };
    const paginated = toPageTemplate("pages/n.njk", "/n", "---\npagination:\n  data: site.items\n  size: 1\n  alias: n\npermalink: \"n/{{ n }}/\"\n---\n<p>{{ n }}</p>");
    const files = templatePageFiles(createNunjucksEnv(), [...templates, paginated], site);
    expect(files.next().value?.file).toBe("404.html");
    expect(made).toEqual([]);
    const first = files.next().value;
    expect(made).toEqual([1]);
    expect(first?.file).toBe("n/1/index.html");
    expect(first?.body()).toBe("<p>1</p>");
    expect([...files].map((file) => file.file)).toEqual(["n/2/index.html", "n/3/index.html"]);
    expect(pageCount([...templates, paginated], site)).toBe(4);
  });

  it("refuses a permalink that leaves the site", () => {
    const escape = toPageTemplate("pages/e.njk", "/e", "---\npermalink: \"../{{ site.name }}.html\"\n---\nx");
    expect(() => [...templatePageFiles(createNunjucksEnv(), [escape], { name: "x" })]).toThrow(/pages\/e\.njk: permalink "\.\.\/x\.html" is not a path inside the site/);
  });

  it("empties every paginated collection for Eleventy, and fills them as arrays when Eleventy renders everything", async () => {
    const templates = await loadPageTemplates();
    const site = { index: 1, releases: lazyList([1, 2], (n) => n * 10), imagePages: lazyList([3], (n) => n) };
    expect(withoutPaginated(site, templates)).toEqual({ index: 1, releases: [], imagePages: [] });
    expect(withPaginatedArrays(site, templates)).toEqual({ index: 1, releases: [10, 20], imagePages: [3] });
  });
});

/** The proof that rendering entity pages outside Eleventy changed no byte: every page Eleventy would write, compared. */
describe.each([
  ["the sample in data/", path.join(ROOT, "data")],
  ["the hostile-input fixture", fixture("xss")],
])("the build's pages for %s", (_name, input) => {
  let eleventy: Map<string, Buffer>;
  let built: Map<string, Buffer>;
  beforeAll(async () => {
    const imported = await importData(input);
    const context = await buildContext(imported, {});
    const all = path.join(tempDir(), "eleventy");
    await renderWithEleventy(withPaginatedArrays(context.views, await loadPageTemplates()), all);
    eleventy = readTree(all);
    const site = path.join(tempDir(), "site");
    await buildSite(imported, { inputDir: input, outputDir: site });
    built = readTree(site);
  });

  it("are byte-identical to what Eleventy renders from the same templates and views", () => {
    expect(eleventy.size).toBeGreaterThan(5);
    for (const [file, bytes] of eleventy) expect(built.get(file)?.equals(bytes), file).toBe(true);
  });

  it("are exactly the pages Eleventy renders: the build writes no other page from these templates", () => {
    const pages = [...built.keys()].filter((file) => file.endsWith(".html") && !file.startsWith("reports/"));
    expect(pages.sort()).toEqual([...eleventy.keys()].sort());
  });
});
