import type { RawRecord } from "./types.js";

/**
 * A raw record held as the value itself: for records made in memory (tests, one-off tools). The import keeps
 * its records in a scratch file instead (src/importer/record-spill.ts).
 * @example inMemoryRecord({ id: "a" }).json() // '{\n  "id": "a"\n}'
 */
export function inMemoryRecord(value: unknown): RawRecord {
  return { json: () => JSON.stringify(value ?? null, null, 2) };
}
