import { HOSTING_FILES } from "./layout.js";
import { NOT_FOUND_JSON } from "./not-found.js";
import { queryKey, splitRoutes, type RouteEntry } from "./query-routes.js";

const EDGE_FUNCTIONS_DIR = HOSTING_FILES.netlifyEdgeFunction.slice(0, HOSTING_FILES.netlifyEdgeFunction.lastIndexOf("/"));

/**
 * Netlify's `_redirects`: one static rewrite per path route, and a JSON 404 for anything else under `/api/`.
 * Query routes are left to the edge function: a `_redirects` query rule can only copy a value into a path
 * (placeholders), not compare it with a list, and image values hold `/` and `:`.
 */
export function netlifyRedirects(entries: readonly RouteEntry[]): string {
  const { queryRoutes, pathRoutes } = splitRoutes(entries);
  return [
    "# zadig-snapshot: Netlify rules. Generated from api/routes.json; do not edit. See the README, \"Hosting\".",
    `# Query URLs (${queryRoutes.map((route) => `${route.route}?…`).join(", ")}) are answered by the edge function`,
    `# in ${EDGE_FUNCTIONS_DIR}/; these rules cover the path routes and the JSON 404.`,
    ...pathRoutes.map((route) => `${route.route}  /${route.file}  200`),
    `/api/*  /${HOSTING_FILES.notFoundJson}  404`,
    "",
  ].join("\n");
}

/**
 * A Netlify Edge Function (plain JavaScript, no imports) that answers each query route's known queries with
 * their file by rewrite, and every other query with a JSON 404. Values are compared decoded, as Zadig reads
 * them; a value is only a lookup key, never part of a path.
 */
export function netlifyEdgeFunction(entries: readonly RouteEntry[]): string {
  const { queryRoutes } = splitRoutes(entries);
  // One line per known query, so a large table stays readable and diffs well.
  const table = queryRoutes.map((route) =>
    [
      `  [${JSON.stringify(route.route)}, ${JSON.stringify(route.params)}, [`,
      ...route.answers.map((answer) => `    ${JSON.stringify([queryKey(route.params, answer.query), `/${answer.file}`])},`),
      "  ]],",
    ].join("\n"),
  );
  return `// zadig-snapshot: Netlify Edge Function for the original API's query URLs. Generated from api/routes.json; do not edit.
// Deploy it with ${HOSTING_FILES.netlifyToml} (README, "Hosting").
// Each query is looked up after decoding (URLSearchParams: %XX, and "+" as a space, as Zadig reads it): parameter order
// does not matter, other parameters are ignored, the first of a repeated parameter counts. A known query is rewritten
// to its mirror file; any other gets a JSON 404. A request value is only ever a lookup key, never part of a path.

/** [route, parameter names, [[JSON array of values (null = absent), file], …]] */
const TABLE = [
${table.join("\n")}
];

const ROUTES = new Map(TABLE.map(([route, params, files]) => [route, { params, files: new Map(files) }]));
const NOT_FOUND = ${JSON.stringify(NOT_FOUND_JSON)};

export default (request) => {
  const url = new URL(request.url);
  const route = ROUTES.get(url.pathname);
  if (route === undefined) return undefined;
  const file = route.files.get(JSON.stringify(route.params.map((name) => url.searchParams.get(name))));
  if (file === undefined) {
    return new Response(NOT_FOUND, { status: 404, headers: { "content-type": "application/json" } });
  }
  return new URL(file, url);
};

export const config = { path: ${JSON.stringify(queryRoutes.map((route) => route.route))} };
`;
}

/** Netlify settings that publish the snapshot folder itself with the edge function beside it. */
export function netlifyToml(): string {
  return `# zadig-snapshot: Netlify settings for this snapshot folder. Copy this file next to index.html, then deploy
# that folder, e.g.  cp ${HOSTING_FILES.netlifyToml} . && netlify deploy --prod
# (a drag-and-drop deploy skips edge functions: then only the canonical paths and _redirects work).
[build]
  publish = "."
  edge_functions = "${EDGE_FUNCTIONS_DIR}"
`;
}
