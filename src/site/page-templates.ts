import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { PACKAGE_ROOT } from "./package-root.js";

/** One template of `templates/pages/`, read the way Eleventy reads it: front matter apart from the body. */
export interface PageTemplate {
  /** Path relative to `templates/` ("pages/release.njk"), as error messages name it. */
  readonly name: string;
  /** Absolute path, given to Nunjucks so its errors name the file. */
  readonly file: string;
  /** The Nunjucks source after the front matter. */
  readonly body: string;
  /** The front matter's `permalink`, itself a Nunjucks template ("{{ view.url }}"). */
  readonly permalink: string;
  /** `pagination: { data: site.<key>, size: 1, alias }`: one page per item of `site[key]`; null for a single page. */
  readonly pagination: { readonly key: string; readonly alias: string } | null;
}

export const PAGES_FOLDER = path.join(PACKAGE_ROOT, "templates", "pages");

/**
 * Splits a template into front matter and body exactly as Eleventy's gray-matter does: the text between a first
 * line `---` and the next line `---` is YAML; the body starts after that line's line break.
 * @example splitFrontMatter("---\na: 1\n---\n<p>x</p>\n") // { data: { a: 1 }, body: "<p>x</p>\n" }
 */
export function splitFrontMatter(text: string): { data: unknown; body: string } {
  if (!text.startsWith("---") || text.charAt(3) === "-") return { data: {}, body: text };
  const rest = text.slice(3);
  const close = rest.indexOf("\n---");
  if (close === -1) return { data: parseYaml(rest) ?? {}, body: "" };
  let body = rest.slice(close + "\n---".length);
  if (body.startsWith("\r")) body = body.slice(1);
  if (body.startsWith("\n")) body = body.slice(1);
  return { data: parseYaml(rest.slice(0, close)) ?? {}, body };
}

/** Every `templates/pages/*.njk`, sorted by name, with its permalink and pagination read from the front matter. */
export async function loadPageTemplates(folder: string = PAGES_FOLDER): Promise<PageTemplate[]> {
  const names = (await readdir(folder)).filter((name) => name.endsWith(".njk")).sort();
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(folder, name);
      return toPageTemplate(`pages/${name}`, file, await readFile(file, "utf8"));
    }),
  );
}

/** Reads one page template's front matter; throws on a shape the site's renderers do not support. */
export function toPageTemplate(name: string, file: string, text: string): PageTemplate {
  const { data, body } = splitFrontMatter(text);
  const front = isRecord(data) ? data : {};
  const permalink = front["permalink"];
  if (typeof permalink !== "string") throw new Error(`${name}: the front matter needs a permalink string`);
  const pagination = front["pagination"];
  if (pagination === undefined) return { name, file, body, permalink, pagination: null };
  const source = isRecord(pagination) ? pagination["data"] : undefined;
  const alias = isRecord(pagination) ? pagination["alias"] : undefined;
  const size = isRecord(pagination) ? pagination["size"] : undefined;
  if (typeof source !== "string" || !/^site\.[A-Za-z]\w*$/.test(source) || typeof alias !== "string" || size !== 1) {
    throw new Error(`${name}: pagination must be { data: site.<name>, size: 1, alias: <name> }`);
  }
  return { name, file, body, permalink, pagination: { key: source.slice("site.".length), alias } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
