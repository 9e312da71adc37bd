import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importData } from "../../src/importer/index.js";
import { buildSite } from "../../src/site/build.js";
import { BIN, fixture, readTree, ROOT, tempDir } from "../helpers.js";
import { elements } from "../html.js";

/**
 * Hostile and broken exports at volume: mutated copies of the valid-minimal fixture (wrong types, truncated
 * files, huge strings, deep nesting, unicode, path-like and HTML-like values in any field, hostile file names).
 * Properties: the tool never crashes (in-process: never throws; CLI: exit 0 or 1, no stack trace), never writes
 * outside its output folder, and no markup from the input survives as markup in a page.
 * A fixed seed keeps CI deterministic; set FUZZ_SEED to explore other cases.
 */
const SEED = Number(process.env["FUZZ_SEED"] ?? 20241125);

const MARKUP = [
  '<script>alert("zs-fuzz")</script>',
  '"><img src=x onerror=alert("zs-fuzz")>',
  "<a href=\"javascript:alert('zs-fuzz')\">x</a>",
  "<marquee>zs-fuzz</marquee>",
  "</textarea><svg onload=alert(1)>",
  "{{ 7*7 }}{% raw %}",
];
const PATH_LIKE = ["../../../../etc/passwd", "..\\..\\windows\\system32", "/abs/olute", "C:\\temp\\x", "con", "AUX.json", ".hidden", "a/b/../../c", "%2e%2e%2f", "~root", "x\u0000y"];
const UNICODE = ["Ünïcødé ✓", "\u202etxt.exe", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "👩‍👩‍👧‍👦", "e\u0301", "\uFEFFbom", "\uD800"];

const hostileString = fc.oneof(
  fc.constantFrom(...MARKUP, ...PATH_LIKE, ...UNICODE, "", " "),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.constant("x".repeat(100_000)),
);
const wrongValue = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(null, true, false, -1, 1e308, Number.MAX_SAFE_INTEGER + 2),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
);

type Op =
  | { readonly kind: "set"; readonly at: number; readonly value: unknown }
  | { readonly kind: "add"; readonly at: number; readonly key: string; readonly value: unknown }
  | { readonly kind: "nest"; readonly at: number; readonly depth: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("set" as const), at: fc.nat(), value: fc.oneof(hostileString, hostileString, wrongValue) }),
  fc.record({ kind: fc.constant("add" as const), at: fc.nat(), key: hostileString, value: fc.oneof(hostileString, wrongValue) }),
  // Around the nesting limit (256), and far past what recursive code survives (JSON.stringify fails near 5,000).
  fc.record({ kind: fc.constant("nest" as const), at: fc.nat(), depth: fc.oneof(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 5_000, max: 30_000 })) }),
);

const fileName = fc.constantFrom("releases.json", "sub/dir/releases.json", '<img src=x onerror=alert("zs-fuzz")>.json', "..json", "ünï code.json");

const exportCase = fc.record({
  releaseOps: fc.array(op, { minLength: 0, maxLength: 4 }),
  artifactOps: fc.array(op, { minLength: 0, maxLength: 3 }),
  releaseFile: fileName,
  truncate: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { freq: 4 }),
});
type ExportCase = typeof exportCase extends fc.Arbitrary<infer T> ? T : never;

const baseReleases: unknown = JSON.parse(readFileSync(fixture("valid-minimal/releases.json"), "utf8"));
const baseArtifact: unknown = JSON.parse(readFileSync(fixture("valid-minimal/artifact.json"), "utf8"));

/** Every container and leaf of a JSON tree, each with a setter, in document order. */
function slots(root: { value: unknown }): { get: () => unknown; set: (value: unknown) => void }[] {
  const found: { get: () => unknown; set: (value: unknown) => void }[] = [];
  const walk = (get: () => unknown, set: (value: unknown) => void) => {
    found.push({ get, set });
    const node = get();
    if (Array.isArray(node)) node.forEach((_, i) => walk(() => node[i], (v) => (node[i] = v)));
    else if (node !== null && typeof node === "object") {
      const record = node as Record<string, unknown>;
      for (const key of Object.keys(record)) walk(() => record[key], (v) => Object.defineProperty(record, key, { value: v, enumerable: true, writable: true, configurable: true }));
    }
  };
  walk(() => root.value, (v) => (root.value = v));
  return found;
}

/** A placeholder for a deeply nested value: spliced into the JSON text, since JSON.stringify cannot write such depth. */
const nestMarker = (depth: number) => `zs-fuzz-nest-${depth}`;

function spliceNesting(text: string): string {
  return text.replace(/"zs-fuzz-nest-(\d+)"/g, (_, depth: string) => {
    const levels = Number(depth);
    const open: string[] = [];
    const close: string[] = [];
    for (let i = 0; i < levels; i++) {
      open.push(i % 2 === 0 ? "[" : '{"deeper":');
      close.push(i % 2 === 0 ? "]" : "}");
    }
    return `${open.join("")}"bottom"${close.reverse().join("")}`;
  });
}

function mutate(base: unknown, ops: readonly Op[]): unknown {
  const root = { value: structuredClone(base) };
  for (const operation of ops) {
    const all = slots(root);
    const slot = all[operation.at % all.length];
    if (slot === undefined) continue;
    if (operation.kind === "set") slot.set(operation.value);
    else if (operation.kind === "nest") slot.set(nestMarker(operation.depth));
    else {
      const target = slot.get();
      if (target !== null && typeof target === "object" && !Array.isArray(target)) {
        Object.defineProperty(target, operation.key, { value: operation.value, enumerable: true, writable: true, configurable: true });
      } else slot.set({ [operation.key]: operation.value });
    }
  }
  return root.value;
}

/** Writes one mutated export into a fresh folder: `<work>/input`, next to where the site goes (`<work>/site`). */
function writeCase(testCase: ExportCase): { work: string; input: string; output: string } {
  const work = tempDir("zs-fuzz-");
  const input = path.join(work, "input");
  const releasesText = spliceNesting(JSON.stringify(mutate(baseReleases, testCase.releaseOps), null, 2));
  const cut = testCase.truncate === null ? releasesText : releasesText.slice(0, Math.floor(releasesText.length * testCase.truncate));
  mkdirSync(path.dirname(path.join(input, testCase.releaseFile)), { recursive: true });
  writeFileSync(path.join(input, testCase.releaseFile), cut);
  writeFileSync(path.join(input, "artifact.json"), spliceNesting(JSON.stringify(mutate(baseArtifact, testCase.artifactOps))));
  return { work, input, output: path.join(work, "site") };
}

/** Tags the templates can write; any other element in a page came from the input. */
const TEMPLATE_TAGS = (() => {
  const tags = new Set<string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".njk")) for (const match of readFileSync(full, "utf8").matchAll(/<([a-z][a-z0-9]*)\b/g)) tags.add(match[1] ?? "");
    }
  };
  walk(path.join(ROOT, "templates"));
  return tags;
})();

/** The site's own pages may only hold the templates' markup: no input element, handler, script or javascript: link. */
function expectNoInputMarkup(site: Map<string, Buffer>): void {
  for (const [file, bytes] of site) {
    if (!file.endsWith(".html")) continue;
    const page = bytes.toString("utf8");
    expect(page, file).not.toContain('<script>alert("zs-fuzz")');
    expect(page, file).not.toContain("<marquee");
    for (const element of elements(page)) {
      expect(TEMPLATE_TAGS.has(element.tag) || ["html", "head", "body", "tbody"].includes(element.tag), `${file}: <${element.tag}>`).toBe(true);
      for (const [name, value] of element.attrs) {
        expect(name.startsWith("on"), `${file}: <${element.tag} ${name}>`).toBe(false);
        if (name === "href" || name === "src") expect(/^\s*(javascript|data|vbscript):/i.test(value), `${file}: ${name}=${value}`).toBe(false);
      }
      if (element.tag === "script" && element.attrs.has("src")) expect(element.attrs.get("src"), file).toMatch(/^(\.\.\/)*assets\/[a-z-]+\.js$/);
    }
  }
}

describe("hostile and broken exports", () => {
  it("import without throwing, and every valid record survives redaction and validation (300 cases, in-process)", async () => {
    await fc.assert(
      fc.asyncProperty(exportCase, async (testCase) => {
        const { work, input } = writeCase(testCase);
        try {
          const imported = await importData(input);
          // A dot-file ("..json") is skipped by discovery, as documented.
          expect(imported.inputs).toHaveLength(path.basename(testCase.releaseFile).startsWith(".") ? 1 : 2);
          expect(imported.ok).toBe(imported.issues.every((issue) => issue.severity !== "error"));
          for (const record of imported.skipped) expect(record.reasons.length, JSON.stringify(record)).toBeGreaterThan(0);
        } finally {
          rmSync(work, { recursive: true, force: true });
        }
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it("build with --keep-going semantics without throwing, inside the output folder, with no input markup in any page (30 cases, in-process)", async () => {
    await fc.assert(
      fc.asyncProperty(exportCase, async (testCase) => {
        const { work, input, output } = writeCase(testCase);
        try {
          const before = readTree(input);
          const imported = await importData(input);
          await buildSite(imported, { inputDir: input, outputDir: output, keepGoing: !imported.ok });
          expect(readdirSync(work).sort()).toEqual(["input", "site"]);
          expect(readTree(input)).toEqual(before);
          expectNoInputMarkup(readTree(output));
        } finally {
          rmSync(work, { recursive: true, force: true });
        }
      }),
      { numRuns: 30, seed: SEED },
    );
  });

  it("through the real CLI exit 0 or 1 with no stack trace, and write only inside --output (15 cases)", () => {
    fc.assert(
      fc.property(exportCase, fc.boolean(), (testCase, keepGoing) => {
        const { work, input, output } = writeCase(testCase);
        try {
          const args = ["build", "--input", input, "--output", output, ...(keepGoing ? ["--keep-going"] : [])];
          const run = spawnSync(process.execPath, [BIN, ...args], { cwd: work, encoding: "utf8", timeout: 120_000 });
          expect([0, 1], run.stderr).toContain(run.status);
          expect(run.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
          const written = readdirSync(work).sort();
          expect(written).toEqual(run.status === 0 ? ["input", "site"] : ["input"]);
          if (run.status === 0) expectNoInputMarkup(readTree(output));
        } finally {
          rmSync(work, { recursive: true, force: true });
        }
      }),
      // No shrinking through the CLI: each step spawns a build, and shrinking 100 kB strings would take minutes.
      { numRuns: 15, seed: SEED, endOnFailure: true },
    );
  });
});
