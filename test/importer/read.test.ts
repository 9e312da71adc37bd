import { createHash } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lineAndColumn, parseJsonBytes, readInput } from "../../src/importer/read.js";

const bytes = (text: string) => Buffer.from(text, "utf8");

/** The issue of a parse that must fail; fails the test when the parse succeeded. */
function issueOf(result: ReturnType<typeof parseJsonBytes>) {
  if (result.ok) throw new Error(`expected a parse failure, got ${JSON.stringify(result.data)}`);
  return result.issue;
}

describe("parseJsonBytes", () => {
  it("returns the parsed value of valid JSON", () => {
    expect(parseJsonBytes("releases.json", bytes('[{"versionInfo": {"id": "619dbaa8c528c2182225e8d9", "taskId": 1}}]'))).toEqual({
      ok: true,
      data: [{ versionInfo: { id: "619dbaa8c528c2182225e8d9", taskId: 1 } }],
    });
  });

  it("decodes non-ASCII UTF-8 text", () => {
    expect(parseJsonBytes("a.json", bytes('{"desc": "发布 ✓"}'))).toEqual({ ok: true, data: { desc: "发布 ✓" } });
  });

  it("accepts JSON surrounded by white space", () => {
    expect(parseJsonBytes("a.json", bytes("\n  [1, 2]\n\n"))).toEqual({ ok: true, data: [1, 2] });
  });

  it("reports an empty file as an error on the whole file", () => {
    const issue = issueOf(parseJsonBytes("data/empty.json", new Uint8Array()));
    expect(issue).toMatchObject({ severity: "error", code: "empty-file", file: "data/empty.json", path: "" });
    expect(issue.message).toMatchInlineSnapshot(`"the file is empty (0 bytes); expected a JSON export. Re-run the export or delete the file."`);
  });

  it("reports a file of only white space as empty", () => {
    const issue = issueOf(parseJsonBytes("blank.json", bytes(" \n\t\r\n ")));
    expect(issue).toMatchObject({ severity: "error", code: "empty-file", file: "blank.json", path: "" });
    expect(issue.message).toMatchInlineSnapshot(`"the file holds only white space; expected a JSON export."`);
  });

  it("reports a UTF-8 byte-order mark before otherwise valid JSON and says how to remove it", () => {
    const issue = issueOf(parseJsonBytes("bom.json", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes("[]")])));
    expect(issue).toMatchObject({ severity: "error", code: "bom", file: "bom.json", path: "" });
    expect(issue.message).toMatchInlineSnapshot(
      `"the file starts with a UTF-8 byte-order mark (EF BB BF), which JSON does not allow; expected plain UTF-8. Save it without a BOM (e.g. \`sed -i '1s/^\\xEF\\xBB\\xBF//' FILE\`)."`,
    );
  });

  it("reports bytes that are not UTF-8 instead of parsing replacement characters", () => {
    const issue = issueOf(parseJsonBytes("latin1.json", Buffer.from([0x5b, 0x22, 0xff, 0x22, 0x5d])));
    expect(issue).toMatchObject({ severity: "error", code: "encoding", file: "latin1.json", path: "" });
    expect(issue.message).toMatchInlineSnapshot(
      `"the file is not valid UTF-8; expected UTF-8 JSON as Zadig's API returns it. Re-export it without converting the encoding."`,
    );
  });

  it("reports truncated JSON at the end of the file, with its line and column", () => {
    const issue = issueOf(parseJsonBytes("cut.json", bytes('[{"a": 1},')));
    expect(issue).toMatchObject({ severity: "error", code: "invalid-json", file: "cut.json", path: "" });
    expect(issue.message).toMatchInlineSnapshot(
      `"invalid JSON at line 1, column 11: the file ends before the JSON is complete (is it truncated?)."`,
    );
  });

  it("places the end of a truncated multi-line file on the line after its last newline", () => {
    const issue = issueOf(parseJsonBytes("cut.json", bytes('{\n  "a": [\n    1,\n')));
    expect(issue.message).toMatch(/^invalid JSON at line 4, column 1: /);
    expect(issue.message).toContain("the file ends before the JSON is complete (is it truncated?)");
  });

  it("reports a syntax error in the middle of a multi-line document at its exact line and column", () => {
    const text = ['{', '  "versionInfo": {', '    "id": "619dbaa8c528c2182225e8d9",', '    "taskId": x1', "  }", "}"].join("\n");
    const issue = issueOf(parseJsonBytes("mid.json", bytes(text)));
    expect(issue).toMatchObject({ code: "invalid-json", file: "mid.json", path: "" });
    expect(issue.message).toMatch(/^invalid JSON at line 4, column 15: /);
    expect(issue.message).toContain('found "x1\\n  }\\n}"');
  });

  it("names the unexpected token and quotes what follows it", () => {
    const issue = issueOf(parseJsonBytes("token.json", bytes("[\n1,\nx]")));
    expect(issue.message).toMatchInlineSnapshot(`"invalid JSON at line 3, column 1: expected a value (an object, array, string, number, true, false or null); found "x]"."`);
  });

  it("reports a missing comma at the next property", () => {
    const issue = issueOf(parseJsonBytes("comma.json", bytes('{"a": 1 "b": 2}')));
    expect(issue.message).toMatchInlineSnapshot(
      `"invalid JSON at line 1, column 9: expected ',' or '}' after a property value; found "\\"b\\": 2}"."`,
    );
  });

  it("reports a mismatched bracket where it closes the wrong thing", () => {
    const issue = issueOf(parseJsonBytes("bracket.json", bytes('{"a": [1, 2}')));
    expect(issue.message).toMatchInlineSnapshot(`"invalid JSON at line 1, column 12: expected ',' or ']' after an array element; found "}"."`);
  });
});

describe("lineAndColumn", () => {
  it("puts offset 0 at line 1, column 1", () => {
    expect(lineAndColumn("[1, 2]", 0)).toEqual({ line: 1, column: 1 });
  });

  it("counts lines by newline and columns from 1 on each line", () => {
    expect(lineAndColumn("ab\ncd\nef", 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn("ab\ncd\nef", 7)).toEqual({ line: 3, column: 2 });
  });

  it("keeps a newline character on the line it ends", () => {
    expect(lineAndColumn("ab\ncd", 2)).toEqual({ line: 1, column: 3 });
  });

  it("places the end of text after a final newline on a new line", () => {
    expect(lineAndColumn("ab\n", 3)).toEqual({ line: 2, column: 1 });
  });

  it("treats CRLF line ends as one line break", () => {
    expect(lineAndColumn("a\r\nb\r\nc", 6)).toEqual({ line: 3, column: 1 });
  });
});

describe("readInput", () => {
  let dir = "";
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "zadig-read-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("returns the parsed data with the file's byte count and sha256", async () => {
    const content = Buffer.from('[{"versionInfo": {"desc": "发布"}}]\n', "utf8");
    await mkdir(path.join(dir, "prod"));
    await writeFile(path.join(dir, "prod", "releases.json"), content);

    const result = await readInput(dir, "prod/releases.json");

    expect(result).toEqual({
      ok: true,
      input: { file: "prod/releases.json", bytes: content.length, sha256: createHash("sha256").update(content).digest("hex") },
      data: [{ versionInfo: { desc: "发布" } }],
    });
    expect(content.length).not.toBe('[{"versionInfo": {"desc": "发布"}}]\n'.length);
  });

  it("still identifies a file it cannot parse, and reports the issue under its relative path", async () => {
    const content = Buffer.from('{"a": ', "utf8");
    await writeFile(path.join(dir, "cut.json"), content);

    const result = await readInput(dir, "cut.json");

    expect(result.ok).toBe(false);
    expect(result.input).toEqual({ file: "cut.json", bytes: 6, sha256: createHash("sha256").update(content).digest("hex") });
    if (!result.ok) expect(result.issue).toMatchObject({ code: "invalid-json", file: "cut.json", path: "" });
  });

  it("hashes the raw bytes, BOM included, of a file it rejects", async () => {
    const content = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("[]")]);
    await writeFile(path.join(dir, "bom.json"), content);

    const result = await readInput(dir, "bom.json");

    expect(result.input).toEqual({ file: "bom.json", bytes: 5, sha256: createHash("sha256").update(content).digest("hex") });
    expect(result.ok).toBe(false);
  });

  it("rejects with the I/O error when the file does not exist", async () => {
    await expect(readInput(dir, "missing.json")).rejects.toThrow(/ENOENT/);
  });
});
