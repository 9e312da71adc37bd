import { describe, expect, it } from "vitest";
import { classify, isArray, isRecord } from "../../src/importer/classify.js";

const release = { versionInfo: { id: "619dbaa8c528c2182225e8d9" }, buildInfo: [] };
const artifact = { name: "picket", type: "image", image_tag: "1", activities: [] };

describe("classify", () => {
  it("treats an array of release items as releases, keeping every item", () => {
    expect(classify([release, release])).toEqual({ kind: "releases", items: [release, release] });
  });

  it("treats an empty array as an empty releases list", () => {
    expect(classify([])).toEqual({ kind: "releases", items: [] });
  });

  it("treats a lone release item, as `GET /releases/:id` returns it, as one release", () => {
    expect(classify(release)).toEqual({ kind: "releases", items: [release] });
  });

  it("treats an array of artifact traces as artifacts", () => {
    expect(classify([artifact])).toEqual({ kind: "artifacts", items: [artifact] });
  });

  it("treats one artifact trace as one artifact", () => {
    expect(classify(artifact)).toEqual({ kind: "artifacts", items: [artifact] });
  });

  it("treats an item with release keys but no versionInfo as a release, so validation can name what is missing", () => {
    expect(classify([{ buildInfo: [], deployInfo: [] }]).kind).toBe("releases");
    expect(classify({ securityStatsInfo: [], name: "x" }).kind).toBe("releases");
  });

  it("recognises an artifact by any of image_tag, activities or name", () => {
    for (const partial of [{ image_tag: "1" }, { activities: [] }, { name: "picket" }]) {
      expect(classify(partial).kind).toBe("artifacts");
    }
  });

  it("classifies a mixed array by its first element and leaves the rest to validation", () => {
    expect(classify([release, artifact, 3])).toEqual({ kind: "releases", items: [release, artifact, 3] });
    expect(classify([artifact, release])).toEqual({ kind: "artifacts", items: [artifact, release] });
  });

  it("recognises the 400 error body from the API docs", () => {
    const body = {
      code: 400,
      description: 'strconv.Atoi: parsing "invalidTaskId": invalid syntax',
      extra: {},
      message: "Bad Request",
      type: "error",
    };
    expect(classify(body)).toEqual({
      kind: "api-error",
      code: 400,
      message: "Bad Request",
      description: 'strconv.Atoi: parsing "invalidTaskId": invalid syntax',
    });
  });

  it("recognises an error body without description, type or extra", () => {
    expect(classify({ code: 6662, message: "获取交付物信息失败" })).toEqual({
      kind: "api-error",
      code: 6662,
      message: "获取交付物信息失败",
      description: "",
    });
  });

  it("does not take an object with code and message for an error when it also has versionInfo or name", () => {
    expect(classify({ code: 1, message: "m", versionInfo: {} }).kind).toBe("releases");
    expect(classify({ code: 1, message: "m", name: "x" }).kind).toBe("artifacts");
  });

  it("does not take an object with a string code for an error", () => {
    expect(classify({ code: "400", message: "Bad Request" })).toEqual({ kind: "unknown", found: "an object with keys code, message" });
  });

  it("describes a top-level value that is not an object or array", () => {
    expect(classify(null)).toEqual({ kind: "unknown", found: "null" });
    expect(classify(42)).toEqual({ kind: "unknown", found: "a number" });
    expect(classify("releases")).toEqual({ kind: "unknown", found: "a string" });
    expect(classify(true)).toEqual({ kind: "unknown", found: "a boolean" });
  });

  it("describes an unrecognised object by its keys, showing at most ten", () => {
    expect(classify({ foo: 1, bar: 2 })).toEqual({ kind: "unknown", found: "an object with keys foo, bar" });
    expect(classify({})).toEqual({ kind: "unknown", found: "an object with no keys" });
    const many = Object.fromEntries("abcdefghijkl".split("").map((key) => [key, 0]));
    expect(classify(many)).toEqual({ kind: "unknown", found: "an object with keys a, b, c, d, e, f, g, h, i, j, …" });
  });

  it("describes an unrecognised array by what it holds", () => {
    expect(classify(["a", "b"])).toEqual({ kind: "unknown", found: "an array of strings" });
    expect(classify([[1]])).toEqual({ kind: "unknown", found: "an array of arrays" });
    expect(classify([1, "a", null])).toEqual({ kind: "unknown", found: "an array of mixed values (numbers, strings, nulls)" });
    expect(classify([{ project_name: "shop", version: "1" }])).toEqual({
      kind: "unknown",
      found: "an array of objects, the first with keys project_name, version",
    });
  });
});

describe("isRecord", () => {
  it("accepts plain objects and rejects null, arrays and primitives", () => {
    expect([{}, { a: 1 }].map(isRecord)).toEqual([true, true]);
    expect([null, [], "x", 1, undefined].map(isRecord)).toEqual([false, false, false, false, false]);
  });
});

describe("isArray", () => {
  it("accepts arrays only", () => {
    expect([[], [1], {}, "[]"].map(isArray)).toEqual([true, true, false, false]);
  });
});
