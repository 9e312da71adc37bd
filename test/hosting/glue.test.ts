import { writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { netlifyEdgeFunction, netlifyRedirects } from "../../src/hosting/netlify.js";
import { nginxGlue } from "../../src/hosting/nginx.js";
import { nginxValuePattern } from "../../src/hosting/nginx-pattern.js";
import { NOT_FOUND_JSON } from "../../src/hosting/not-found.js";
import { splitRoutes, type RouteEntry } from "../../src/hosting/query-routes.js";
import { tempDir } from "../helpers.js";
import { VALUE_SPELLINGS } from "./query-forms.js";

const ROUTES: RouteEntry[] = [
  { route: "/api/aslan/delivery/releases", query: {}, file: "api/aslan/delivery/releases/index.json" },
  { route: "/api/aslan/delivery/releases", query: { projectName: "payments" }, file: "api/aslan/delivery/releases/project/payments/index.json" },
  { route: "/api/aslan/delivery/releases", query: { projectName: "payments", workflowName: "" }, file: "api/aslan/delivery/releases/project/payments/workflow/x--e3b0c44298/index.json" },
  { route: "/api/aslan/delivery/releases", query: { projectName: "payments", serviceName: "api" }, file: "api/aslan/delivery/releases/project/payments/service/api.json" },
  { route: "/api/aslan/delivery/releases/648a1d90648a1dd0c6003a4d", query: {}, file: "api/aslan/delivery/releases/648a1d90648a1dd0c6003a4d.json" },
  { route: "/api/directory/dc/artifact", query: { image: "registry.example.com:5000/team/app:V1" }, file: "api/directory/dc/artifact/h/0123456789abcdef.json" },
  { route: "/api/directory/dc/artifact", query: { image: "name with space+plus" }, file: "api/directory/dc/artifact/h/fedcba9876543210.json" },
];

/** Full-match test of a generated nginx pattern, using JavaScript's regex engine for the PCRE subset it uses. */
const matches = (pattern: string, text: string) => new RegExp(`^${pattern}$`).test(text);

describe("nginxValuePattern", () => {
  it("matches every spelling of its own value: raw, encodeURIComponent, lower-case hex, form encoding, all encoded", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 24 }), (value) => {
        const pattern = nginxValuePattern(value);
        for (const spell of Object.values(VALUE_SPELLINGS)) expect(matches(pattern, spell(value)), `${JSON.stringify(value)} as ${spell(value)}`).toBe(true);
      }),
    );
  });

  it("never matches a spelling of a different value (so no two allowlist entries overlap)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-ascii", maxLength: 12 }), fc.string({ unit: "grapheme-ascii", maxLength: 12 }), (a, b) => {
        fc.pre(a !== b);
        for (const spell of Object.values(VALUE_SPELLINGS)) expect(matches(nginxValuePattern(a), spell(b))).toBe(false);
      }),
    );
  });

  it("keeps case in values, reads a raw + as a space, and accepts either hex case", () => {
    expect(matches(nginxValuePattern("app:V1"), "app:v1")).toBe(false);
    expect(matches(nginxValuePattern("a+b"), "a+b")).toBe(false);
    expect(matches(nginxValuePattern("a+b"), "a%2bb")).toBe(true);
    expect(matches(nginxValuePattern("a b"), "a+b")).toBe(true);
    expect(matches(nginxValuePattern("x:1/y"), "x%3a1%2Fy")).toBe(true);
  });

  it("writes no quote, semicolon, brace, space or $ that the nginx config parser could read", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 24 }), (value) => {
        expect(nginxValuePattern(value)).toMatch(/^[A-Za-z0-9\\x()?:|%[\]]*$/);
      }),
    );
  });
});

describe("nginxGlue", () => {
  it("maps each known query to its file through allowlist maps and never splices $arg_ into a path", () => {
    const { maps, locations } = nginxGlue(ROUTES);
    expect(maps).toContain('"-:-:-" "/api/aslan/delivery/releases/index.json";');
    expect(maps).toContain(`"~^=registry(?:\\x2E|%2[eE])example`);
    expect(locations).toContain("location = /api/aslan/delivery/releases {");
    expect(locations).toContain("location = /api/aslan/delivery/releases/648a1d90648a1dd0c6003a4d { try_files /api/aslan/delivery/releases/648a1d90648a1dd0c6003a4d.json =404; }");
    const tryFiles = locations.split("\n").filter((line) => line.includes("try_files"));
    expect(tryFiles.length).toBeGreaterThan(3);
    for (const line of tryFiles) expect(line).not.toMatch(/\$arg_|\$args|\$query_string/);
    expect(locations).toContain(`return 404 '${NOT_FOUND_JSON.trim()}\\n';`);
  });

  it("is deterministic and independent of the order of the route table", () => {
    expect(nginxGlue([...ROUTES].reverse())).toEqual(nginxGlue(ROUTES));
  });

  it("keeps comments on one line whatever a value holds", () => {
    const { maps } = nginxGlue([{ route: "/api/x", query: { v: "a\nserver { listen 80; }\r\n#" }, file: "api/x/1.json" }]);
    expect(maps).not.toMatch(/^server/m);
    expect(maps).toContain(String.raw`# "a\nserver { listen 80; }\r\n#"`);
  });

  it("refuses a route table it could not write safely", () => {
    expect(() => nginxGlue([{ route: "/api/x; include /etc", query: {}, file: "api/x.json" }])).toThrow(/not a plain path/);
    expect(() => nginxGlue([{ route: "/api/x", query: { "a b": "1" }, file: "api/x.json" }])).toThrow(/not a plain name/);
    expect(() => nginxGlue([{ route: "/api/x", query: { a: "1" }, file: "../etc/passwd" }])).toThrow(/not a safe relative path/);
    expect(() => nginxGlue([{ route: "/elsewhere", query: {}, file: "x.json" }])).toThrow(/outside \/api\//);
    expect(() =>
      nginxGlue([
        { route: "/api/x", query: { a: "1" }, file: "api/x/1.json" },
        { route: "/api/x", query: { a: "1" }, file: "api/x/2.json" },
      ]),
    ).toThrow(/answered by both/);
  });
});

describe("splitRoutes", () => {
  it("treats a route as queried when any entry has a query, and keeps its no-parameter answer", () => {
    const { queryRoutes, pathRoutes } = splitRoutes(ROUTES);
    expect(queryRoutes.map((route) => [route.route, route.params])).toEqual([
      ["/api/aslan/delivery/releases", ["projectName", "serviceName", "workflowName"]],
      ["/api/directory/dc/artifact", ["image"]],
    ]);
    expect(queryRoutes[0]?.answers).toContainEqual({ query: {}, file: "api/aslan/delivery/releases/index.json" });
    expect(pathRoutes).toEqual([{ route: "/api/aslan/delivery/releases/648a1d90648a1dd0c6003a4d", file: "api/aslan/delivery/releases/648a1d90648a1dd0c6003a4d.json" }]);
  });
});

describe("the Netlify glue", () => {
  it("writes _redirects with one static rule per path route and a JSON 404 for the rest of /api/", () => {
    const lines = netlifyRedirects(ROUTES).split("\n").filter((line) => line !== "" && !line.startsWith("#"));
    expect(lines).toEqual([
      "/api/aslan/delivery/releases/648a1d90648a1dd0c6003a4d  /api/aslan/delivery/releases/648a1d90648a1dd0c6003a4d.json  200",
      "/api/*  /hosting/not-found.json  404",
    ]);
  });

  /** The edge function, run in Node (which has the same Request/Response/URL globals as Netlify's Deno runtime). */
  async function loadEdgeFunction(): Promise<{ handler: (request: Request) => URL | Response | undefined; config: { path: string[] } }> {
    const file = path.join(tempDir(), "edge.mjs");
    writeFileSync(file, netlifyEdgeFunction(ROUTES));
    const module = (await import(pathToFileURL(file).href)) as { default: (request: Request) => URL | Response | undefined; config: { path: string[] } };
    return { handler: module.default, config: module.config };
  }

  it("has an edge function that rewrites each known query, decoded, in any order, to its file", async () => {
    const { handler, config } = await loadEdgeFunction();
    expect(config.path).toEqual(["/api/aslan/delivery/releases", "/api/directory/dc/artifact"]);
    const rewrite = (url: string) => {
      const result = handler(new Request(`https://snapshot.example${url}`));
      return result instanceof URL ? result.href : result;
    };
    expect(rewrite("/api/aslan/delivery/releases")).toBe("https://snapshot.example/api/aslan/delivery/releases/index.json");
    expect(rewrite("/api/aslan/delivery/releases?serviceName=api&page=2&projectName=payments")).toBe("https://snapshot.example/api/aslan/delivery/releases/project/payments/service/api.json");
    expect(rewrite("/api/aslan/delivery/releases?projectName=payments&workflowName=")).toBe("https://snapshot.example/api/aslan/delivery/releases/project/payments/workflow/x--e3b0c44298/index.json");
    expect(rewrite("/api/aslan/delivery/releases?projectName=payments&workflowName")).toBe("https://snapshot.example/api/aslan/delivery/releases/project/payments/workflow/x--e3b0c44298/index.json");
    expect(rewrite("/api/aslan/delivery/releases?projectName=payments&projectName=other")).toBe("https://snapshot.example/api/aslan/delivery/releases/project/payments/index.json");
    for (const spell of Object.values(VALUE_SPELLINGS)) {
      expect(rewrite(`/api/directory/dc/artifact?image=${spell("registry.example.com:5000/team/app:V1")}`)).toBe("https://snapshot.example/api/directory/dc/artifact/h/0123456789abcdef.json");
      expect(rewrite(`/api/directory/dc/artifact?image=${spell("name with space+plus")}`)).toBe("https://snapshot.example/api/directory/dc/artifact/h/fedcba9876543210.json");
    }
    expect(rewrite("/index.html")).toBeUndefined();
  });

  it("has an edge function that answers unknown or hostile values with a JSON 404", async () => {
    const { handler } = await loadEdgeFunction();
    for (const query of ["projectName=Payments", "projectName=payments&serviceName=../../etc/passwd", "projectName=..%2f..%2fx", "serviceName=api", "projectName=payments%00"]) {
      const result = handler(new Request(`https://snapshot.example/api/aslan/delivery/releases?${query}`));
      expect(result, query).toBeInstanceOf(Response);
      const response = result as Response;
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toBe("application/json");
      expect(await response.text()).toBe(NOT_FOUND_JSON);
    }
    const noImage = handler(new Request("https://snapshot.example/api/directory/dc/artifact?image=registry.example.com:5000/team/app:v1"));
    expect((noImage as Response).status).toBe(404);
  });
});
