import { describe, expect, it } from "vitest";
import { mergeByKey, type Located } from "../../src/importer/merge.js";
import { inMemoryRecord } from "../../src/model/raw-record.js";

/** A validated record as the importer locates it: the model item is picked from the exported (redacted) raw record. */
function located(key: string, file: string, path: string, raw: Record<string, unknown>): Located<Record<string, unknown>> {
  return { key, file, path, item: { ...raw }, raw: inMemoryRecord(raw) };
}

describe("mergeByKey", () => {
  it("merges a record exported twice with identical content into its first occurrence", () => {
    const first = located("619dbaa8c528c2182225e8d9", "a/releases.json", "[0]", { version: "v1", taskId: 1 });
    const copy = located("619dbaa8c528c2182225e8d9", "b/releases.json", "[4]", { version: "v1", taskId: 1 });

    const result = mergeByKey([first, copy], "release");

    expect(result.issues).toEqual([]);
    expect(result.value).toEqual([first]);
    expect(result.value[0]).toBe(first);
  });

  it("reports a key with different content as an error naming both files and the key", () => {
    const first = located("619dbaa8c528c2182225e8d9", "a/releases.json", "[0]", { version: "v1", desc: "old" });
    const second = located("619dbaa8c528c2182225e8d9", "b/releases.json", "[2]", { version: "v1", desc: "new" });

    const result = mergeByKey([first, second], "release");

    expect(result.value).toEqual([first]);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ severity: "error", code: "duplicate-conflict", file: "b/releases.json", path: "[2]" });
    expect(result.issues[0]?.message).toMatchInlineSnapshot(
      `"release "619dbaa8c528c2182225e8d9" is also in a/releases.json at [0] with different content; expected each release once, found two versions. Keep the newer export and remove the other."`,
    );
  });

  it("names only the file when the first occurrence is the whole file", () => {
    const first = located("reg.example.com/pay/api:v2", "api.json", "", { name: "api", image_size: 1 });
    const second = located("reg.example.com/pay/api:v2", "api-again.json", "", { name: "api", image_size: 2 });

    const result = mergeByKey([first, second], "artifact");

    expect(result.issues[0]?.message).toMatchInlineSnapshot(
      `"artifact "reg.example.com/pay/api:v2" is also in api.json with different content; expected each artifact once, found two versions. Keep the newer export and remove the other."`,
    );
  });

  it("reports every conflicting copy against the first one and merges the identical ones", () => {
    const records = [
      located("k", "1.json", "", { n: 1 }),
      located("k", "2.json", "", { n: 2 }),
      located("k", "3.json", "", { n: 1 }),
      located("k", "4.json", "", { n: 4 }),
    ];

    const result = mergeByKey(records, "release");

    expect(result.value.map((record) => record.file)).toEqual(["1.json"]);
    expect(result.issues.map((issue) => issue.file)).toEqual(["2.json", "4.json"]);
    expect(result.issues.every((issue) => issue.message.includes("is also in 1.json"))).toBe(true);
  });

  it("keeps records in the order their keys first appear", () => {
    const at = (key: string, file: string) => located(key, file, "", { key });

    const result = mergeByKey([at("b", "1.json"), at("a", "1.json"), at("b", "2.json"), at("c", "2.json"), at("a", "3.json")], "release");

    expect(result.value.map((record) => `${record.key}@${record.file}`)).toEqual(["b@1.json", "a@1.json", "c@2.json"]);
    expect(result.issues).toEqual([]);
  });

  it("compares the exported records, so a difference only in a field the model ignores is still a conflict", () => {
    const first = { key: "k", file: "1.json", path: "[0]", item: { version: "v1" }, raw: inMemoryRecord({ version: "v1", futureField: "a" }) };
    const second = { key: "k", file: "2.json", path: "[0]", item: { version: "v1" }, raw: inMemoryRecord({ version: "v1", futureField: "b" }) };

    const result = mergeByKey([first, second], "release");

    expect(result.value).toEqual([first]);
    expect(result.issues.map((issue) => [issue.code, issue.file])).toEqual([["duplicate-conflict", "2.json"]]);
  });

  it("returns nothing for no records", () => {
    expect(mergeByKey([], "release")).toEqual({ value: [], issues: [] });
  });
});
