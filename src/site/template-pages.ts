import nunjucks from "nunjucks";
import { isLazyList, toArray, type LazyList } from "../util/lazy-list.js";
import type { PageTemplate } from "./page-templates.js";
import type { OutputFile } from "./write-files.js";

/**
 * The pages a set of page templates makes from the site data, as Eleventy makes them: a single-page template
 * renders once with `{ site }`; a paginated one renders once per item of `site[key]` with `{ site, <alias>: item }`.
 * Lazy all the way: an item (a page view) is made when the writer takes the next file, and the page is rendered
 * when it is written, so only the pages in flight are ever in memory.
 */
export function* templatePageFiles(env: nunjucks.Environment, templates: readonly PageTemplate[], site: object): Generator<OutputFile> {
  for (const template of templates) {
    const page = new nunjucks.Template(template.body, env, template.file, true);
    const permalink = new nunjucks.Template(template.permalink, env, `${template.file} (permalink)`, true);
    if (template.pagination === null) {
      yield pageFile(template, page, permalink, { site });
      continue;
    }
    const { key, alias } = template.pagination;
    const items = itemsOf(site, key, template.name);
    for (let index = 0; index < items.length; index++) yield pageFile(template, page, permalink, { site, [alias]: items.at(index) });
  }
}

/** How many pages the templates make: what the progress display counts. */
export function pageCount(templates: readonly PageTemplate[], site: object): number {
  return templates.reduce((sum, template) => sum + (template.pagination === null ? 1 : itemsOf(site, template.pagination.key, template.name).length), 0);
}

/** The site data with every paginated collection emptied: what Eleventy gets when it renders only the site shell. */
export function withoutPaginated(site: object, templates: readonly PageTemplate[]): Record<string, unknown> {
  const shell: Record<string, unknown> = { ...site };
  for (const template of templates) if (template.pagination !== null) shell[template.pagination.key] = [];
  return shell;
}

/** The site data with every paginated collection made into an array: what Eleventy needs to paginate over it. */
export function withPaginatedArrays(site: object, templates: readonly PageTemplate[]): Record<string, unknown> {
  const data: Record<string, unknown> = { ...site };
  for (const template of templates) {
    if (template.pagination === null) continue;
    const items = itemsOf(site, template.pagination.key, template.name);
    data[template.pagination.key] = Array.isArray(items) ? items : toArray(items);
  }
  return data;
}

function pageFile(template: PageTemplate, page: nunjucks.Template, permalink: nunjucks.Template, context: Record<string, unknown>): OutputFile {
  return { file: outputPath(template, permalink.render(context)), body: () => page.render(context) };
}

/** A paginated collection: an array, or a lazy list whose items are made on demand. */
function itemsOf(site: object, key: string, name: string): LazyList<unknown> | readonly unknown[] {
  const items: unknown = Object.getOwnPropertyDescriptor(site, key)?.value;
  if (Array.isArray(items)) return items;
  if (isLazyList(items)) return items;
  throw new Error(`${name}: paginates over site.${key}, which is not a list`);
}

/** Eleventy's rule: a permalink ending in "/" gets index.html. The route table has already checked every path. */
function outputPath(template: PageTemplate, permalink: string): string {
  const file = permalink.replace(/^\/+/, "");
  if (file === "" || file.split("/").includes("..")) throw new Error(`${template.name}: permalink ${JSON.stringify(permalink)} is not a path inside the site`);
  return file.endsWith("/") ? `${file}index.html` : file;
}
