import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { createNunjucksEnv } from "./nunjucks-env.js";
import { PACKAGE_ROOT } from "./package-root.js";
import { loadPageTemplates } from "./page-templates.js";
import { templatePageFiles, withoutPaginated } from "./template-pages.js";
import { writeFiles } from "./write-files.js";

/**
 * Renders every HTML page into `outputDir`. Eleventy renders the site shell (the single-page templates); the
 * paginated entity pages (one per release, one per image) are rendered from the same templates through the
 * plain Nunjucks environment and written as they are rendered: byte-identical to what Eleventy writes, without
 * Eleventy's per-page cost (about 0.7 ms and 20 KB per page, and every rendered page held until the end).
 * `onPage` is called after each entity page is written. Returns the bytes of the entity pages.
 */
export async function renderPages(views: object, outputDir: string, onPage?: () => void): Promise<number> {
  const templates = await loadPageTemplates();
  await renderWithEleventy(withoutPaginated(views, templates), outputDir);
  const paginated = templates.filter((template) => template.pagination !== null);
  return writeFiles(outputDir, templatePageFiles(createNunjucksEnv(), paginated, views), 32, onPage);
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
