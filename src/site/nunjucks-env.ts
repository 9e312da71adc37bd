import path from "node:path";
import nunjucks from "nunjucks";
import { FILTERS, NUNJUCKS_OPTIONS } from "./filters.js";
import { PACKAGE_ROOT } from "./package-root.js";

/**
 * A plain Nunjucks environment over the same templates, filters and options Eleventy uses: for output rendered
 * outside Eleventy (single-file reports, the benchmark's floor).
 */
export function createNunjucksEnv(): nunjucks.Environment {
  const templates = path.join(PACKAGE_ROOT, "templates");
  const loader = new nunjucks.FileSystemLoader([path.join(templates, "_includes"), templates], { noCache: false });
  const env = new nunjucks.Environment(loader, { ...NUNJUCKS_OPTIONS });
  for (const [name, filter] of Object.entries(FILTERS)) env.addFilter(name, filter);
  return env;
}
