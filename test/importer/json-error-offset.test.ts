import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findJsonSyntaxError, jsonErrorOffset } from "../../src/importer/json-error-offset.js";

/** Whether V8 accepts the text: the oracle the scanner must agree with. */
function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe("jsonErrorOffset", () => {
  it.each([
    ["null", "null"],
    ["true", "true"],
    ["false", "false"],
    ["zero", "0"],
    ["negative zero", "-0"],
    ["a fraction with an exponent", "-12.5e+10"],
    ["an upper-case exponent", "1E-2"],
    ["an empty string", '""'],
    ["every escape", '"\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\uD83D\\uDE00"'],
    ["raw non-ASCII text", '"发布 ✓ 😀"'],
    ["an empty array", "[]"],
    ["an empty object", "{}"],
    ["nested containers", '[1, [2, {}], {"a": {"b": [null, true]}}]'],
    ["white space of all four kinds around tokens", ' \t\r\n{ "a" :\t1 ,\r\n "b" : [ ] } \n'],
    ["a duplicate key", '{"a": 1, "a": 2}'],
  ])("returns -1 for valid JSON: %s", (_kind, text) => {
    expect(parses(text)).toBe(true);
    expect(jsonErrorOffset(text)).toBe(-1);
  });

  it("points at the first character that breaks a literal", () => {
    expect(jsonErrorOffset('{"a": tru }')).toBe(9);
    expect(jsonErrorOffset("[nulL]")).toBe(4);
    expect(jsonErrorOffset("True")).toBe(0);
  });

  it("points at the value that follows where a comma is missing", () => {
    expect(jsonErrorOffset("[1 2]")).toBe(3);
    expect(jsonErrorOffset('{"a": 1 "b": 2}')).toBe(8);
  });

  it("points at the closing bracket after a trailing comma", () => {
    expect(jsonErrorOffset("[1,]")).toBe(3);
    expect(jsonErrorOffset('{"a": 1,}')).toBe(8);
  });

  it("points at the end of the text for an unterminated string", () => {
    expect(jsonErrorOffset('"abc')).toBe(4);
    expect(jsonErrorOffset('{"a": "x}')).toBe(9);
  });

  it("points at a raw control character inside a string", () => {
    expect(jsonErrorOffset('"a\tb"')).toBe(2);
    expect(jsonErrorOffset('["a\nb"]')).toBe(3);
  });

  it("points at the letter of an unknown or malformed escape", () => {
    expect(jsonErrorOffset('"\\x"')).toBe(2);
    expect(jsonErrorOffset('"ab\\u12G4"')).toBe(7);
  });

  it("points at garbage after a complete value", () => {
    expect(jsonErrorOffset("[] x")).toBe(3);
    expect(jsonErrorOffset("{}{}")).toBe(2);
    expect(jsonErrorOffset("1 2")).toBe(2);
  });

  it("points at a key that is not a double-quoted string", () => {
    expect(jsonErrorOffset("{a: 1}")).toBe(1);
    expect(jsonErrorOffset("{'a': 1}")).toBe(1);
  });

  it("points at a number JSON does not allow", () => {
    expect(jsonErrorOffset("01")).toBe(1);
    expect(jsonErrorOffset(".5")).toBe(0);
    expect(jsonErrorOffset("+1")).toBe(0);
    expect(jsonErrorOffset("[NaN]")).toBe(1);
  });

  it("returns the text's length for input that ends too early", () => {
    for (const text of ["", "[1,", '{"a": [1, 2', '{"a"', '{"a":', "tru", '["a\\', "[", "{"]) {
      expect({ text, offset: jsonErrorOffset(text) }).toEqual({ text, offset: text.length });
    }
  });

  it("returns -1 for any value JSON.stringify produces, compact or indented", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, "\t"), (value, indent) => {
        expect(jsonErrorOffset(JSON.stringify(value, null, indent))).toBe(-1);
      }),
    );
  });

  it("returns an offset within the text for every proper prefix of a JSON document that does not parse", () => {
    fc.assert(
      fc.property(
        fc.jsonValue().map((value) => JSON.stringify(value, null, 1)),
        fc.nat(),
        (text, cut) => {
          const prefix = text.slice(0, cut % text.length);
          fc.pre(!parses(prefix));
          const offset = jsonErrorOffset(prefix);
          expect(offset).toBeGreaterThanOrEqual(0);
          expect(offset).toBeLessThanOrEqual(prefix.length);
        },
      ),
    );
  });

  it("agrees with JSON.parse on whether short token soups are valid", () => {
    const token = fc.constantFrom("{", "}", "[", "]", ",", ":", " ", '"a"', '"\\n"', "1", "-0.5e3", "true", "null", "x", "\\", '"');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 12 }).map((tokens) => tokens.join("")), (text) => {
        expect(jsonErrorOffset(text) === -1).toBe(parses(text));
      }),
    );
  });
});

describe("findJsonSyntaxError", () => {
  it("reports a number cut off by the end of the file as truncation", () => {
    for (const text of ["[1.", "-", "1e", "[1e+", '"\\u12']) {
      expect(findJsonSyntaxError(text), text).toEqual({ offset: text.length, reason: "the file ends before the JSON is complete (is it truncated?)" });
    }
  });

  it("accepts a number longer than any fixed look-ahead", () => {
    expect(findJsonSyntaxError("1".repeat(500))).toBeNull();
  });

  it("handles nesting deeper than the call stack allows, valid or broken", () => {
    expect(findJsonSyntaxError(`${"[".repeat(200_000)}${"]".repeat(200_000)}`)).toBeNull();
    expect(findJsonSyntaxError("[".repeat(200_000))).toEqual({ offset: 200_000, reason: "the file ends before the JSON is complete (is it truncated?)" });
  });

  it("points at a leading zero rather than calling it truncation", () => {
    expect(findJsonSyntaxError("01")).toEqual({ offset: 1, reason: "unexpected text after the JSON value" });
  });
});
