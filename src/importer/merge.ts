import type { RawRecord } from "../model/types.js";
import { error, type Issue, type StepResult } from "./issues.js";

/** One validated record and where it came from. */
export interface Located<T> {
  readonly key: string;
  readonly file: string;
  readonly path: string;
  readonly item: T;
  /** The exported record with secrets removed; duplicates are compared on it. */
  readonly raw: RawRecord;
}

/**
 * Keeps one record per key. The same key with identical content (one release exported twice) merges into the
 * first occurrence in sorted file order; with different content it is an error naming both places.
 * @example mergeByKey([a1, a1copy], "release") // { value: [a1], issues: [] }
 */
export function mergeByKey<T>(records: readonly Located<T>[], noun: string): StepResult<Located<T>[]> {
  // The first occurrence's JSON is read only when its key repeats: holding every record's JSON text at once
  // cost as much memory as the whole parsed input (about 550 MB at 10,000 releases).
  const kept = new Map<string, { record: Located<T>; json: string | null }>();
  const issues: Issue[] = [];
  for (const record of records) {
    const first = kept.get(record.key);
    if (first === undefined) {
      kept.set(record.key, { record, json: null });
      continue;
    }
    first.json ??= first.record.raw.json();
    if (first.json !== record.raw.json()) {
      issues.push(
        error(
          "duplicate-conflict",
          record.file,
          record.path,
          `${noun} ${JSON.stringify(record.key)} is also in ${first.record.file}${first.record.path === "" ? "" : ` at ${first.record.path}`} with different content; expected each ${noun} once, found two versions. Keep the newer export and remove the other.`,
        ),
      );
    }
  }
  return { value: [...kept.values()].map((entry) => entry.record), issues };
}
