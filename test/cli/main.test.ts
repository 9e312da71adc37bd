import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BIN, fixture, readTree, ROOT, runCli, tempDir } from "../helpers.js";

describe("zadig-snapshot build", () => {
  let out: string;
  let run: ReturnType<typeof runCli>;
  beforeAll(() => {
    out = path.join(tempDir(), "site");
    run = runCli(["build", "--input", path.join(ROOT, "data"), "--output", out]);
  });

  it("builds the sample, exits 0 and says where to open it", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^built \d+ pages and \d+ JSON files \(\d+ files, \d+ bytes\) from \d+ files \(\d+ releases, \d+ images, \d+ artifact traces\) in [\d.]+ s$/m);
    expect(run.stdout).toContain(`open ${out}/index.html`);
    expect(existsSync(path.join(out, "index.html"))).toBe(true);
    expect(existsSync(path.join(out, "api/routes.json"))).toBe(true);
  });

  it("works from any working directory, with relative --input and --output", () => {
    const cwd = tempDir();
    cpSync(path.join(ROOT, "data"), path.join(cwd, "exports"), { recursive: true });
    const run = runCli(["build", "--input", "exports", "--output", "public"], { cwd });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(existsSync(path.join(cwd, "public", "index.html"))).toBe(true);
    expect(readdirSync(cwd).sort()).toEqual(["exports", "public"]);
  });

  it("leaves no staging folder next to the output", () => {
    expect(readdirSync(path.dirname(out))).toEqual(["site"]);
  });

  it("finishes quietly when the reader of its output goes away (`| head -1`): no EPIPE stack, exit 0, the site written", () => {
    const site = path.join(tempDir(), "site");
    // `true` exits without reading, so every line the build prints meets a closed pipe.
    const piped = spawnSync("bash", ["-c", `"$0" "$1" build --input "$2" --output "$3" | true; exit "\${PIPESTATUS[0]}"`, process.execPath, BIN, path.join(ROOT, "data"), site], { encoding: "utf8" });
    expect(piped.stderr).toBe("");
    expect(piped.status).toBe(0);
    expect(existsSync(path.join(site, "SHA256SUMS"))).toBe(true);
  });

  it("replaces an earlier snapshot in place", () => {
    const again = runCli(["build", "--input", path.join(ROOT, "data"), "--output", out]);
    expect(again.code).toBe(0);
    expect(readdirSync(path.dirname(out))).toEqual(["site"]);
  });
});

describe("invalid input", () => {
  it("exits 1, lists every problem from every file, and writes nothing", () => {
    const input = tempDir();
    for (const name of ["malformed-json", "empty-file", "api-error-body", "string-for-number", "missing-version-info", "bad-id", "bom"]) {
      cpSync(fixture(name), path.join(input, name), { recursive: true });
    }
    const out = path.join(tempDir(), "site");
    const run = runCli(["build", "--input", input, "--output", out]);
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split("\n").map((line) => line.replace(`${input}/`, ""));
    expect(lines.find((l) => l.startsWith("malformed-json/broken.json: invalid JSON at line "))).toBeDefined();
    expect(lines).toContain("empty-file/empty.json: the file is empty (0 bytes); expected a JSON export. Re-run the export or delete the file.");
    expect(lines.find((l) => l.startsWith("bom/releases.json: the file starts with a UTF-8 byte-order mark"))).toBeDefined();
    expect(lines).toContain(
      'api-error-body/releases.json: this file holds a Zadig API error response, not exported data: 400 Bad Request: strconv.Atoi: parsing "invalidTaskId": invalid syntax',
    );
    expect(lines.find((l) => l.startsWith("string-for-number/releases.json: [0].versionInfo.taskId: expected an integer, found the string \"7\""))).toBeDefined();
    expect(lines.find((l) => l.startsWith("missing-version-info/releases.json: [1].versionInfo: expected"))).toBeDefined();
    expect(lines.find((l) => l.startsWith("bad-id/releases.json: [0].versionInfo.id: expected a 24-hex-digit id, found the string \"not-an-object-id\""))).toBeDefined();
    expect(lines.at(-1)).toMatch(/^zadig-snapshot: \d+ problems in .*; nothing was written\.$/);
    expect(existsSync(out)).toBe(false);
  });

  it("names both files when one release id has two different contents", () => {
    const run = runCli(["validate", "--input", "test/fixtures/duplicate-id-conflict"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^test\/fixtures\/duplicate-id-conflict\/b\.json: \[0\]: release "[0-9a-f]{24}" is also in a\.json at \[0\] with different content/m);
  });

  it("merges the same release exported twice", () => {
    const run = runCli(["validate", "--input", fixture("duplicate-id-same")]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^valid: 2 files \(1 releases, /m);
  });

  it("leaves an existing output folder byte for byte as it was", () => {
    const out = path.join(tempDir(), "site");
    expect(runCli(["build", "--input", fixture("valid-minimal"), "--output", out]).code).toBe(0);
    const before = readTree(out);
    const run = runCli(["build", "--input", fixture("malformed-json"), "--output", out]);
    expect(run.code).toBe(1);
    expect(readTree(out)).toEqual(before);
  });

  it("refuses to replace a folder that is not a snapshot", () => {
    const out = tempDir();
    writeFileSync(path.join(out, "notes.txt"), "keep me");
    const run = runCli(["build", "--input", fixture("valid-minimal"), "--output", out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("is not empty and is not a zadig-snapshot site");
    expect(readTree(out)).toEqual(new Map([["notes.txt", Buffer.from("keep me")]]));
  });

  it("refuses an output folder that holds the input", () => {
    const parent = tempDir();
    const input = path.join(parent, "exports");
    mkdirSync(input);
    cpSync(fixture("valid-minimal"), input, { recursive: true });
    const run = runCli(["build", "--input", input, "--output", parent]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("holds the input folder");
    expect(existsSync(path.join(input, "releases.json"))).toBe(true);
  });

  it("says where, and what to do, when the temp folder cannot hold the raw records; the output stays as it was", () => {
    const out = path.join(tempDir(), "site");
    expect(runCli(["build", "--input", fixture("valid-minimal"), "--output", out]).code).toBe(0);
    const before = readTree(out);
    const run = runCli(["build", "--input", fixture("valid-minimal"), "--output", out], { env: { TMPDIR: "/nonexistent/tmp" } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^zadig-snapshot: could not create a scratch file for the raw records in \/nonexistent\/tmp: ENOENT[^\n]*\. Set TMPDIR to a folder with room for about 5% of the site's size\.\n$/,
    );
    expect(readTree(out)).toEqual(before);
  });

  it("says so when the input folder does not exist", () => {
    const run = runCli(["validate", "--input", "/nonexistent/exports"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "zadig-snapshot: input folder /nonexistent/exports does not exist. Pass --input DIR with the folder holding your Zadig exports.\n",
    );
  });
});

describe("usage", () => {
  it("prints help with examples and exits 0", () => {
    for (const args of [["--help"], ["build", "--help"], ["validate", "-h"]]) {
      const run = runCli(args);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("Usage:");
      expect(run.stdout).toContain("Examples:");
    }
    expect(runCli(["build", "--help"]).stdout).toContain("--output DIR");
  });

  it("rejects an unknown flag with exit 2 and a pointer to --help", () => {
    const run = runCli(["build", "--outptu", "x"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^zadig-snapshot: Unknown option '--outptu'.*Run zadig-snapshot build --help\.\n$/);
  });

  it("rejects an unknown command with the allowed ones listed", () => {
    const run = runCli(["publish"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown command "publish"; expected one of: build, validate');
  });

  it("exits 2 with the overview when no command is given", () => {
    const run = runCli([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("Commands:");
  });

  it("validate writes nothing", () => {
    const cwd = tempDir();
    const run = runCli(["validate", "--input", path.join(ROOT, "data")], { cwd });
    expect(run.code).toBe(0);
    expect(readdirSync(cwd)).toEqual([]);
  });
});
