import { sha256Hex } from "../audit/digest.js";

/**
 * Every output-path encoding lives here (DESIGN.md "The JSON mirror"; hosting notes §2.7–2.8).
 * Encoded values always end in a hash of the exact input, which makes them injective even after
 * truncation, case folding or host lower-casing.
 */

/** A parsed container image reference, kept exactly as exported (no `docker.io/library` normalization). */
export type ImageReference =
  | { kind: "ok"; domain?: string; path: string[]; tag?: string; digest?: string }
  | { kind: "invalid" };

const MAX_SEGMENT_BYTES = 100;
const MAX_PATH_CHARS = 180;
const SLUG_MAX = 50;
const TAG_LEAF_MAX = 80;

// Windows also reserves these with any extension (`con.txt`); COM0/LPT0 are not reserved (git-for-windows#2470).
const DEVICE_BASE = /^(?:con|prn|aux|nul|com[1-9]|lpt[1-9])(?=\.|$)/i;
const SAFE_SEGMENT = /^[a-z0-9!-][a-z0-9._!-]*$/;
const PLAIN_SEGMENT = /^[a-z0-9][a-z0-9._-]{0,62}$/;
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

// distribution/reference grammar (reference.go).
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN_LABEL = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const DOMAIN = new RegExp(`^(?:${DOMAIN_LABEL}(?:\\.${DOMAIN_LABEL})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?$`);
const TAG = /^\w[\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[a-fA-F0-9]{32,}$/;
const NAME_MAX = 255;
// Real hosts spelled like our placeholders (`No-Registry/app`) get `-`, which no host can end with.
const PLACEHOLDER_HOST = /^(?:no-registry|long-ref|invalid-ref|ipv6-[0-9a-f]{8})$/;

/**
 * The first `hexChars` hex digits of sha256 over the value's UTF-8 bytes.
 * @example shortHash("team/app:v1", 10) // "322ba2c3cd"
 */
export function shortHash(value: string, hexChars: number): string {
  return sha256Hex(utf8Bytes(value)).slice(0, hexChars);
}

/**
 * One safe path segment for any string: the value itself when already safe, else `<slug>--<hash>`.
 * @example segment("MyProject") // "myproject--" + shortHash("MyProject", 10)
 */
export function segment(value: string): string {
  const plain =
    PLAIN_SEGMENT.test(value) && !value.includes("--") && !value.endsWith(".") && !DEVICE_BASE.test(value);
  return plain ? value : `${slug(value, SLUG_MAX)}--${shortHash(value, 10)}`;
}

/**
 * A readable, lossy, safe rendering of `value` of at most `maxChars` (+1 for a device name); `x` when empty.
 * Not injective on its own: add a hash or an id.
 * @example slug("Café Déploiement!", 50) // "cafe-deploiement"
 */
export function slug(value: string, maxChars: number): string {
  const text = value
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9._]+/g, "-")
    .replace(/^[._-]+/, "")
    .slice(0, maxChars)
    .replace(/[.-]+$/, "");
  return text === "" ? "x" : escapeDeviceName(text);
}

/**
 * The "refpath v1" directory for an image reference (hosting notes §2.8), without the `img/` prefix.
 * @example imagePath("team/app:V1") // "no-registry/team/app/t-!v1--4cd95e29ee"
 */
export function imagePath(ref: string): string {
  const parsed = parseImageReference(ref);
  if (parsed.kind === "invalid") return `invalid-ref/${shortHash(ref, 16)}`;
  const path = [hostSegment(parsed.domain), ...parsed.path.map(componentSegment), leafSegment(parsed, ref)].join("/");
  // Callers write `img/<path>/index.html|json`: that whole path must fit, not just `<path>`.
  return isSafeRelativePath(`img/${path}/index.html`) ? path : `long-ref/${shortHash(ref, 16)}`;
}

/**
 * Parse `[domain "/"] path [":" tag] ["@" digest]`; the first component is a domain only when it has
 * `.` or `:`, is `localhost`, or has upper case (docker's rule).
 * @example parseImageReference("localhost:5000/app:v1") // { kind: "ok", domain: "localhost:5000", path: ["app"], tag: "v1" }
 */
export function parseImageReference(ref: string): ImageReference {
  const at = ref.indexOf("@");
  const nameAndTag = at === -1 ? ref : ref.slice(0, at);
  const digest = at === -1 ? undefined : ref.slice(at + 1);
  const colon = nameAndTag.lastIndexOf(":");
  const hasTag = colon > nameAndTag.lastIndexOf("/");
  const name = hasTag ? nameAndTag.slice(0, colon) : nameAndTag;
  const tag = hasTag ? nameAndTag.slice(colon + 1) : undefined;

  const slash = name.indexOf("/");
  const first = name.slice(0, slash);
  const hasDomain =
    slash !== -1 && (/[.:]/.test(first) || first === "localhost" || first !== first.toLowerCase());
  const path = (hasDomain ? name.slice(slash + 1) : name).split("/");

  const valid =
    name.length <= NAME_MAX &&
    (!hasDomain || DOMAIN.test(first)) &&
    path.every((component) => PATH_COMPONENT.test(component)) &&
    (tag === undefined || TAG.test(tag)) &&
    (digest === undefined || DIGEST.test(digest));
  if (!valid) return { kind: "invalid" };
  return {
    kind: "ok",
    ...(hasDomain ? { domain: first } : {}),
    path,
    ...(tag === undefined ? {} : { tag }),
    ...(digest === undefined ? {} : { digest }),
  };
}

/**
 * Whether a site-relative path (file name included) is safe on every target in hosting notes §2.7.
 * @example isSafeRelativePath("img/no-registry/app/n--0123456789/index.html") // true
 */
export function isSafeRelativePath(path: string): boolean {
  return (
    path.length <= MAX_PATH_CHARS &&
    path.split("/").every(
      (part) =>
        SAFE_SEGMENT.test(part) &&
        !part.endsWith(".") &&
        !DEVICE_BASE.test(part) &&
        Buffer.byteLength(part) <= MAX_SEGMENT_BYTES,
    )
  );
}

/** `con` → `con-`, `con.txt` → `con-.txt`: Windows checks the name before the first dot. */
function escapeDeviceName(part: string): string {
  return part.replace(DEVICE_BASE, "$&-");
}

function hostSegment(domain: string | undefined): string {
  if (domain === undefined) return "no-registry";
  if (domain.startsWith("[")) return `ipv6-${shortHash(domain.toLowerCase(), 8)}`;
  const host = domain.toLowerCase().replace(":", "_");
  return PLACEHOLDER_HOST.test(host) ? `${host}-` : escapeDeviceName(host);
}

/**
 * Components are already safe except device names; one containing `--` gets `-` appended so it can
 * never equal a leaf (leaves contain `--` and end in a hex digit), which keeps outputs prefix-free.
 */
function componentSegment(component: string): string {
  const escaped = escapeDeviceName(component);
  return escaped.includes("--") ? `${escaped}-` : escaped;
}

/** `t-<tag>[--<digest>]`, `d--<digest>` or `n`, then always `--<hash of the exact reference>`. */
function leafSegment(ref: { tag?: string; digest?: string }, exact: string): string {
  const digest = ref.digest === undefined ? [] : [digestPart(ref.digest)];
  const head = ref.tag !== undefined ? `t-${escapeCase(ref.tag)}`.slice(0, TAG_LEAF_MAX) : digest.length > 0 ? "d" : "n";
  return [head, ...digest, shortHash(exact, 10)].join("--");
}

/** `sha256:ABCD…` → `sha256-abcd…` (12 hex); `+` in an algorithm becomes `-`. */
function digestPart(digest: string): string {
  const [alg = "", hex = ""] = digest.split(":");
  return `${alg.toLowerCase().replace(/\+/g, "-")}-${hex.slice(0, 12).toLowerCase()}`;
}

/** Go module-path case escaping: `V1` → `!v1`. */
function escapeCase(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => `!${letter.toLowerCase()}`);
}

/** UTF-8, except that lone surrogates (possible from JSON `"\ud800"`) keep distinct WTF-8 bytes. */
function utf8Bytes(value: string): Buffer {
  if (!LONE_SURROGATE.test(value)) return Buffer.from(value, "utf8");
  const bytes = Array.from(value, (char) => {
    const unit = char.charCodeAt(0);
    return char.length === 1 && unit >= 0xd800 && unit <= 0xdfff
      ? Buffer.from([0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)])
      : Buffer.from(char, "utf8");
  });
  return Buffer.concat(bytes);
}
