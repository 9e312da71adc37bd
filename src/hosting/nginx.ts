import { byCodePoint } from "../model/compare.js";
import { HOSTING_FILES } from "./layout.js";
import { nginxValuePattern } from "./nginx-pattern.js";
import { NOT_FOUND_JSON } from "./not-found.js";
import { splitRoutes, type PathRoute, type QueryRoute, type RouteEntry } from "./query-routes.js";

/** The two nginx includes: `maps` goes in `http { }`, `locations` in the snapshot's `server { }`. */
export interface NginxGlue {
  readonly maps: string;
  readonly locations: string;
}

const NAMED_404 = "@zadig_snapshot_json_404";
const ABSENT = "-";
const UNKNOWN = "!";
// nginx's map hash defaults (max_size 2048, bucket 64) hold a few thousand short keys; above this, size it.
const LARGE_MAP_KEYS = 1000;
// nginx reads config through a 4096-byte buffer: a longer parameter is "too long parameter" (checked on 1.22).
const MAX_KEY_CHARS = 3900;

interface RouteVariables {
  readonly route: QueryRoute;
  readonly file: string;
  readonly params: readonly { readonly name: string; readonly sent: string; readonly token: string; readonly tokens: ReadonlyMap<string, string> }[];
}

/**
 * The nginx glue for a route table: every query route's known queries mapped to their files through `map`
 * allowlists (raw and percent-encoded spellings, any parameter order), every path route as an exact location,
 * and a JSON 404 for everything else under `/api/`. No request value is ever written into a path.
 */
export function nginxGlue(entries: readonly RouteEntry[]): NginxGlue {
  const { queryRoutes, pathRoutes } = splitRoutes(entries);
  for (const route of [...queryRoutes, ...pathRoutes]) {
    if (!route.route.startsWith("/api/")) throw new Error(`nginx glue: route ${route.route} is outside /api/`);
  }
  const routes = withVariableNames(queryRoutes);
  return { maps: mapsFile(routes), locations: locationsFile(routes, pathRoutes) };
}

function withVariableNames(queryRoutes: readonly QueryRoute[]): RouteVariables[] {
  const used = new Set<string>();
  return queryRoutes.map((route, index) => {
    const last = (route.route.split("/").pop() ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "_");
    const base = used.has(last) ? `${last}_${index}` : last;
    used.add(base);
    const prefix = `zadig_snapshot_${base}`;
    return {
      route,
      file: `${prefix}_file`,
      params: route.params.map((name) => {
        const values = [...new Set(route.answers.flatMap((answer) => (Object.hasOwn(answer.query, name) ? [answer.query[name] ?? ""] : [])))].sort(byCodePoint);
        const token = `${prefix}_${name.toLowerCase()}`;
        return { name, sent: `${token}_sent`, token, tokens: new Map(values.map((value, i) => [value, `v${i}`])) };
      }),
    };
  });
}

function mapsFile(routes: readonly RouteVariables[]): string {
  const largest = Math.max(0, ...routes.map((route) => route.route.answers.length));
  const sizing =
    largest > LARGE_MAP_KEYS
      ? [
          `# ${largest} known queries in one map: more than nginx's default map hash holds. If your http { } already sets`,
          "# these two directives, delete them here and keep yours at least this large (nginx rejects duplicates).",
          `map_hash_max_size ${2 ** Math.ceil(Math.log2(largest * 2))};`,
          "map_hash_bucket_size 128;",
          "",
        ]
      : [];
  return [
    `# zadig-snapshot nginx glue, part 1 of 2: maps for the http { } block. Generated from api/routes.json; do not edit.`,
    `#   http {   include /srv/snapshot/${HOSTING_FILES.nginxMaps};`,
    `#     server { root /srv/snapshot; include /srv/snapshot/${HOSTING_FILES.nginxLocations}; } }`,
    "# Each query value is compared with the values this snapshot holds, as regular expressions that accept the raw",
    "# and the percent-encoded spelling (nginx's $arg_* is never decoded). A request value never becomes part of a",
    "# file path; an unknown value answers 404 with a JSON body.",
    "",
    ...sizing,
    ...routes.flatMap(routeMaps),
  ].join("\n");
}

function routeMaps(route: RouteVariables): string[] {
  const combined = route.params.map((param) => `$${param.token}`).join(":");
  return [
    `# GET ${route.route.route}?${route.route.params.map((name) => `${name}=`).join("&")} (any order; other parameters are ignored)`,
    ...route.params.flatMap((param) => [
      // "-" when absent, "=" when sent, even empty or bare (`?name`, which Go reads as ""): $arg_* alone cannot
      // tell these apart, and map never tries its regexes on an empty string, so the value map's source is never empty.
      `map $args $${param.sent} {`,
      `    default "${ABSENT}";`,
      `    "~*(?:^|&)${param.name}(?:=|&|$)" "=";`,
      "}",
      `map "$${param.sent}$arg_${param.name}" $${param.token} {`,
      `    default "${UNKNOWN}";`,
      `    "~^${ABSENT}$" "${ABSENT}";`,
      ...[...param.tokens].map(([value, token]) => valueLine(value, token)),
      "}",
    ]),
    `map "${combined}" $${route.file} {`,
    '    default "";',
    ...route.route.answers.map((answer) => {
      const key = route.params.map((param) => (Object.hasOwn(answer.query, param.name) ? param.tokens.get(answer.query[param.name] ?? "") : ABSENT)).join(":");
      return `    "${key}" "/${answer.file}";`;
    }),
    "}",
    "",
  ];
}

/** One allowlist entry, or a comment when the value is too long for nginx to read (that query then answers 404). */
function valueLine(value: string, token: string): string {
  const key = `~^=${nginxValuePattern(value)}$`;
  const shown = JSON.stringify(value.length > 120 ? `${value.slice(0, 120)}…` : value);
  return key.length <= MAX_KEY_CHARS
    ? `    "${key}" "${token}";  # ${shown}`
    : `    # left out, answers 404 here: its pattern exceeds nginx's 4 KB parameter limit: ${shown}`;
}

function locationsFile(routes: readonly RouteVariables[], pathRoutes: readonly PathRoute[]): string {
  return [
    "# zadig-snapshot nginx glue, part 2 of 2: locations for the server { } whose root is the snapshot folder.",
    `# Needs ${HOSTING_FILES.nginxMaps} in http { }. Generated from api/routes.json; do not edit.`,
    "",
    "# Pages: a missing page gets the snapshot's 404.html (self-contained, so it renders at any depth).",
    "error_page 404 /404.html;",
    "",
    "# The JSON mirror at its own paths; anything missing under /api/ is a JSON 404, never the HTML page.",
    "location /api/ {",
    "    default_type application/json;",
    `    error_page 404 = ${NAMED_404};`,
    "    try_files $uri =404;",
    "",
    ...routes.flatMap((route) => [
      `    # GET ${route.route.route}?… : the file for exactly this query, from the allowlist maps`,
      `    location = ${route.route.route} {`,
      `        if ($${route.file} = "") { return 404; }`,
      `        try_files $${route.file} =404;`,
      "    }",
    ]),
    ...(pathRoutes.length > 0 ? ["", "    # Path routes (GET /api/aslan/delivery/releases/:id): one exact location each"] : []),
    ...pathRoutes.map((route) => `    location = ${route.route} { try_files /${route.file} =404; }`),
    "}",
    "",
    `location ${NAMED_404} {`,
    "    types { }",
    "    default_type application/json;",
    `    return 404 '${NOT_FOUND_JSON.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\n/g, "\\n")}';`,
    "}",
    "",
  ].join("\n");
}
