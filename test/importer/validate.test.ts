import { describe, expect, it } from "vitest";
import { formatIssue } from "../../src/importer/issues.js";
import { validateFile } from "../../src/importer/validate.js";

const versionInfo = {
  id: "619dbaa8c528c2182225e8d9",
  version: "test",
  productName: "nginx2",
  workflowName: "nginx2-ops-workflow",
  taskId: 1,
  createdBy: "admin",
  created_at: 1637726888,
};

const release = (overrides: Record<string, unknown> = {}) => ({ versionInfo: { ...versionInfo, ...overrides } });

const deploy = {
  serviceName: "nginx/nginx-test",
  containerName: "nginx-test",
  yamlContents: ["---"],
  orderedServices: [["nginx"]],
  created_at: 1637726888,
};

const artifact = {
  name: "picket",
  type: "image",
  source: "workflow",
  image: "ccr.ccs.tencentyun.com/koderover-rc/picket:20211214154446-70-main-pr-736",
  image_tag: "20211214154446-70-main-pr-736",
  created_by: "user1",
  created_time: 1639467962,
  activities: [],
};

/** Every issue of a file as the CLI prints it. */
function printed(data: unknown): string[] {
  return validateFile("releases.json", data).issues.map(formatIssue);
}

describe("validateFile", () => {
  it("returns every release of a valid array with its index and path, and no issues", () => {
    const result = validateFile("releases.json", [release(), release({ id: "619dbaa8c528c2182225e8da" })]);
    expect(result.issues).toEqual([]);
    expect(result.value).toEqual({
      kind: "releases",
      releases: [
        { index: 0, path: "[0]", item: release(), raw: release() },
        { index: 1, path: "[1]", item: release({ id: "619dbaa8c528c2182225e8da" }), raw: release({ id: "619dbaa8c528c2182225e8da" }) },
      ],
    });
  });

  it("gives a lone release object the empty path, and paths inside it no leading dot", () => {
    expect(validateFile("one.json", release()).value).toEqual({ kind: "releases", releases: [{ index: 0, path: "", item: release(), raw: release() }] });
    expect(validateFile("one.json", release({ taskId: "1" })).issues.map((issue) => issue.path)).toEqual(["versionInfo.taskId"]);
  });

  it("reports a string where an integer belongs with the file, exact path and both values", () => {
    const { issues } = validateFile("releases.json", [release({ taskId: "7" })]);
    expect(issues).toEqual([
      {
        severity: "error",
        code: "invalid_type",
        file: "releases.json",
        path: "[0].versionInfo.taskId",
        message: 'expected an integer, found the string "7"',
      },
    ]);
    expect(issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "releases.json: [0].versionInfo.taskId: expected an integer, found the string "7"",
      ]
    `);
  });

  it("reports a fraction where an integer belongs", () => {
    expect(printed([release({ created_at: 1637726888.5 })])).toMatchInlineSnapshot(`
      [
        "releases.json: [0].versionInfo.created_at: expected an integer, found the number 1637726888.5",
      ]
    `);
  });

  it("reports a missing versionInfo with a hint that every release item has one", () => {
    expect(printed([{ buildInfo: [] }])).toMatchInlineSnapshot(`
      [
        "releases.json: [0].versionInfo: expected an object "versionInfo" (every release item has one), found nothing (the field is missing)",
      ]
    `);
  });

  it("reports a missing required field by name", () => {
    const { versionInfo: { createdBy: _, ...withoutCreator } } = release();
    expect(printed([{ versionInfo: withoutCreator }])).toMatchInlineSnapshot(`
      [
        "releases.json: [0].versionInfo.createdBy: expected a string "createdBy", found nothing (the field is missing)",
      ]
    `);
  });

  it("reports an id that is not 24 hex digits", () => {
    expect(printed([release({ id: "619dbaa8" })])).toMatchInlineSnapshot(`
      [
        "releases.json: [0].versionInfo.id: expected a 24-hex-digit id, found the string "619dbaa8"",
      ]
    `);
  });

  it("renders nested array paths and describes each kind of value it found", () => {
    const deployInfo = [{ ...deploy, yamlContents: ["---", 42], orderedServices: null }];
    const longText = "x".repeat(100);
    const data = [
      release(),
      release(),
      {
        versionInfo: { ...versionInfo, version: null, productName: true, workflowName: {}, createdBy: ["a", "b"], desc: 3, labels: longText },
        deployInfo,
      },
    ];
    expect(printed(data)).toMatchInlineSnapshot(`
      [
        "releases.json: [2].versionInfo.version: expected a string, found null",
        "releases.json: [2].versionInfo.productName: expected a string, found true",
        "releases.json: [2].versionInfo.workflowName: expected a string, found an object",
        "releases.json: [2].versionInfo.desc: expected a string, found the number 3",
        "releases.json: [2].versionInfo.labels: expected an array, found the string "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"…",
        "releases.json: [2].versionInfo.createdBy: expected a string, found an array of 2 items",
        "releases.json: [2].deployInfo[0].yamlContents[1]: expected a string, found the number 42",
        "releases.json: [2].deployInfo[0].orderedServices: expected an array, found null",
      ]
    `);
  });

  it("keeps the valid items of a mixed file and reports each invalid one under its own index", () => {
    const result = validateFile("mixed.json", [release(), release({ taskId: "2" }), release({ id: "619dbaa8c528c2182225e8db" }), 5, { image_tag: "x" }]);
    expect(result.value.kind === "releases" && result.value.releases.map(({ index, path }) => ({ index, path }))).toEqual([
      { index: 0, path: "[0]" },
      { index: 2, path: "[2]" },
    ]);
    expect(result.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "mixed.json: [1].versionInfo.taskId: expected an integer, found the string "2"",
        "mixed.json: [3]: expected an object, found the number 5",
        "mixed.json: [4].versionInfo: expected an object "versionInfo" (every release item has one), found nothing (the field is missing)",
      ]
    `);
  });

  it("reports one issue per problem inside one item, with zod's issue codes", () => {
    const { issues } = validateFile("releases.json", [release({ taskId: 1.5, created_at: -1, id: "nope" })]);
    expect(issues.map((issue) => [issue.path, issue.code])).toEqual([
      ["[0].versionInfo.id", "invalid_format"],
      ["[0].versionInfo.taskId", "invalid_type"],
      ["[0].versionInfo.created_at", "too_small"],
    ]);
    expect(issues.map((issue) => issue.message)).toMatchInlineSnapshot(`
      [
        "expected a 24-hex-digit id, found the string "nope"",
        "expected an integer, found the number 1.5",
        "expected a number ≥ 0, found the number -1",
      ]
    `);
  });

  it("reports an integer beyond JavaScript's safe range", () => {
    expect(printed([release({ taskId: 2 ** 60 })])).toMatchInlineSnapshot(`
      [
        "releases.json: [0].versionInfo.taskId: expected a number ≤ 9007199254740991, found the number 1152921504606847000",
      ]
    `);
  });

  it("accepts unknown fields without an issue and keeps them", () => {
    const item = { ...release(), futureField: { a: [1] }, deployInfo: [{ ...deploy, future: true }] };
    const result = validateFile("releases.json", [item]);
    expect(result.issues).toEqual([]);
    expect(result.value).toEqual({ kind: "releases", releases: [{ index: 0, path: "[0]", item, raw: item }] });
  });

  it("returns a single artifact trace with the empty path", () => {
    expect(validateFile("picket.json", artifact)).toEqual({
      value: { kind: "artifacts", artifacts: [{ index: 0, path: "", item: artifact, raw: artifact }] },
      issues: [],
    });
  });

  it("reports an artifact trace without activities with a hint", () => {
    const { activities: _, ...withoutActivities } = artifact;
    const { value, issues } = validateFile("picket.json", [artifact, withoutActivities]);
    expect(value.kind === "artifacts" && value.artifacts.map((entry) => entry.index)).toEqual([0]);
    expect(issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "picket.json: [1].activities: expected an array "activities" (every artifact trace has one, [] when empty), found nothing (the field is missing)",
      ]
    `);
  });

  it("rejects a saved API error body with one issue naming the code, message and description", () => {
    const body = { code: 400, description: 'strconv.Atoi: parsing "invalidTaskId": invalid syntax', extra: {}, message: "Bad Request", type: "error" };
    expect(validateFile("releases.json", body)).toEqual({
      value: { kind: "rejected" },
      issues: [
        {
          severity: "error",
          code: "api-error-body",
          file: "releases.json",
          path: "",
          message: 'this file holds a Zadig API error response, not exported data: 400 Bad Request: strconv.Atoi: parsing "invalidTaskId": invalid syntax',
        },
      ],
    });
  });

  it("leaves out an empty description and the dangling colon of Zadig's 500 message", () => {
    expect(printed({ code: 6662, message: "获取交付物信息失败", description: "" })).toMatchInlineSnapshot(`
      [
        "releases.json: this file holds a Zadig API error response, not exported data: 6662 获取交付物信息失败",
      ]
    `);
    expect(printed({ code: 500, message: "Internal Error: ", description: "failed to get artifact by image err:[400 BadRequest]" })).toMatchInlineSnapshot(`
      [
        "releases.json: this file holds a Zadig API error response, not exported data: 500 Internal Error: failed to get artifact by image err:[400 BadRequest]",
      ]
    `);
  });

  it("rejects an unrecognised object, naming its keys", () => {
    const result = validateFile("odd.json", { foo: 1, bar: 2 });
    expect(result.value).toEqual({ kind: "rejected" });
    expect(result.issues).toMatchObject([{ severity: "error", code: "unknown-shape", path: "" }]);
    expect(result.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "odd.json: expected a releases array (items with "versionInfo") or an artifact trace (an object with "image_tag" and "activities"), found an object with keys foo, bar",
      ]
    `);
  });

  it("rejects null, a number and an array of strings at the top level", () => {
    expect([null, 42, ["a"]].flatMap(printed)).toMatchInlineSnapshot(`
      [
        "releases.json: expected a releases array (items with "versionInfo") or an artifact trace (an object with "image_tag" and "activities"), found null",
        "releases.json: expected a releases array (items with "versionInfo") or an artifact trace (an object with "image_tag" and "activities"), found a number",
        "releases.json: expected a releases array (items with "versionInfo") or an artifact trace (an object with "image_tag" and "activities"), found an array of strings",
      ]
    `);
  });

  it("accepts an empty array as an empty releases list", () => {
    expect(validateFile("empty.json", [])).toEqual({ value: { kind: "releases", releases: [] }, issues: [] });
  });
});
