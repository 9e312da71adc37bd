import fc from "fast-check";
import { FILE_HEADERS_ONLY, formatPatch, structuredPatch } from "diff";
import { describe, expect, it } from "vitest";
import { linePatch, tokenizeLines } from "../../src/diff/line-diff.js";

// Texts from a few short lines, so that many lines repeat and the search has ties to break; separators mixed
// and the final line feed optional, which is where patches differ in detail.
const text = fc
  .array(fc.tuple(fc.constantFrom("a", "b", "c", "image: x:1", "", "  - name: y"), fc.constantFrom("\n", "\n", "\n", "\r\n")), { maxLength: 40 })
  .chain((lines) => fc.boolean().map((endsWithBreak) => {
    const joined = lines.map(([line, end]) => line + end).join("");
    return endsWithBreak || joined === "" ? joined : joined.replace(/\r?\n$/, "");
  }));

describe("linePatch", () => {
  it("gives exactly jsdiff's structuredPatch, hunk for hunk, on random texts, contexts and edit limits", () => {
    fc.assert(
      fc.property(text, text, fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 90 }), (before, after, context, maxEditLength) => {
        const expected = structuredPatch("a/x", "b/x", before, after, undefined, undefined, { context, maxEditLength });
        const found = linePatch("a/x", "b/x", before, after, context, maxEditLength);
        expect(found).toEqual(expected);
        if (found !== undefined && expected !== undefined) expect(formatPatch(found, FILE_HEADERS_ONLY)).toBe(formatPatch(expected, FILE_HEADERS_ONLY));
      }),
      { seed: 20261125, numRuns: 3000 },
    );
  });

  it("shows a changed line with three lines of context, and says when a text has no final line feed", () => {
    const patch = linePatch("a/api", "b/api", "1\n2\n3\n4\nimage: a:1\n5\n6\n7\n8", "1\n2\n3\n4\nimage: a:2\n5\n6\n7\n9", 3, 100);
    expect(patch === undefined ? null : formatPatch(patch, FILE_HEADERS_ONLY)).toBe(
      ["--- a/api", "+++ b/api", "@@ -2,8 +2,8 @@", " 2", " 3", " 4", "-image: a:1", "+image: a:2", " 5", " 6", " 7", "-8", "\\ No newline at end of file", "+9", "\\ No newline at end of file", ""].join("\n"),
    );
  });

  it("gives up past the edit limit, as jsdiff does", () => {
    expect(linePatch("a", "b", "1\n2\n3\n", "4\n5\n6\n", 3, 5)).toBeUndefined();
    expect(linePatch("a", "b", "1\n2\n3\n", "4\n5\n6\n", 3, 6)?.hunks).toHaveLength(1);
  });

  it("splits lines as jsdiff does: each with its \\n or \\r\\n", () => {
    expect(tokenizeLines("a\r\nb\n\nc")).toEqual(["a\r\n", "b\n", "\n", "c"]);
    expect(tokenizeLines("")).toEqual([]);
  });
});
