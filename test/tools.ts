import { accessSync, constants } from "node:fs";
import path from "node:path";
import { importData } from "../src/importer/index.js";
import { buildSite } from "../src/site/build.js";
import { ROOT, tempDir } from "./helpers.js";

export const CHROMIUM = "/usr/bin/chromium";
export const NGINX = "/usr/sbin/nginx";

/**
 * Whether a program a test file needs is installed. Missing locally: one line on stderr naming the Debian
 * package, and the caller skips. Missing under CI=true: throws, so the file fails instead of passing by skipping.
 */
export function toolAvailable(file: string, debianPackage: string, tests: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    const missing = `${file} is missing; install it with \`apt-get install ${debianPackage}\``;
    if (process.env["CI"] === "true") throw new Error(`${tests}: ${missing} (CI=true, so this fails instead of skipping)`);
    process.stderr.write(`skipping ${tests}: ${missing}\n`);
    return false;
  }
}

/** Builds the sample in data/ into a fresh temporary folder (with a sibling free for canaries) and returns the site path. */
export async function buildSample(): Promise<string> {
  const input = path.join(ROOT, "data");
  const imported = await importData(input);
  const errors = imported.issues.filter((issue) => issue.severity === "error");
  if (errors.length > 0) throw new Error(`the sample has errors: ${JSON.stringify(errors)}`);
  const site = path.join(tempDir("zs-site-"), "site");
  await buildSite(imported, { inputDir: input, outputDir: site });
  return site;
}
