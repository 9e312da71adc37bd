import { ApiError } from "../schemas/api-error.js";

/** What a parsed JSON file holds, decided from its outline only; validation checks the rest. */
export type Classified =
  | { readonly kind: "releases"; readonly items: readonly unknown[] }
  | { readonly kind: "artifacts"; readonly items: readonly unknown[] }
  | { readonly kind: "api-error"; readonly code: number; readonly message: string; readonly description: string }
  | { readonly kind: "unknown"; readonly found: string };

/**
 * Sorts a parsed file into releases, artifact traces, a saved API error, or something else.
 * A mixed array is classified by its first element; validation reports the others.
 * @example classify([{ versionInfo: { id: "619dbaa8c528c2182225e8d9" } }]).kind // "releases"
 */
export function classify(data: unknown): Classified {
  if (isArray(data)) {
    const [first] = data;
    if (data.length === 0 || looksLikeRelease(first)) return { kind: "releases", items: data };
    if (looksLikeArtifact(first)) return { kind: "artifacts", items: data };
    return { kind: "unknown", found: describeShape(data) };
  }
  if (looksLikeRelease(data)) return { kind: "releases", items: [data] };
  if (looksLikeArtifact(data)) return { kind: "artifacts", items: [data] };
  const apiError = ApiError.safeParse(data);
  if (apiError.success) {
    const { code, message, description = "" } = apiError.data;
    return { kind: "api-error", code, message, description };
  }
  return { kind: "unknown", found: describeShape(data) };
}

// A release item missing only its versionInfo still counts, so validation can say what is missing.
const releaseKeys = ["versionInfo", "buildInfo", "deployInfo", "testInfo", "distributeInfo", "securityStatsInfo"];
const artifactKeys = ["image_tag", "activities", "name"];

function looksLikeRelease(value: unknown): boolean {
  return isRecord(value) && releaseKeys.some((key) => key in value);
}

function looksLikeArtifact(value: unknown): boolean {
  return isRecord(value) && !looksLikeRelease(value) && artifactKeys.some((key) => key in value);
}

/** "a number", "an object with keys a, b", "an array of strings"… for messages about the whole file. */
function describeShape(value: unknown): string {
  if (isArray(value)) {
    const kinds = [...new Set(value.map(kindOf))];
    if (kinds.length !== 1) return `an array of mixed values (${kinds.map((kind) => `${kind}s`).join(", ")})`;
    const [first] = value;
    return isRecord(first) ? `an array of objects, the first with ${describeKeys(first)}` : `an array of ${kinds[0]}s`;
  }
  if (isRecord(value)) return `an object with ${describeKeys(value)}`;
  const kind = kindOf(value);
  return kind === "null" ? "null" : `a ${kind}`;
}

function describeKeys(record: Readonly<Record<string, unknown>>): string {
  const keys = Object.keys(record);
  if (keys.length === 0) return "no keys";
  const shown = keys.slice(0, maxKeysShown).join(", ");
  return `keys ${shown}${keys.length > maxKeysShown ? ", …" : ""}`;
}

const maxKeysShown = 10;

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (isArray(value)) return "array";
  return typeof value;
}

/**
 * A JSON object (not null, not an array).
 * @example isRecord({ a: 1 }) // true; isRecord([1]) // false
 */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * `Array.isArray` that narrows to `readonly unknown[]` instead of `any[]`.
 * @example isArray(JSON.parse("[1]")) // true
 */
export function isArray(value: unknown): value is readonly unknown[] {
  return Array.isArray(value);
}
