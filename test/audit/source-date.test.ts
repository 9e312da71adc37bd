import { describe, expect, it } from "vitest";
import { generatedAt, MAX_EPOCH, newestTimestamp, parseSourceDateEpoch } from "../../src/audit/source-date.js";
import { UsageError } from "../../src/cli/errors.js";
import { link } from "../../src/importer/link.js";

describe("parseSourceDateEpoch", () => {
  it("accepts whole seconds as `date +%s` prints them, and unset", () => {
    expect(parseSourceDateEpoch(undefined)).toBeNull();
    expect(parseSourceDateEpoch("0")).toBe(0);
    expect(parseSourceDateEpoch("1700000000")).toBe(1700000000);
    expect(parseSourceDateEpoch(String(MAX_EPOCH))).toBe(MAX_EPOCH);
  });

  it("rejects anything else as a usage error that says what was expected", () => {
    for (const value of ["", "now", "1.5", "-1", "1e9", " 1700000000", "1700000000\n", "253402300800", "2024-01-01", "0x10", "１２"]) {
      expect(() => parseSourceDateEpoch(value), JSON.stringify(value)).toThrow(UsageError);
    }
    expect(() => parseSourceDateEpoch("soon")).toThrow(/expected whole seconds since 1970-01-01 UTC/);
  });
});

describe("generatedAt", () => {
  it("is SOURCE_DATE_EPOCH when set, else the newest time in the data, else unknown", () => {
    const empty = link([], new Map());
    expect(generatedAt(1234, empty)).toEqual({ seconds: 1234, source: "SOURCE_DATE_EPOCH" });
    expect(generatedAt(null, empty)).toEqual({ seconds: null, source: "unknown" });
    expect(newestTimestamp(empty)).toBeNull();
  });
});
