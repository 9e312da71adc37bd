import { byCodePoint } from "../model/compare.js";
import { isSafeRelativePath } from "../site/paths.js";
import type { JsonRoute } from "../site/routes.js";

/** One line of `api/routes.json`: the original request and the mirror file that answers it. */
export type RouteEntry = Pick<JsonRoute, "route" | "query" | "file">;

/** A route the original API answers by query string: its parameter names and every query this snapshot holds. */
export interface QueryRoute {
  readonly route: string;
  /** Every parameter name any answer uses, sorted. */
  readonly params: readonly string[];
  /** Sorted by file; a parameter missing from `query` means "absent" (not "empty"). */
  readonly answers: readonly { readonly query: Readonly<Record<string, string>>; readonly file: string }[];
}

/** A route answered by its path alone (`GET /api/aslan/delivery/releases/:id`). */
export interface PathRoute {
  readonly route: string;
  readonly file: string;
}

export interface HostRoutes {
  readonly queryRoutes: readonly QueryRoute[];
  readonly pathRoutes: readonly PathRoute[];
}

// What may appear in generated config unquoted: the route table's own constants and ids, never export text.
const SAFE_ROUTE = /^\/[A-Za-z0-9._~!-]+(?:\/[A-Za-z0-9._~!-]+)*$/;
const SAFE_PARAM = /^[A-Za-z][A-Za-z0-9_]*$/;
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * Splits the route table into query routes and path routes, the shape every host's glue is written from.
 * A route is a query route when any of its entries has a query. Throws on a route, parameter or file that
 * is not safe to write into host configuration (an encoding bug, never bad input).
 * @example splitRoutes([{ route: "/api/x", query: { id: "1" }, file: "api/x/1.json" }]).queryRoutes[0]?.params // ["id"]
 */
export function splitRoutes(entries: readonly RouteEntry[]): HostRoutes {
  for (const entry of entries) assertSafe(entry);
  const queried = new Set(entries.filter((entry) => Object.keys(entry.query).length > 0).map((entry) => entry.route));
  const queryRoutes = [...queried].sort(byCodePoint).map((route) => {
    // A value with a lone surrogate cannot arrive in any URL (decoding yields U+FFFD), so no glue can answer it.
    const answers = entries
      .filter((entry) => entry.route === route && !Object.values(entry.query).some((value) => LONE_SURROGATE.test(value)))
      .map((entry) => ({ query: entry.query, file: entry.file }))
      .sort((a, b) => byCodePoint(a.file, b.file));
    const params = [...new Set(answers.flatMap((answer) => Object.keys(answer.query)))].sort(byCodePoint);
    assertDistinctQueries(route, params, answers);
    return { route, params, answers };
  });
  const pathRoutes = entries
    .filter((entry) => !queried.has(entry.route))
    .map((entry) => ({ route: entry.route, file: entry.file }))
    .sort((a, b) => byCodePoint(a.route, b.route));
  return { queryRoutes, pathRoutes };
}

/**
 * A stable key for one query: each parameter's value in `params` order, `null` when absent.
 * @example queryKey(["a", "b"], { b: "" }) // '[null,""]'
 */
export function queryKey(params: readonly string[], query: Readonly<Record<string, string>>): string {
  return JSON.stringify(params.map((name) => (Object.hasOwn(query, name) ? query[name] : null)));
}

function assertSafe(entry: RouteEntry): void {
  if (!SAFE_ROUTE.test(entry.route)) throw new Error(`host glue: route ${JSON.stringify(entry.route)} is not a plain path`);
  if (!isSafeRelativePath(entry.file)) throw new Error(`host glue: file ${JSON.stringify(entry.file)} is not a safe relative path`);
  for (const name of Object.keys(entry.query)) {
    if (!SAFE_PARAM.test(name)) throw new Error(`host glue: query parameter ${JSON.stringify(name)} of ${entry.route} is not a plain name`);
  }
}

function assertDistinctQueries(route: string, params: readonly string[], answers: QueryRoute["answers"]): void {
  const seen = new Map<string, string>();
  for (const answer of answers) {
    const key = queryKey(params, answer.query);
    const earlier = seen.get(key);
    if (earlier !== undefined) throw new Error(`host glue: ${route}?${key} is answered by both ${earlier} and ${answer.file}`);
    seen.set(key, answer.file);
  }
}
