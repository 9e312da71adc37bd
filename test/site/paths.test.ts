import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { imagePath, isSafeRelativePath, parseImageReference, segment, shortHash, slug } from "../../src/site/paths.js";

const A64 = "a".repeat(64);
const B64 = "b".repeat(64);

/** Any string: full Unicode code points, plus raw UTF-16 units so lone surrogates occur too. */
const anyString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)) }),
  fc.string({ unit: "binary-ascii", maxLength: 300 }),
);

const host = fc.oneof(
  fc.mixedCase(fc.domain()),
  fc.constantFrom("localhost", "REGISTRY", "[::1]", "[FE80::1]", "con.example.com", "No-Registry", "Long-Ref"),
);
const component = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[a-z0-9]{1,8}(?:(?:[._]|__|-{1,2})[a-z0-9]{1,8}){0,2}$/) },
  { weight: 1, arbitrary: fc.constantFrom("con", "aux.x", "nul", "t-v1--0123456789", "n--abc", "index.html") },
);
const imageRef = fc
  .record({
    host: fc.option(fc.tuple(host, fc.option(fc.integer({ min: 1, max: 65535 })))),
    path: fc.array(component, { minLength: 1, maxLength: 3 }),
    tag: fc.option(fc.oneof(fc.mixedCase(fc.constantFrom("v1", "latest", "1.2.3-rc.1")), fc.stringMatching(/^\w[\w.-]{0,127}$/))),
    digest: fc.option(
      fc.tuple(fc.constantFrom("sha256", "SHA512", "sha256+b64u", "multihash.blake3"), fc.stringMatching(/^[a-fA-F0-9]{32,64}$/)),
    ),
  })
  .map(({ host, path, tag, digest }) => {
    const domain = host === null ? "" : `${host[0]}${host[1] === null ? "" : `:${host[1]}`}/`;
    return `${domain}${path.join("/")}${tag === null ? "" : `:${tag}`}${digest === null ? "" : `@${digest.join(":")}`}`;
  });

/** Inputs with their upper- and lower-case variants, so case-only differences are always present. */
function withCaseVariants(values: readonly string[]): string[] {
  return [...new Set(values.flatMap((value) => [value, value.toLowerCase(), value.toUpperCase()]))];
}

function expectInjective(encode: (value: string) => string, inputs: fc.Arbitrary<string[]>): void {
  fc.assert(
    fc.property(inputs, (values) => {
      const all = withCaseVariants(values);
      const outputs = all.map(encode);
      expect(new Set(outputs).size).toBe(all.length);
      expect(new Set(outputs.map((output) => output.toLowerCase())).size).toBe(all.length);
    }),
    { numRuns: 60 },
  );
}

describe("shortHash", () => {
  it("returns the first hex digits of sha256 over the exact UTF-8 value", () => {
    expect(shortHash("team/app:v1", 10)).toBe("322ba2c3cd");
    expect(shortHash("", 16)).toBe("e3b0c44298fc1c14");
    expect(shortHash("é", 8)).not.toBe(shortHash("e\u0301", 8));
  });

  it("keeps distinct lone surrogates distinct instead of folding them into U+FFFD", () => {
    expect(shortHash("\uD800", 10)).not.toBe(shortHash("\uDC00", 10));
    expect(shortHash("\uD800", 10)).not.toBe(shortHash("\uFFFD", 10));
  });
});

describe("segment", () => {
  it.each(["nginx2", "dev-workflow", "70", "x", "a.b_c-d", "release-1.2.3"])("keeps the already-safe value %j", (value) => {
    expect(segment(value)).toBe(value);
  });

  it.each([
    ["MyProject", "myproject"],
    ["a--b", "a-b"],
    ["..", "x"],
    ["con", "con-"],
    ["CON.txt", "con-.txt"],
    ["lpt9", "lpt9-"],
    ["X", "x"],
    ["", "x"],
    ["../../etc/passwd", "etc-passwd"],
    ["%2e%2e%2f", "2e-2e-2f"],
    ["a\u0000b", "a-b"],
    ["a/b", "a-b"],
    ["my project ", "my-project"],
    ["🚀 launch", "launch"],
    ["Déploiement", "deploiement"],
    ["ends.", "ends"],
    ["_hidden", "hidden"],
  ])("encodes %j as a readable slug %j plus a hash of the exact value", (value, readable) => {
    expect(segment(value)).toBe(`${readable}--${shortHash(value, 10)}`);
  });

  it("caps the slug of a 300-character value at 50 characters", () => {
    const value = "abc ".repeat(75);
    const encoded = segment(value);
    expect(encoded).toBe(`${slug(value, 50)}--${shortHash(value, 10)}`);
    expect(encoded.length).toBeLessThanOrEqual(62);
  });

  it("keeps x and X apart even after lower-casing", () => {
    expect(segment("x").toLowerCase()).not.toBe(segment("X").toLowerCase());
  });

  it("always returns one safe segment without a slash", () => {
    fc.assert(
      fc.property(anyString, (value) => {
        const encoded = segment(value);
        expect(encoded).not.toContain("/");
        expect(isSafeRelativePath(encoded)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("maps distinct values to distinct segments, even on a case-insensitive file system", () => {
    expectInjective(segment, fc.uniqueArray(anyString, { maxLength: 40 }));
  });

  it("is deterministic", () => {
    fc.assert(fc.property(anyString, (value) => segment(value) === segment(value.slice())));
  });
});

describe("slug", () => {
  it("strips diacritics, lower-cases and collapses unsafe runs into one dash", () => {
    expect(slug("Café Déploiement!", 50)).toBe("cafe-deploiement");
  });

  it("never ends in a dot or dash after truncation", () => {
    expect(slug("abc.-def", 4)).toBe("abc");
  });
});

describe("imagePath", () => {
  // hosting-and-audit-notes.md §2.8, examples table ("aaaa…"/"bbbb…" taken as 64 hex digits).
  it.each([
    ["registry.example.com:5000/team/app:1.2.3", "registry.example.com_5000/team/app/t-1.2.3--e90258baaa"],
    ["Registry.Example.com:5000/team/app:1.2.3", "registry.example.com_5000/team/app/t-1.2.3--bd8246b0fa"],
    [`registry.example.com:5000/team/app@sha256:${A64}`, "registry.example.com_5000/team/app/d--sha256-aaaaaaaaaaaa--f8c79400c6"],
    [
      `registry.example.com:5000/team/app:1.2.3@sha256:${B64}`,
      "registry.example.com_5000/team/app/t-1.2.3--sha256-bbbbbbbbbbbb--addf96e0f1",
    ],
    ["team/app:V1", "no-registry/team/app/t-!v1--4cd95e29ee"],
    ["team/app:v1", "no-registry/team/app/t-v1--322ba2c3cd"],
    ["localhost:5000/con/aux:latest", "localhost_5000/con-/aux-/t-latest--25d4c8d80c"],
    ["ghcr.io/org/app:v1.", "ghcr.io/org/app/t-v1.--2b06dc22f7"],
    ["[::1]:5000/app:x", "ipv6-c5e053c7/app/t-x--98f5416e64"],
  ])("encodes the §2.8 example %j as %j", (ref, expected) => {
    expect(imagePath(ref)).toBe(expected);
  });

  it("uses an n-- leaf when there is neither tag nor digest", () => {
    expect(imagePath("nginx")).toBe(`no-registry/nginx/n--${shortHash("nginx", 10)}`);
  });

  it("escapes a device name before its extension and marks components that contain --", () => {
    const ref = "ghcr.io/con.d/a--b:v1";
    expect(imagePath(ref)).toBe(`ghcr.io/con-.d/a--b-/t-v1--${shortHash(ref, 10)}`);
  });

  it("suffixes hosts that look like a placeholder or a device name", () => {
    expect(imagePath("Long-Ref/app")).toBe(`long-ref-/app/n--${shortHash("Long-Ref/app", 10)}`);
    expect(imagePath("con.example.com/app")).toBe(`con-.example.com/app/n--${shortHash("con.example.com/app", 10)}`);
  });

  it("caps the tag part of the leaf at 80 characters", () => {
    const ref = `app:${"T".repeat(128)}`;
    expect(imagePath(ref)).toBe(`no-registry/app/t-${"!t".repeat(39)}--${shortHash(ref, 10)}`);
  });

  it("lower-cases the digest algorithm and hex and replaces + in it", () => {
    const ref = `app@SHA256+B64:${"ABCDEF".repeat(6)}`;
    expect(imagePath(ref)).toBe(`no-registry/app/d--sha256-b64-abcdefabcdef--${shortHash(ref, 10)}`);
  });

  it("falls back to long-ref when img/<path>/index.html would exceed 180 characters or a segment 100 bytes", () => {
    const ref = `registry.example.com/${"team".repeat(30)}/app:v1`;
    expect(imagePath(ref)).toBe(`long-ref/${shortHash(ref, 16)}`);
    // r.io/<71>/<c2>/t-v1--<10 hex> is 23 characters plus the two components.
    expect(imagePath(`r.io/${"a".repeat(71)}/${"b".repeat(71)}:v1`)).toHaveLength(165);
    const oneOver = `r.io/${"a".repeat(71)}/${"b".repeat(72)}:v1`;
    expect(imagePath(oneOver)).toBe(`long-ref/${shortHash(oneOver, 16)}`);
    const longComponent = `r.io/${"a".repeat(101)}:v1`;
    expect(imagePath(longComponent)).toBe(`long-ref/${shortHash(longComponent, 16)}`);
  });

  it.each(["", "nginx:", ":v1", "a//b", "Team/App:v1", "app@sha256:abc", "app:-bad", "UPPER", "app:v1:v2", "[::1]"])(
    "falls back to invalid-ref for the unparseable %j",
    (ref) => {
      expect(imagePath(ref)).toBe(`invalid-ref/${shortHash(ref, 16)}`);
    },
  );

  it("always returns a path that is safe once written as img/<path>/index.html", () => {
    fc.assert(
      fc.property(fc.oneof(imageRef, anyString), (ref) => {
        expect(isSafeRelativePath(`img/${imagePath(ref)}/index.json`)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("maps distinct references to distinct paths, even on a case-insensitive file system", () => {
    expectInjective(imagePath, fc.uniqueArray(fc.oneof(imageRef, anyString), { maxLength: 40 }));
  });

  it("never uses one reference's path as a directory of another's", () => {
    fc.assert(
      fc.property(fc.uniqueArray(imageRef, { maxLength: 40 }), (refs) => {
        const paths = refs.map(imagePath);
        const ancestors = new Set(paths.flatMap((path) => path.split("/").map((_, i, parts) => parts.slice(0, i).join("/"))));
        expect(paths.filter((path) => ancestors.has(path))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it("marks a component that copies another reference's leaf, so their outputs never nest", () => {
    const page = imagePath("h.io/a:x");
    const crafted = `h.io/a/${page.split("/").at(-1)}/index.html:y`;
    expect(imagePath(crafted).startsWith(`${page}/`)).toBe(false);
  });

  it("is deterministic", () => {
    fc.assert(fc.property(imageRef, (ref) => imagePath(ref) === imagePath(ref.slice())));
  });
});

describe("parseImageReference", () => {
  it("splits domain, path, tag and digest without normalizing", () => {
    expect(parseImageReference(`Registry.io:5000/team/app:V1@sha256:${A64}`)).toEqual({
      kind: "ok",
      domain: "Registry.io:5000",
      path: ["team", "app"],
      tag: "V1",
      digest: `sha256:${A64}`,
    });
    expect(parseImageReference("nginx")).toEqual({ kind: "ok", path: ["nginx"] });
  });

  it("treats the first component as a domain only with a dot, a colon, localhost or upper case", () => {
    expect(parseImageReference("team/app")).toEqual({ kind: "ok", path: ["team", "app"] });
    expect(parseImageReference("localhost/app")).toMatchObject({ domain: "localhost", path: ["app"] });
    expect(parseImageReference("REGISTRY/app")).toMatchObject({ domain: "REGISTRY", path: ["app"] });
    expect(parseImageReference("[::1]:5000/app")).toMatchObject({ domain: "[::1]:5000", path: ["app"] });
  });

  it("reads localhost:5000 without a slash as name and tag, as docker does", () => {
    expect(parseImageReference("localhost:5000")).toEqual({ kind: "ok", path: ["localhost"], tag: "5000" });
  });

  it.each([
    ["an upper-case path component", "team/App"],
    ["a tag longer than 128 characters", `app:${"v".repeat(129)}`],
    ["a digest shorter than 32 hex digits", `app@sha256:${"a".repeat(31)}`],
    ["a digest algorithm starting with a digit", `app@1sha:${A64}`],
    ["a name longer than 255 characters", `r.io/${"a".repeat(251)}`],
    ["a bad domain", "-r.io/app"],
    ["a doubled separator", "a..b"],
  ])("rejects %s", (_, ref) => {
    expect(parseImageReference(ref)).toEqual({ kind: "invalid" });
  });
});

describe("isSafeRelativePath", () => {
  it("accepts lower-case segments, bang escapes and a final file name", () => {
    expect(isSafeRelativePath("img/no-registry/team/app/t-!v1--4cd95e29ee/index.html")).toBe(true);
    expect(isSafeRelativePath("api/aslan/delivery/releases/x.json")).toBe(true);
    expect(isSafeRelativePath("a".repeat(100))).toBe(true);
    expect(isSafeRelativePath(`${"a/".repeat(89)}ab`)).toBe(true);
  });

  it.each([
    ["the empty path", ""],
    ["a leading slash", "/a"],
    ["a trailing slash", "a/"],
    ["an empty segment", "a//b"],
    ["upper case", "A/b"],
    ["a space", "a b"],
    ["a backslash", "a\\b"],
    ["a colon", "a:b"],
    ["a percent escape", "a%2fb"],
    ["a non-ASCII letter", "caf\u00e9"],
    ["a leading dot", "a/.hidden"],
    ["a dot-dot segment", "a/../b"],
    ["a leading underscore", "_site/a"],
    ["a trailing dot", "a./b"],
    ["a device name", "a/con"],
    ["a device name with an extension", "nul.json"],
    ["a numbered device name", "lpt9.x/a"],
    ["a segment over 100 bytes", "a".repeat(101)],
    ["a path over 180 characters", `${"a/".repeat(90)}a`],
  ])("rejects %s", (_, path) => {
    expect(isSafeRelativePath(path)).toBe(false);
  });
});
