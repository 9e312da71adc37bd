import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOSTING_FILES } from "../../src/hosting/layout.js";
import { nginxGlue } from "../../src/hosting/nginx.js";
import { NOT_FOUND_JSON } from "../../src/hosting/not-found.js";
import type { RouteEntry } from "../../src/hosting/query-routes.js";
import { tempDir } from "../helpers.js";
import { nginxConfig, rawGet, startNginx, testConfig, type RawResponse, type RunningNginx } from "../nginx.js";
import { buildSample, NGINX, toolAvailable } from "../tools.js";
import { queryStrings, VALUE_SPELLINGS } from "./query-forms.js";

const CANARY = "CANARY-outside-the-web-root-never-serve";
const available = toolAvailable(NGINX, "nginx-light", "the nginx tests (test/hosting/nginx.test.ts)");

const expectJson404 = (response: RawResponse, what: string) => {
  expect(response.status, what).toBe(404);
  expect(response.contentType, what).toBe("application/json");
  expect(response.body.toString("utf8"), what).toBe(NOT_FOUND_JSON);
};

describe.skipIf(!available)("the generated nginx glue, served by a real nginx", () => {
  let site: string;
  let nginx: RunningNginx;
  let routes: RouteEntry[];
  const get = (rawPath: string) => rawGet(nginx.port, rawPath);
  const file = (name: string) => readFileSync(path.join(site, name));

  beforeAll(async () => {
    site = await buildSample();
    const outside = path.dirname(site);
    // Readable files next to the web root: only the allowlist may keep them from being served.
    mkdirSync(path.join(outside, "secret"));
    for (const canary of ["secret/leak.json", "secret/leak", "leak.json", "secret/index.json"]) writeFileSync(path.join(outside, canary), `"${CANARY}"\n`);
    routes = JSON.parse(readFileSync(path.join(site, "api/routes.json"), "utf8")) as RouteEntry[];
    nginx = await startNginx(site, tempDir("zs-nginx-"));
  });
  afterAll(async () => {
    await nginx?.stop();
  });

  it("answers every route in api/routes.json through its original URL, byte for byte, however the query is spelled and ordered", async () => {
    let checked = 0;
    for (const route of routes) {
      const expected = file(route.file);
      const urls = Object.keys(route.query).length === 0 ? [route.route] : Object.values(VALUE_SPELLINGS).flatMap((spell) => queryStrings(route.query, spell).map((query) => `${route.route}?${query}`));
      for (const url of new Set(urls)) {
        const response = await get(url);
        expect(response.status, url).toBe(200);
        expect(response.contentType, url).toBe("application/json");
        expect(response.body.equals(expected), `${url} should serve ${route.file}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(routes.length * 2);
  });

  it("serves the unfiltered list at /api/aslan/delivery/releases with no query, and ignores paging parameters", async () => {
    const list = file("api/aslan/delivery/releases/index.json");
    for (const url of ["/api/aslan/delivery/releases", "/api/aslan/delivery/releases?", "/api/aslan/delivery/releases?page=1&per_page=20"]) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.body.equals(list), url).toBe(true);
    }
    expect((JSON.parse(list.toString("utf8")) as unknown[]).length).toBe(14);
  });

  it("tells an absent parameter from an empty one (workflowName= is its own published query)", async () => {
    const empty = routes.find((route) => route.query["workflowName"] === "" && route.query["taskId"] === undefined && route.query["projectName"] === "zadig");
    const project = routes.find((route) => Object.keys(route.query).length === 1 && route.query["projectName"] === "zadig");
    expect(empty?.file).not.toBe(project?.file);
    expect((await get("/api/aslan/delivery/releases?projectName=zadig&workflowName=")).body.equals(file(empty?.file ?? ""))).toBe(true);
    // A bare name is an empty value to Zadig's Go server too.
    expect((await get("/api/aslan/delivery/releases?projectName=zadig&workflowName")).body.equals(file(empty?.file ?? ""))).toBe(true);
    expect((await get("/api/aslan/delivery/releases?projectName=zadig")).body.equals(file(project?.file ?? ""))).toBe(true);
  });

  it("takes the first of a repeated parameter, as Zadig's Go server does", async () => {
    const response = await get("/api/aslan/delivery/releases?projectName=nginx2&projectName=zadig");
    expect(response.body.equals(file("api/aslan/delivery/releases/project/nginx2/index.json"))).toBe(true);
  });

  it("answers values this snapshot does not hold with a JSON 404, never a neighbour's file", async () => {
    const unknown = [
      "/api/aslan/delivery/releases?projectName=no-such-project",
      "/api/aslan/delivery/releases?projectName=NGINX2",
      "/api/aslan/delivery/releases?projectName=nginx",
      "/api/aslan/delivery/releases?projectName=nginx2x",
      "/api/aslan/delivery/releases?projectName=+nginx2",
      "/api/aslan/delivery/releases?projectName=nginx2&taskId=1",
      "/api/aslan/delivery/releases?projectName=nginx2&workflowName=nginx2-ops-workflow&taskId=3",
      "/api/aslan/delivery/releases?projectName=nginx2&serviceName=portal",
      "/api/aslan/delivery/releases?workflowName=nginx2-ops-workflow",
      "/api/aslan/delivery/releases?projectName",
      "/api/aslan/delivery/releases?projectName&serviceName=nginx",
      "/api/directory/dc/artifact",
      "/api/directory/dc/artifact?image=",
      "/api/directory/dc/artifact?image=registry.example.com/payments/api:2.4.2",
      "/api/directory/dc/artifact?image=REGISTRY.example.com/payments/api:2.4.1",
      "/api/directory/dc/artifact?image=registry.example.com/payments/api:2.4.1%20",
      "/api/directory/dc/artifact?image=registry.example.com/payments/api:2.4.1+",
      "/api/aslan/delivery/releases/000000000000000000000000",
      "/api/no-such-file.json",
      "/api/no-such-page.html",
      "/api/",
    ];
    for (const url of unknown) expectJson404(await get(url), url);
  });

  it("never serves a file outside the site, whatever a parameter holds", async () => {
    const hostile = [
      "../",
      "../../../secret/leak",
      "../../../../../../../secret/leak",
      "..%2f..%2f..%2fsecret%2fleak",
      "%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret%2fleak",
      "%2E%2E/%2E%2E/leak",
      "..%5c..%5csecret%5cleak",
      "/etc/passwd",
      encodeURIComponent(path.join(path.dirname(site), "secret/leak.json")),
      path.join(path.dirname(site), "leak"),
      "%00",
      "nginx2%00",
      "nginx2%00.json",
      "..%00/leak",
      "x".repeat(4000),
      "%2e".repeat(1500),
    ];
    const bases = [
      { route: "/api/aslan/delivery/releases", query: { projectName: "nginx2", workflowName: "nginx2-ops-workflow", taskId: "1", serviceName: "nginx" } },
      { route: "/api/directory/dc/artifact", query: { image: "registry.example.com/payments/api:2.4.1" } },
    ];
    let tried = 0;
    for (const base of bases) {
      for (const name of Object.keys(base.query)) {
        for (const value of hostile) {
          const alone = `${base.route}?${name}=${value}`;
          const mixed = `${base.route}?${Object.entries(base.query).map(([key, valid]) => `${key}=${key === name ? value : valid}`).join("&")}`;
          for (const url of [alone, mixed]) {
            const response = await get(url);
            expect(response.body.includes(CANARY), url).toBe(false);
            expectJson404(response, url);
            tried++;
          }
        }
      }
    }
    for (const url of ["/api/../../secret/leak.json", "/api/%2e%2e/%2e%2e/secret/leak.json", "/../leak.json", "/%2e%2e/leak.json", "/api/aslan/delivery/releases/..%2f..%2f..%2f..%2f..%2fleak.json"]) {
      const response = await get(url);
      expect(response.body.includes(CANARY), url).toBe(false);
      expect(response.status, url).toBeGreaterThanOrEqual(400);
      tried++;
    }
    expect(tried).toBeGreaterThan(100);
  });

  it("serves the pages too, with the self-contained 404.html for a missing page at any depth", async () => {
    const index = await get("/");
    expect(index.status).toBe(200);
    expect(index.body.equals(file("index.html"))).toBe(true);
    for (const url of ["/no-such-page", "/releases/no/such/deep/page/index.html"]) {
      const missing = await get(url);
      expect(missing.status, url).toBe(404);
      expect(missing.contentType, url).toMatch(/^text\/html/);
      expect(missing.body.equals(file("404.html")), url).toBe(true);
    }
  });
});

describe.skipIf(!available)("the nginx glue for unusual values, served by a real nginx", () => {
  const values = [
    "registry.example.com:5000/team/app:V1",
    "registry.example.com:5000/team/app:v1",
    "team/app:1.0+build.7",
    "name with spaces",
    "quote\"and'apostrophe",
    "back\\slash",
    "dollar$var{braces};semi",
    "hash#amp&eq=pct%25%",
    "中文/镜像:标签",
    "tilde~star*paren()!",
    "line\nbreak\ttab",
    "",
    "長".repeat(200),
  ];
  // 900 bytes of CJK, each byte matched as %XX: a pattern longer than nginx reads in one config parameter.
  const tooLong = "長".repeat(300);
  const entries: RouteEntry[] = [
    ...values.map((image, i) => ({ route: "/api/directory/dc/artifact", query: { image }, file: `api/t/image-${i}.json` })),
    ...values.map((projectName, i) => ({ route: "/api/aslan/delivery/releases", query: { projectName, serviceName: values[(i + 1) % values.length] ?? "" }, file: `api/t/pair-${i}.json` })),
  ];
  let site: string;
  let nginx: RunningNginx;
  let maps: string;

  beforeAll(async () => {
    site = path.join(tempDir("zs-nginx-values-"), "site");
    mkdirSync(path.join(site, "api/t"), { recursive: true });
    mkdirSync(path.join(site, "hosting/nginx"), { recursive: true });
    for (const entry of entries) writeFileSync(path.join(site, entry.file), `${JSON.stringify(entry)}\n`);
    writeFileSync(path.join(site, "api/t/too-long.json"), "{}\n");
    writeFileSync(path.join(site, "404.html"), "<!doctype html><title>404</title>\n");
    const glue = nginxGlue([...entries, { route: "/api/directory/dc/artifact", query: { image: tooLong }, file: "api/t/too-long.json" }]);
    maps = glue.maps;
    writeFileSync(path.join(site, HOSTING_FILES.nginxMaps), glue.maps);
    writeFileSync(path.join(site, HOSTING_FILES.nginxLocations), glue.locations);
    nginx = await startNginx(site, tempDir("zs-nginx-"));
  });
  afterAll(async () => {
    await nginx?.stop();
  });

  it("matches each value exactly (case, +, space, quotes, backslash, $, #, &, %, non-ASCII, control characters) in every spelling", async () => {
    for (const entry of entries) {
      for (const [spelling, spell] of Object.entries(VALUE_SPELLINGS)) {
        for (const query of queryStrings(entry.query, spell)) {
          const url = `${entry.route}?${query}`;
          const response = await rawGet(nginx.port, url);
          expect(response.status, `${spelling}: ${url}`).toBe(200);
          expect(response.body.toString("utf8"), `${spelling}: ${url}`).toBe(`${JSON.stringify(entry)}\n`);
        }
      }
    }
  });

  it("leaves out a value too long for an nginx config parameter, with a comment, and answers it 404 instead of failing to load", async () => {
    expect(maps).toContain("# left out, answers 404 here: its pattern exceeds nginx's 4 KB parameter limit");
    expectJson404(await rawGet(nginx.port, `/api/directory/dc/artifact?image=${encodeURIComponent(tooLong)}`), "too long");
  });

  it("keeps a raw + meaning a space, as Zadig reads it, so it never matches a value holding +", async () => {
    expectJson404(await rawGet(nginx.port, "/api/directory/dc/artifact?image=team/app:1.0+build.7"), "raw +");
    expect((await rawGet(nginx.port, "/api/directory/dc/artifact?image=name+with%20spaces")).status).toBe(200);
  });
});

describe.skipIf(!available)("the nginx glue for a large snapshot", () => {
  it("loads with 20,000 known queries (nginx -t), sizing the map hash itself", () => {
    const entries: RouteEntry[] = [];
    for (let p = 0; p < 100; p++) {
      for (let w = 0; w < 200; w++) {
        entries.push({ route: "/api/aslan/delivery/releases", query: { projectName: `project-${p}`, workflowName: `workflow-${w}` }, file: `api/q/p${p}/w${w}.json` });
      }
    }
    const site = path.join(tempDir("zs-nginx-large-"), "site");
    const prefix = tempDir("zs-nginx-");
    mkdirSync(path.join(prefix, "temp"));
    mkdirSync(path.join(site, "hosting/nginx"), { recursive: true });
    const glue = nginxGlue(entries);
    expect(glue.maps).toContain("map_hash_max_size 65536;");
    writeFileSync(path.join(site, HOSTING_FILES.nginxMaps), glue.maps);
    writeFileSync(path.join(site, HOSTING_FILES.nginxLocations), glue.locations);
    writeFileSync(path.join(prefix, "nginx.conf"), nginxConfig(site, prefix, 1));
    const checked = testConfig(path.join(prefix, "nginx.conf"), prefix);
    expect(checked.output).toContain("test is successful");
    expect(checked.ok).toBe(true);
  });
});
