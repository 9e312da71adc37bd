import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, visit, type Document, type Node, type YAMLMap } from "yaml";
import { REDACTED } from "./redact-keys.js";

/** One value withheld from a YAML text: where inside the text (never the value), and why. */
export interface YamlRedaction {
  readonly detail: string;
  readonly reason: string;
}

export const SECRET_VALUE_REASON = "value of a Kubernetes Secret (data / stringData)";
export const ENV_VALUE_REASON = "container env value whose name matches the credential key pattern";
export const UNPARSEABLE_SECRET_REASON = "YAML that names a Kubernetes Secret but could not be parsed: the whole text was withheld";

/** What replaces an unparseable YAML text that names a Secret (a YAML comment, so the text stays valid YAML). */
export const WITHHELD_YAML = `# ${REDACTED}: this YAML names a Kubernetes Secret but could not be parsed, so all of it was withheld.\n`;

/** The replacement written into the YAML text: a quoted scalar, so the document stays valid YAML. */
const REPLACEMENT = JSON.stringify(REDACTED);

// Cheap pre-checks: most rendered YAML has no Secret and no credential-named env entry, and is not parsed.
const NAMES_SECRET = /kind["']?\s*:\s*["']?secret\b/i;
const HAS_ENV = /\benv["']?\s*:/;
const NAME_KEY = /\bname["']?\s*:\s*["']?([^\s"',}#]+)/g;
const VALUE_KEY = /\bvalue["']?\s*:/;
/** How far from its `name:` an entry's `value:` may sit (block or flow style, either order). */
const PAIR_WINDOW = 160;

/**
 * Whether some entry `name: X`, X matching the pattern, has a literal `value:` in the same list item (not just
 * `valueFrom:`, the usual way to read a Secret): only then is the text parsed for env values. The parse decides.
 */
function mayHaveCredentialEnv(text: string, keyPattern: RegExp): boolean {
  if (!HAS_ENV.test(text)) return false;
  for (const match of text.matchAll(NAME_KEY)) {
    if (!keyPattern.test(match[1] ?? "")) continue;
    const before = text.slice(Math.max(0, match.index - PAIR_WINDOW), match.index);
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + PAIR_WINDOW);
    // The item runs from its "- " (or "{") to the next item or the end of a flow map.
    const itemStart = Math.max(before.lastIndexOf("- "), before.lastIndexOf("{"));
    const nextItem = after.search(/\n\s*-\s|}/);
    const item = `${itemStart === -1 ? before : before.slice(itemStart)} ${nextItem === -1 ? after : after.slice(0, nextItem)}`;
    if (VALUE_KEY.test(item)) return true;
  }
  return false;
}

/**
 * Replaces, in a (multi-document) YAML string, every `data:` / `stringData:` value of a Kubernetes `Secret`
 * (at any depth, so `kind: List` items too) and every container `env` value whose `name` matches `keyPattern`
 * with `"[redacted]"`. Every other byte of the text is kept. A text that names a Secret but does not parse is
 * withheld whole: its values cannot be located safely.
 * @example redactYamlSecrets("kind: Secret\ndata:\n  pw: aHVudGVy\n", null).text // 'kind: Secret\ndata:\n  pw: "[redacted]"\n'
 */
export function redactYamlSecrets(text: string, keyPattern: RegExp | null): { text: string; redactions: YamlRedaction[] } {
  const namesSecret = NAMES_SECRET.test(text);
  const checkEnv = keyPattern !== null && mayHaveCredentialEnv(text, keyPattern);
  if (!namesSecret && !checkEnv) return { text, redactions: [] };

  const documents = parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false });
  if (documents.some((document) => document.errors.length > 0)) {
    return namesSecret ? { text: WITHHELD_YAML, redactions: [{ detail: "whole text", reason: UNPARSEABLE_SECRET_REASON }] } : { text, redactions: [] };
  }
  const edits: Edit[] = [];
  const redactions: YamlRedaction[] = [];
  documents.forEach((document, index) => {
    const where = documents.length > 1 ? `document ${index + 1}, ` : "";
    const found = (node: Node | null | undefined, detail: string, reason: string) => {
      const ranges = valueRanges(node, document);
      if (ranges.length === 0) return;
      edits.push(...ranges);
      redactions.push({ detail: `${where}${detail}`, reason });
    };
    visit(document, {
      Map(_, map) {
        if (!isSecret(map)) return;
        const name = secretName(map);
        for (const field of ["data", "stringData"]) {
          const values = map.get(field, true);
          if (isMap(values)) {
            for (const pair of values.items) found(asNode(pair.value), `Secret ${name} ${field}.${keyText(pair.key)}`, SECRET_VALUE_REASON);
          } else {
            found(asNode(values), `Secret ${name} ${field}`, SECRET_VALUE_REASON);
          }
        }
      },
      Pair(_, pair) {
        if (keyPattern === null || keyText(pair.key) !== "env" || !isSeq(pair.value)) return;
        for (const item of pair.value.items) {
          if (!isMap(item)) continue;
          const name = item.get("name");
          if (typeof name === "string" && keyPattern.test(name)) found(asNode(item.get("value", true)), `env ${name}`, ENV_VALUE_REASON);
        }
      },
    });
  });
  return { text: applyEdits(text, edits), redactions };
}

/** A span of the source text to replace: [start, end). */
type Edit = readonly [number, number];

function isSecret(map: YAMLMap): boolean {
  const kind = map.get("kind");
  return typeof kind === "string" && kind.toLowerCase() === "secret";
}

function secretName(map: YAMLMap): string {
  const metadata = map.get("metadata", true);
  const name = isMap(metadata) ? metadata.get("name") : undefined;
  const namespace = isMap(metadata) ? metadata.get("namespace") : undefined;
  const parts = [namespace, name].filter((part): part is string => typeof part === "string" && part !== "");
  return parts.length === 0 ? "(unnamed)" : parts.join("/");
}

function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return typeof key === "string" ? key : "(complex key)";
}

function asNode(value: unknown): Node | null {
  return isScalar(value) || isAlias(value) || isMap(value) || isSeq(value) ? value : null;
}

/**
 * The source spans holding a value. Empty values hide nothing and give none. An alias gives its own span and
 * that of the scalar it points at, so the value cannot survive at its anchor.
 */
function valueRanges(node: Node | null | undefined, document: Document.Parsed): Edit[] {
  if (node === null || node === undefined || !node.range) return [];
  if (isScalar(node) && (node.value === null || node.value === "")) return [];
  const own: Edit = [node.range[0], node.range[1]];
  if (isAlias(node)) {
    const target = node.resolve(document);
    return target && isScalar(target) && target.range ? [own, [target.range[0], target.range[1]]] : [own];
  }
  return [own];
}

/** Applies non-overlapping edits from the end, so earlier offsets stay valid; a span ending in a newline keeps it. */
function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const kept: Edit[] = [];
  for (const edit of sorted) {
    const last = kept.at(-1);
    if (last === undefined || edit[0] >= last[1]) kept.push(edit);
  }
  let result = text;
  for (const [start, end] of kept.reverse()) {
    const newline = result.slice(start, end).endsWith("\n") ? "\n" : "";
    result = result.slice(0, start) + REPLACEMENT + newline + result.slice(end);
  }
  return result;
}
