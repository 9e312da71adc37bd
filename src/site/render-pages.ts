import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { createNunjucksEnv } from "./nunjucks-env.js";
import { PACKAGE_ROOT } from "./package-root.js";
import { loadPageTemplates, type PageTemplate } from "./page-templates.js";
import { pageCount, templatePageFiles, withoutPaginated } from "./template-pages.js";
import type { OutputFile } from "./write-files.js";

/**
 * How the HTML pages are made. Eleventy renders the site shell: the single-page templates (index, images, 404,
 * about, validation). The paginated entity pages (one per release, one per image) are rendered from the same
 * templates through the plain Nunjucks environment and written like every other output file: byte-identical to
 * what Eleventy writes (test/site/template-pages.test.ts), without Eleventy's per-page cost (about 0.7 ms and
 * 20 KB per page, every rendered page held until the end: 5.3 GB RSS at 10,000 releases).
 */
export async function renderShell(views: object, outputDir: string, templates?: readonly PageTemplate[]): Promise<void> {
  await renderWithEleventy(withoutPaginated(views, templates ?? (await loadPageTemplates())), outputDir);
}

/** The entity pages as output files (each view made and each page rendered only when the writer takes it), and how many. */
export async function entityPageFiles(views: object, templates?: readonly PageTemplate[]): Promise<{ count: number; files: Iterable<OutputFile> }> {
  const paginated = (templates ?? (await loadPageTemplates())).filter((template) => template.pagination !== null);
  return { count: pageCount(paginated, views), files: templatePageFiles(createNunjucksEnv(), paginated, views) };
}

/** Renders every page template with Eleventy into `outputDir`; `site` is the only data templates see. */
export async function renderWithEleventy(site: object, outputDir: string): Promise<void> {
  const eleventy = new Eleventy(path.join(PACKAGE_ROOT, "templates"), outputDir, {
    quietMode: true,
    configPath: path.join(PACKAGE_ROOT, ".eleventy.js"),
    config: (eleventyConfig) => eleventyConfig.addGlobalData("site", site),
  });
  eleventy.disableLogger();
  await eleventy.write();
}
