import * as z from "zod";
import { Artifact } from "../schemas/artifact.js";
import { ReleaseItem } from "../schemas/release.js";
import { classify, isArray, isRecord } from "./classify.js";
import { error, type Issue, type StepResult } from "./issues.js";

/** A valid record and where it sits in its file: `path` is "[3]" for item 3 of an array, "" for a lone object. */
export interface Indexed<T> {
  readonly index: number;
  readonly path: string;
  readonly item: T;
  /** The record exactly as exported (zod's output reorders keys; the JSON mirror keeps the export's order). */
  readonly raw: unknown;
}

export type ValidatedFile =
  | { readonly kind: "releases"; readonly releases: readonly Indexed<ReleaseItem>[] }
  | { readonly kind: "artifacts"; readonly artifacts: readonly Indexed<Artifact>[] }
  | { readonly kind: "rejected" };

/**
 * Checks every record of one parsed file on its own: valid records are returned, each invalid one
 * becomes one error per problem and is left out. An API error body or an unknown shape rejects the file.
 * @example validateFile("a.json", { code: 400, message: "Bad Request" }).value.kind // "rejected"
 */
export function validateFile(file: string, data: unknown): StepResult<ValidatedFile> {
  const classified = classify(data);
  const inArray = isArray(data);
  switch (classified.kind) {
    case "releases": {
      const { valid, issues } = validateEach(file, classified.items, inArray, ReleaseItem);
      return { value: { kind: "releases", releases: valid }, issues };
    }
    case "artifacts": {
      const { valid, issues } = validateEach(file, classified.items, inArray, Artifact);
      return { value: { kind: "artifacts", artifacts: valid }, issues };
    }
    case "api-error": {
      const text = `this file holds a Zadig API error response, not exported data: ${summary(classified)}`;
      return { value: { kind: "rejected" }, issues: [error("api-error-body", file, "", text)] };
    }
    case "unknown": {
      const text = `${expectedShapes}, found ${classified.found}`;
      return { value: { kind: "rejected" }, issues: [error("unknown-shape", file, "", text)] };
    }
  }
}

/** "400 Bad Request: <description>"; Zadig's 500 message "Internal Error: " loses its dangling colon. */
function summary({ code, message, description }: { code: number; message: string; description: string }): string {
  const status = [String(code), message.trim().replace(/:$/, "")].filter((part) => part !== "").join(" ");
  return description === "" ? status : `${status}: ${description}`;
}

const expectedShapes =
  'expected a releases array (items with "versionInfo") or an artifact trace (an object with "image_tag" and "activities")';

function validateEach<T>(
  file: string,
  items: readonly unknown[],
  inArray: boolean,
  schema: z.ZodType<T>,
): { valid: Indexed<T>[]; issues: Issue[] } {
  const valid: Indexed<T>[] = [];
  const issues: Issue[] = [];
  items.forEach((item, index) => {
    const prefix = inArray ? [index] : [];
    const result = schema.safeParse(item, { error: expectedPhrase });
    if (result.success) valid.push({ index, path: z.core.toDotPath(prefix), item: result.data, raw: item });
    else issues.push(...result.error.issues.map((issue) => toIssue(file, item, prefix, issue)));
  });
  return { valid, issues };
}

function toIssue(file: string, item: unknown, prefix: readonly number[], issue: z.core.$ZodIssue): Issue {
  const path = z.core.toDotPath([...prefix, ...issue.path]);
  const at = valueAt(item, issue.path);
  const key = issue.path.at(-1);
  // issue.message is the expected phrase: written by `expectedPhrase` or by the schema (e.g. "a 24-hex-digit id").
  const hint = typeof key === "string" ? hints.get(key) : undefined;
  const expected =
    at.found || typeof key !== "string"
      ? issue.message
      : `${issue.message} ${JSON.stringify(key)}${hint === undefined ? "" : ` (${hint})`}`;
  const found = at.found ? describeValue(at.value) : "nothing (the field is missing)";
  return error(issue.code, file, path, `expected ${expected}, found ${found}`);
}

/** Said when these fields are missing: the likely cause. */
const hints: ReadonlyMap<string, string> = new Map([
  ["versionInfo", "every release item has one"],
  ["activities", "every artifact trace has one, [] when empty"],
]);

/** Per-parse zod error map: phrases what a failed check expected, in our words. */
function expectedPhrase(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case "invalid_type":
      // zod says "number" for any non-number input; the schema's format tells whether it wanted an integer.
      if (issue.expected === "number" && issue.inst instanceof z.ZodNumber && (issue.inst.format ?? "").includes("int")) {
        return "an integer";
      }
      return typeNames[issue.expected] ?? `a value of type ${issue.expected}`;
    case "too_small":
      return bounded(issue.origin, issue.inclusive ? "≥" : ">", "at least", issue.minimum);
    case "too_big":
      return bounded(issue.origin, issue.inclusive ? "≤" : "<", "at most", issue.maximum);
    case "invalid_value":
      return `one of: ${issue.values.map(String).join(", ")}`;
    case "invalid_format":
      return issue.format === "regex" && issue.pattern ? `a string matching ${issue.pattern}` : `a valid ${issue.format}`;
    default:
      return issue.message ?? "a valid value";
  }
}

function bounded(origin: string, relation: string, words: string, bound: number | bigint): string {
  if (origin === "array" || origin === "set") return `an array of ${words} ${plural(Number(bound), "item")}`;
  if (origin === "string") return `a string of ${words} ${plural(Number(bound), "character")}`;
  return `a number ${relation} ${bound}`;
}

const typeNames: Readonly<Record<string, string>> = {
  string: "a string",
  number: "a number",
  int: "an integer",
  boolean: "true or false",
  object: "an object",
  record: "an object",
  array: "an array",
  null: "null",
};

type Lookup = { readonly found: true; readonly value: unknown } | { readonly found: false };

/** The input value at a zod issue path, or "not found" when a key or index is absent. */
function valueAt(root: unknown, path: readonly PropertyKey[]): Lookup {
  let value = root;
  for (const key of path) {
    if (isArray(value) && typeof key === "number" && key < value.length) value = value[key];
    else if (isRecord(value) && typeof key === "string" && Object.hasOwn(value, key)) value = value[key];
    else return { found: false };
  }
  return { found: true, value };
}

/** `the string "7"`, `the number 3.5`, `null`, `an array of 2 items`… */
function describeValue(value: unknown): string {
  if (typeof value === "string") return `the string ${quote(value)}`;
  if (typeof value === "number") return `the number ${value}`;
  if (value === null || typeof value === "boolean") return String(value);
  if (isArray(value)) return value.length === 0 ? "an empty array" : `an array of ${plural(value.length, "item")}`;
  return isRecord(value) ? "an object" : typeof value;
}

const maxQuoted = 60;

function quote(text: string): string {
  const chars = Array.from(text);
  return chars.length > maxQuoted ? `${JSON.stringify(chars.slice(0, maxQuoted).join(""))}…` : JSON.stringify(text);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
