import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { FAULT_VARIABLE } from "../../src/site/fault-injection.js";
import { BIN, fixture, readTree, ROOT, runCli, tempDir } from "../helpers.js";
import { buildInProcess } from "./helpers.js";

const SAMPLE = path.join(ROOT, "data");

/** A parent folder holding `site`, an earlier snapshot of the valid-minimal fixture. */
async function earlierSnapshot(): Promise<{ parent: string; site: string; before: Map<string, Buffer> }> {
  const parent = tempDir("zs-atomic-");
  const site = path.join(parent, "site");
  await buildInProcess(fixture("valid-minimal"), { output: site });
  return { parent, site, before: readTree(site) };
}

/** The id of a process that has exited (and been reaped), for a sibling left by a "killed" build. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

describe("a build that fails late", () => {
  afterEach(() => {
    delete process.env[FAULT_VARIABLE];
  });

  for (const step of ["records", "reports", "pages", "stages", "manifest"] as const) {
    it(`leaves the previous output byte for byte as it was when it fails after the ${step} step`, async () => {
      const { parent, site, before } = await earlierSnapshot();
      process.env[FAULT_VARIABLE] = `fail-after:${step}`;
      // The sample is small enough to render its reports on the build's thread unless told otherwise.
      await expect(buildInProcess(SAMPLE, { output: site, build: { reportThread: step === "reports" } })).rejects.toThrow(`injected failure after the ${step} step`);
      expect(readTree(site)).toEqual(before);
      expect(readdirSync(parent)).toEqual(["site"]);
    });
  }
});

describe("a build killed with SIGKILL", () => {
  it("leaves the previous output intact, and the next build removes what it left behind", async () => {
    const { parent, site, before } = await earlierSnapshot();
    const child = spawn(process.execPath, [BIN, "build", "--input", SAMPLE, "--output", site], {
      env: { ...process.env, [FAULT_VARIABLE]: "hang-after:manifest" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    let done = false;
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on("exit", (_code, signal) => {
        done = true;
        resolve(signal);
      }),
    );
    // Wait until the build has written everything, SHA256SUMS last, into its staging folder (or has died on its own).
    let staging: string | undefined;
    while (staging === undefined && !done) {
      await sleep(50);
      staging = readdirSync(parent).find((name) => name.startsWith(".site.building-") && existsSync(path.join(parent, name, "SHA256SUMS")));
    }
    expect(done, `the build ended before it could be killed: ${stderr}`).toBe(false);
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");

    expect(readTree(site)).toEqual(before);
    expect(readdirSync(parent).sort()).toEqual([staging, "site"]);

    const next = runCli(["build", "--input", SAMPLE, "--output", site]);
    expect(next.code).toBe(0);
    expect(readdirSync(parent)).toEqual(["site"]);
    expect(runCli(["verify", site]).code).toBe(0);
  });

  it("between its two renames does not lose the previous snapshot: the next build puts it back before it starts", async () => {
    const { parent, site, before } = await earlierSnapshot();
    // What a kill between `rename(site, old)` and `rename(staging, site)` leaves: no site, an old copy, a staging folder.
    const pid = deadPid();
    cpSync(site, path.join(parent, `.site.old-${pid}-0badc0de`), { recursive: true });
    rmSync(site, { recursive: true });
    mkdirSync(path.join(parent, `.site.building-${pid}-12345678`));
    writeFileSync(path.join(parent, `.site.building-${pid}-12345678`, "half.html"), "<p>half");

    process.env[FAULT_VARIABLE] = "fail-after:pages";
    try {
      await expect(buildInProcess(SAMPLE, { output: site })).rejects.toThrow("injected failure");
    } finally {
      delete process.env[FAULT_VARIABLE];
    }

    expect(readTree(site)).toEqual(before);
    expect(readdirSync(parent)).toEqual(["site"]);
  });

  it("leaves a sibling alone while the build that owns it is still running", async () => {
    const parent = tempDir("zs-atomic-");
    const live = path.join(parent, `.site.building-${process.pid}-abcdef01`);
    mkdirSync(live);
    await buildInProcess(fixture("valid-minimal"), { output: path.join(parent, "site") });
    expect(readdirSync(parent).sort()).toEqual([path.basename(live), "site"]);
  });
});
