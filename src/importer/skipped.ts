import { isArray } from "./classify.js";
import type { Issue } from "./issues.js";
import type { ValidatedFile } from "./validate.js";

/** A record (or a whole file) that is not in the snapshot, and why: what `--keep-going` leaves out. */
export interface SkippedRecord {
  readonly file: string;
  /** Dot path of the record in its file ("[3]"), "" for a whole file or a file's lone object. */
  readonly path: string;
  readonly what: "file" | "release" | "artifact trace";
  /** One line per problem: "path: message". */
  readonly reasons: readonly string[];
}

/**
 * The records of one file that validation left out, each with the errors that name it. A rejected file
 * (unreadable, an API error body, an unknown shape) is skipped whole.
 * @example skippedInFile("a.json", [good, bad], validated, issues) // [{ file: "a.json", path: "[1]", what: "release", reasons: [...] }]
 */
export function skippedInFile(file: string, data: unknown, validated: ValidatedFile | null, issues: readonly Issue[]): SkippedRecord[] {
  const errors = issues.filter((issue) => issue.file === file && issue.severity === "error");
  if (validated === null || validated.kind === "rejected") {
    return [{ file, path: "", what: "file", reasons: errors.map(reasonLine) }];
  }
  const what = validated.kind === "releases" ? "release" : "artifact trace";
  const kept = new Set((validated.kind === "releases" ? validated.releases : validated.artifacts).map((record) => record.index));
  const count = isArray(data) ? data.length : 1;
  const skipped: SkippedRecord[] = [];
  for (let index = 0; index < count; index++) {
    if (kept.has(index)) continue;
    const path = isArray(data) ? `[${index}]` : "";
    skipped.push({ file, path, what, reasons: errors.filter((issue) => within(issue.path, path)).map(reasonLine) });
  }
  return skipped;
}

/** Records dropped by merge: a second, different version of a release or trace already taken from another file. */
export function skippedDuplicates(issues: readonly Issue[], what: SkippedRecord["what"]): SkippedRecord[] {
  return issues.filter((issue) => issue.severity === "error").map((issue) => ({ file: issue.file, path: issue.path, what, reasons: [reasonLine(issue)] }));
}

function within(issuePath: string, recordPath: string): boolean {
  return recordPath === "" || issuePath === recordPath || issuePath.startsWith(`${recordPath}.`) || issuePath.startsWith(`${recordPath}[`);
}

function reasonLine(issue: Issue): string {
  return issue.path === "" ? issue.message : `${issue.path}: ${issue.message}`;
}
