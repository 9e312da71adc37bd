import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { PACKAGE_ROOT } from "./package-root.js";
import type { SiteViews } from "./views.js";

/** Renders every HTML page with Eleventy into `outputDir`; the views are the only data templates see. */
export async function renderPages(views: SiteViews, outputDir: string): Promise<void> {
  const eleventy = new Eleventy(path.join(PACKAGE_ROOT, "templates"), outputDir, {
    quietMode: true,
    configPath: path.join(PACKAGE_ROOT, ".eleventy.js"),
    config: (eleventyConfig) => eleventyConfig.addGlobalData("site", views),
  });
  eleventy.disableLogger();
  await eleventy.write();
}
