import type { RawRecord } from "./types.js";

/**
 * A record as the JSON mirror serves it: 2-space JSON, key order as exported, no trailing newline. The one place
 * that text is made, for records in memory and in the import's scratch file alike.
 * @example rawRecordText({ id: "a" }) // '{\n  "id": "a"\n}'
 */
export function rawRecordText(value: unknown): string {
  return JSON.stringify(value ?? null, null, 2);
}

/**
 * A raw record held as the value itself: for records made in memory (tests, one-off tools). The import keeps
 * its records in a scratch file instead (src/importer/record-spill.ts).
 * @example inMemoryRecord({ id: "a" }).json() // '{\n  "id": "a"\n}'
 */
export function inMemoryRecord(value: unknown): RawRecord {
  return { json: () => rawRecordText(value), source: () => ({ kind: "text", text: rawRecordText(value) }) };
}
