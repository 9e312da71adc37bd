import { marked, type Token, type Tokens } from "marked";
import { elements } from "../html.js";

// Every attribute through which HTML can make a browser fetch or navigate to something.
const URL_ATTRIBUTES = new Set(["href", "src", "srcset", "action", "formaction", "poster", "data", "background", "cite", "longdesc", "manifest", "ping", "xlink:href", "codebase", "archive", "icon", "lowsrc", "dynsrc", "imagesrcset"]);
const FETCHING_ELEMENTS = new Set(["script", "link", "iframe", "frame", "object", "embed", "img", "image", "base", "form", "audio", "video", "source", "track", "picture", "portal"]);

/**
 * What in a report refers to another file or host, other than http(s) anchors (code hosts, Jira) and `#fragment`
 * links to an id in the same document; plus fragments with no target. Empty when the report stands alone.
 */
export function outsideReferences(html: string): string[] {
  const problems: string[] = [];
  const all = elements(html);
  const ids = new Set(all.flatMap((element) => element.attrs.get("id") ?? []));
  for (const element of all) {
    if (FETCHING_ELEMENTS.has(element.tag)) problems.push(`<${element.tag}>`);
    if (element.tag === "meta" && element.attrs.get("http-equiv")?.toLowerCase() === "refresh") problems.push("<meta http-equiv=refresh>");
    for (const [name, value] of element.attrs) {
      if (name === "style" && /url\s*\(|@import|image-set\s*\(/i.test(value)) problems.push(`${element.tag} style=${value}`);
      if (!URL_ATTRIBUTES.has(name)) continue;
      if (name === "href" && element.tag === "a" && /^https?:\/\//i.test(value)) continue;
      if (name === "href" && element.tag === "a" && value.startsWith("#") && ids.has(value.slice(1))) continue;
      problems.push(`${element.tag} ${name}="${value}"`);
    }
  }
  for (const [, css = ""] of html.matchAll(/<style>([\s\S]*?)<\/style>/g)) {
    for (const match of css.matchAll(/url\s*\(|@import|image-set\s*\(|src\s*:/gi)) problems.push(`CSS ${match[0]}`);
  }
  return problems;
}

/** Every table in GFM Markdown with its raw lines' cell counts, and every raw-HTML token anywhere. */
export function markdownStructure(markdown: string): { tables: { header: string[]; rows: number; cellCounts: number[] }[]; html: string[] } {
  const tokens = marked.lexer(markdown, { gfm: true });
  const tables = tokens
    .filter((token): token is Tokens.Table => token.type === "table")
    .map((table) => ({
      header: table.header.map((cell) => cell.text),
      rows: table.rows.length,
      cellCounts: table.raw.trimEnd().split("\n").map(cellCount),
    }));
  const html: string[] = [];
  const walk = (list: readonly Token[]) => {
    for (const token of list) {
      if (token.type === "html") html.push(token.raw);
      if ("tokens" in token && Array.isArray(token.tokens)) walk(token.tokens);
      if (token.type === "table") for (const cell of [...token.header, ...token.rows.flat()]) walk(cell.tokens);
      if (token.type === "list") walk(token.items);
    }
  };
  walk(tokens);
  return { tables, html };
}

/** Cells in one raw GFM table line: unescaped pipes, minus the leading and trailing ones. */
function cellCount(line: string): number {
  let pipes = 0;
  let escaped = false;
  for (const char of line.trim()) {
    if (char === "|" && !escaped) pipes++;
    escaped = char === "\\" && !escaped;
  }
  return pipes - 1;
}
