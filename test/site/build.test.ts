import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { importData } from "../../src/importer/index.js";
import { buildSite } from "../../src/site/build.js";
import { fixture, readTree, ROOT, tempDir } from "../helpers.js";
import { elements, links } from "../html.js";

async function build(input: string, options: { reportThread?: boolean } = {}): Promise<Map<string, Buffer>> {
  const imported = await importData(input);
  expect(imported.issues.filter((issue) => issue.severity === "error")).toEqual([]);
  const out = path.join(tempDir(), "site");
  await buildSite(imported, { inputDir: input, outputDir: out, ...options });
  return readTree(out);
}

const text = (tree: Map<string, Buffer>, file: string): string => {
  const bytes = tree.get(file);
  if (bytes === undefined) throw new Error(`${file} was not written; files: ${[...tree.keys()].slice(0, 20).join(", ")}…`);
  return bytes.toString("utf8");
};
const json = (tree: Map<string, Buffer>, file: string): unknown => JSON.parse(text(tree, file));
const html = (tree: Map<string, Buffer>) => [...tree.entries()].filter(([file]) => file.endsWith(".html"));

/** The golden scenario: the sample a newcomer builds with `npm start`. */
describe("building the sample in data/", () => {
  let site: Map<string, Buffer>;
  const sample = path.join(ROOT, "data");
  const v17 = JSON.parse(readFileSync(path.join(sample, "releases/nginx2-v1.7.json"), "utf8")) as { versionInfo: { id: string } }[];
  beforeAll(async () => {
    site = await build(sample);
  });

  it("writes the very same site when its reports are rendered in their own thread (as from 1,000 releases on)", async () => {
    const threaded = await build(sample, { reportThread: true });
    expect([...threaded.keys()].filter((file) => file.startsWith("reports/"))).toHaveLength(28);
    expect(threaded).toEqual(site);
  });

  it("writes the same set of files as the recorded golden list", () => {
    expect([...site.keys()]).toMatchSnapshot();
  });

  it("lists every written route in api/routes.json, and every listed file exists", () => {
    const routes = json(site, "api/routes.json") as { route: string; query: Record<string, string>; file: string }[];
    expect(routes.length).toBeGreaterThan(30);
    for (const route of routes) expect(site.has(route.file), route.file).toBe(true);
    const files = routes.map((route) => route.file);
    expect(files).toEqual([...files].sort());
    expect(routes).toContainEqual({
      route: "/api/aslan/delivery/releases",
      query: { projectName: "nginx2", serviceName: "nginx" },
      file: "api/aslan/delivery/releases/project/nginx2/service/nginx.json",
    });
    expect(routes).toContainEqual({
      route: "/api/directory/dc/artifact",
      query: { image: "ccr.ccs.tencentyun.com/koderover-rc/picket:20211214154446-70-main-pr-736" },
      file: expect.stringMatching(/^api\/directory\/dc\/artifact\/h\/[0-9a-f]{16}\.json$/),
    });
  });

  it("serves each release at its id exactly as exported (the api-docs sample round-trips)", () => {
    const first = v17[0];
    if (first === undefined) throw new Error("sample is empty");
    expect(json(site, `api/aslan/delivery/releases/${first.versionInfo.id}.json`)).toEqual(first);
    expect(text(site, `api/aslan/delivery/releases/${first.versionInfo.id}.json`)).toBe(`${JSON.stringify(first, null, 2)}\n`);
  });

  it("answers the project, workflow, task and service queries with Zadig's semantics, newest first", () => {
    const project = json(site, "api/aslan/delivery/releases/project/nginx2/index.json") as { versionInfo: { created_at: number; productName: string } }[];
    expect(project).toHaveLength(v17.length);
    expect(project.every((item) => item.versionInfo.productName === "nginx2")).toBe(true);
    const times = project.map((item) => item.versionInfo.created_at);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const task = json(site, "api/aslan/delivery/releases/project/nginx2/workflow/nginx2-ops-workflow/task/1.json") as { versionInfo: { id: string } }[];
    expect(task.map((item) => item.versionInfo.id)).toEqual(["619dbaa8c528c2182225e8d9"]);
    const all = json(site, "api/aslan/delivery/releases/index.json") as unknown[];
    expect(all).toHaveLength(14);
  });

  it("serves each exported artifact trace byte-faithfully at its hashed path", () => {
    const routes = json(site, "api/routes.json") as { query: { image?: string }; file: string }[];
    const picket = routes.find((route) => route.query.image?.includes("/picket:"));
    const exported = JSON.parse(readFileSync(path.join(sample, "artifacts/picket-20211214154446-70-main-pr-736.json"), "utf8")) as unknown;
    expect(json(site, picket?.file ?? "")).toEqual(exported);
  });

  it("removes the code-host credentials the sample carries, from HTML and JSON alike", () => {
    for (const [file, bytes] of site) {
      expect(bytes.includes("sample-oauth-token-not-real"), file).toBe(false);
      expect(bytes.includes('"oauth_token"'), file).toBe(false);
    }
  });

  it("shows a release page with its environment, deploy rows, YAML, commits and image links", () => {
    const page = text(site, "releases/payments/2.4.1-648a1d90648a1dd0c6003a4d/index.html");
    expect(page).toContain("<h1>2.4.1 ");
    expect(page).toContain("Startup group 3");
    expect(page).toContain("payments-prod");
    expect(page).toMatch(/<a class="ref" href="\.\.\/\.\.\/\.\.\/img\/registry\.example\.com\/payments\/api\/t-2\.4\.1--[0-9a-f]{10}\/index\.html">registry\.example\.com\/payments\/api:2\.4\.1<\/a>/);
    expect(page).toContain('<pre class="yaml"><code>');
    expect(page).toContain('href="../../../api/aslan/delivery/releases/648a1d90648a1dd0c6003a4d.json"');
    expect(page).toContain("No earlier release of this workflow");
  });

  it("links each release to the previous and next release of the same project and workflow", () => {
    const page = elements(text(site, "releases/payments/2.4.1-rc.1-6484a7936484a7b3b5003a45/index.html"));
    const rel = (name: string) => page.find((element) => element.tag === "a" && element.attrs.get("rel") === name)?.attrs.get("href");
    expect(rel("prev")).toBe("../../../releases/payments/2.4.0-646b325b646b324ba4003a3d/index.html");
    expect(rel("next")).toBe("../../../releases/payments/2.5.0-65ddc61265ddc652e7003a56/index.html");
  });

  it("links commits, branches and pull requests to the right code host", () => {
    const hrefs = links(text(site, "releases/payments/2.4.1-rc.1-6484a7936484a7b3b5003a45/index.html")).map((link) => link.value);
    expect(hrefs.some((href) => /^https:\/\/gitlab\.example\.com\/.+\/-\/merge_requests\/\d+$/.test(href))).toBe(true);
    expect(hrefs.some((href) => /^https:\/\/gitlab\.example\.com\/.+\/-\/commit\/[0-9a-f]{40}$/.test(href))).toBe(true);
    const picket = [...site.keys()].find((name) => name.startsWith("img/ccr.ccs.tencentyun.com/koderover-rc/picket/")) ?? "";
    expect(links(text(site, picket)).map((link) => link.value)).toContain("https://github.com/koderover/zadig/pull/736");
  });

  it("shows an image page with digest, size in both units, its timeline and every release containing it", () => {
    const file = [...site.keys()].find((name) => /^img\/registry\.example\.com\/payments\/api\/t-2\.4\.1--[0-9a-f]{10}\/index\.html$/.test(name));
    const page = text(site, file ?? "");
    expect(page).toContain("sha256:");
    expect(page).toMatch(/\d+(\.\d+)? MB <span class="muted">\([\d,]+ bytes\)<\/span>/);
    expect(page).toContain('<ol class="timeline">');
    expect(page).toContain(">2.4.1-rc.1</a>");
    expect(page).toContain(">2.4.1</a>");
  });

  it("gives images without an exported trace a page that says so", () => {
    const file = [...site.keys()].find((name) => name.startsWith("img/registry.example.com_5000/team/app/"));
    expect(text(site, file ?? "")).toContain("No artifact trace was exported for this image");
  });

  it("says when a release has no environment snapshot", () => {
    const page = text(site, "releases/nginx2/v1.1.0-6211ff9862120348a7003a16/index.html");
    expect(page).toContain("No environment snapshot was recorded for this release");
  });

  it("makes every link relative and to a file, with no request leaving the site", () => {
    for (const [file, bytes] of html(site)) {
      for (const link of links(bytes.toString("utf8"))) {
        const target = link.value;
        if (link.tag !== "a") expect(target, `${file}: <${link.tag} ${link.attr}>`).not.toMatch(/^[a-z]+:/i);
        if (target.startsWith("#") || /^https?:\/\//.test(target)) continue;
        expect(target.startsWith("/"), `${file}: ${target}`).toBe(false);
        expect(target.endsWith("/"), `${file}: ${target}`).toBe(false);
        const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), target));
        expect(site.has(resolved), `${file} links to ${target}`).toBe(true);
      }
    }
  });
});

describe("hostile input", () => {
  let site: Map<string, Buffer>;
  beforeAll(async () => {
    site = await build(fixture("xss"));
  });

  it("escapes every markup value: no raw <script>, <img> or event handler from the input reaches a page", () => {
    for (const [file, bytes] of html(site)) {
      const page = bytes.toString("utf8");
      expect(page, file).not.toContain("<script>alert");
      expect(page, file).not.toContain("<img src=x");
      const parsed = elements(page);
      expect(parsed.filter((element) => element.tag === "img"), file).toEqual([]);
      expect(parsed.flatMap((element) => [...element.attrs.keys()].filter((name) => name.startsWith("on"))), file).toEqual([]);
      const scripts = parsed.filter((element) => element.tag === "script");
      expect(scripts.every((script) => /^(\.\.\/)*assets\/[a-z-]+\.js$/.test(script.attrs.get("src") ?? "")), file).toBe(true);
    }
    const index = text(site, "index.html");
    expect(index).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("links only http(s) URLs: javascript: and data: values stay text", () => {
    for (const [file, bytes] of html(site)) {
      for (const { value: target } of links(bytes.toString("utf8"))) {
        expect(/^(https?:\/\/|#|[a-z0-9._!/-]+$)/i.test(target) && !/^\s*(javascript|data|vbscript):/i.test(target), `${file}: ${target}`).toBe(true);
      }
    }
  });

  it("keeps path-like names inside the output", () => {
    for (const file of site.keys()) {
      expect(file.split("/")).not.toContain("..");
      // SHA256SUMS keeps its conventional name (the one upper-case file; see README, "Audit").
      if (file !== "SHA256SUMS") expect(file).toMatch(/^[a-z0-9._!/-]+$/);
    }
  });
});

describe("secrets on build commits", () => {
  it("never appear in any output byte", async () => {
    const site = await build(fixture("secrets"));
    expect(site.size).toBeGreaterThan(5);
    for (const [file, bytes] of site) {
      for (const planted of ["PLANTED-OAUTH-7f3a9c", "PLANTED-USER-2b8e", "PLANTED-PASS-d41c"]) {
        expect(bytes.includes(planted), `${planted} in ${file}`).toBe(false);
      }
    }
  });
});

describe("unknown fields", () => {
  it("survive into the JSON mirror at every depth", async () => {
    const site = await build(fixture("unknown-fields"));
    const [item] = json(site, "api/aslan/delivery/releases/index.json") as Record<string, unknown>[];
    expect(item).toHaveProperty("futureField");
    expect(item).toHaveProperty("versionInfo.newThing");
    expect(item).toHaveProperty(["deployInfo", 0, "extra", "nested"], true);
  });
});

describe("determinism", () => {
  it("gives byte-identical output for the same input", async () => {
    const first = await build(path.join(ROOT, "data"));
    const second = await build(path.join(ROOT, "data"));
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [file, bytes] of first) expect(second.get(file)?.equals(bytes), file).toBe(true);
  });
});
