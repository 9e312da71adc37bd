import { createHash } from "node:crypto";
import { appendFileSync, cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { verifySnapshot } from "../../src/audit/verify.js";
import { ROOT, runCli, tempDir } from "../helpers.js";
import { buildInProcess, copyWithMtime } from "./helpers.js";

const SAMPLE = path.join(ROOT, "data");

describe("zadig-snapshot verify", () => {
  let built: string;
  let digest: string;
  beforeAll(async () => {
    const { output, summary } = await buildInProcess(SAMPLE);
    built = output;
    digest = summary.manifestSha256;
  });
  /** A private copy of the built snapshot to tamper with. */
  const copy = (): string => {
    const target = path.join(tempDir(), "site");
    cpSync(built, target, { recursive: true });
    return target;
  };

  it("exits 0 on an untouched snapshot and prints the digest the build printed", () => {
    const run = runCli(["verify", copy()]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`sha256 of SHA256SUMS: ${digest}\n`);
    expect(run.stdout).toMatch(/^OK: all \d+ files listed in SHA256SUMS match, and no file was added\.$/m);
  });

  it("reports every modified, missing and extra file on its own line and exits 1", () => {
    const site = copy();
    appendFileSync(path.join(site, "index.html"), "<!-- edited -->");
    rmSync(path.join(site, "404.html"));
    writeFileSync(path.join(site, "images", "planted.html"), "<p>not part of the snapshot</p>");
    const run = runCli(["verify", site]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([
      "missing: 404.html",
      expect.stringMatching(/^modified: index\.html: sha256 expected [0-9a-f]{64}, found [0-9a-f]{64}$/),
      "extra: images/planted.html: not listed in SHA256SUMS",
      `zadig-snapshot: verification FAILED: 3 problems in ${site}.`,
    ]);
  });

  it("never reads outside the snapshot, even when SHA256SUMS names such a file with its right hash", async () => {
    const site = copy();
    const outside = path.join(path.dirname(site), "outside.txt");
    writeFileSync(outside, "secret next door\n");
    const hash = createHash("sha256").update("secret next door\n").digest("hex");
    appendFileSync(path.join(site, "SHA256SUMS"), `${hash}  ../outside.txt\n${hash}  /etc/hostname\n${hash}  linked/outside.txt\n`);
    symlinkSync(path.dirname(site), path.join(site, "linked"));

    const result = await verifySnapshot(site);

    expect(result.problems).toEqual([
      'unsafe: "../outside.txt": SHA256SUMS names a path outside the snapshot; it was not read',
      'unsafe: "/etc/hostname": SHA256SUMS names a path outside the snapshot; it was not read',
      "unsafe: linked/outside.txt: resolves outside the snapshot through a symbolic link; it was not read",
      "extra: linked: a symbolic link or special file, not listed in SHA256SUMS",
    ]);
  });

  it("reports a malformed or CRLF manifest line by number", async () => {
    const site = copy();
    const manifest = readFileSync(path.join(site, "SHA256SUMS"), "utf8").split("\n");
    manifest[0] = `${manifest[0] ?? ""}\r`;
    manifest[1] = "not a manifest line";
    writeFileSync(path.join(site, "SHA256SUMS"), manifest.join("\n"));

    const { problems } = await verifySnapshot(site);

    expect(problems.slice(0, 2)).toEqual(["SHA256SUMS line 1: ends with a carriage return (CRLF); expected LF line endings", 'SHA256SUMS line 2: expected "<64 hex digits>  <path>", found "not a manifest line"']);
  });

  it("treats a detached signature of SHA256SUMS as a note, not as an extra file", () => {
    const site = copy();
    writeFileSync(path.join(site, "SHA256SUMS.asc"), "-----BEGIN PGP SIGNATURE-----\n");
    const run = runCli(["verify", site]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("note: SHA256SUMS.asc is a signature of SHA256SUMS, not covered by it; check it with its own tool (e.g. gpg --verify SHA256SUMS.asc SHA256SUMS)");
  });

  it("fails with one line when the folder has no SHA256SUMS, or is not a folder", () => {
    const site = copy();
    rmSync(path.join(site, "SHA256SUMS"));
    const run = runCli(["verify", site]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("missing: SHA256SUMS (not a zadig-snapshot snapshot, or its manifest was removed)");
    const none = runCli(["verify", path.join(site, "nope")]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/^zadig-snapshot: .*nope is not a folder; pass the snapshot folder/);
    expect(runCli(["verify"]).code).toBe(2);
  });

  describe("--input", () => {
    it("confirms inputs that are exactly those provenance.json lists, wherever they are and whatever their file times", () => {
      const run = runCli(["verify", copy(), "--input", copyWithMtime(SAMPLE, 1_234_567_890)]);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^OK: the 11 input files in .* are exactly the ones provenance\.json lists\.$/m);
    });

    it("reports each changed, missing and extra input", () => {
      const inputs = copyWithMtime(SAMPLE, 1_234_567_890);
      appendFileSync(path.join(inputs, "releases/payments-v2.json"), "\n");
      rmSync(path.join(inputs, "artifacts/aslan-20220110062211-74-main.json"));
      mkdirSync(path.join(inputs, "late"));
      writeFileSync(path.join(inputs, "late/extra.json"), "[]");
      const run = runCli(["verify", copy(), "--input", inputs]);
      expect(run.code).toBe(1);
      const lines = run.stderr.trim().split("\n");
      expect(lines).toContainEqual(expect.stringMatching(/^input missing: artifacts\/aslan-20220110062211-74-main\.json: provenance\.json lists it \(\d+ bytes, sha256 [0-9a-f]{64}\)$/));
      expect(lines).toContainEqual(expect.stringMatching(/^input changed: releases\/payments-v2\.json: provenance\.json has (\d+) bytes, sha256 [0-9a-f]{64}, found \d+ bytes, sha256 [0-9a-f]{64}$/));
      expect(lines).toContainEqual("input extra: late/extra.json: not in provenance.json (2 bytes, sha256 4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945)");
      expect(lines.at(-1)).toMatch(/^zadig-snapshot: verification FAILED: 3 problems in .+\.$/);
    });
  });
});
