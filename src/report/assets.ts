import { readFile } from "node:fs/promises";
import path from "node:path";
import type nunjucks from "nunjucks";
import { createNunjucksEnv } from "../site/nunjucks-env.js";
import { PACKAGE_ROOT } from "../site/package-root.js";

/** What rendering reports needs from disk, read once: the Nunjucks environment, the inlined CSS, the tool version. */
export interface ReportAssets {
  readonly env: nunjucks.Environment;
  /** site.css then the report's own screen and print rules, inlined into every HTML report. */
  readonly css: string;
  readonly toolVersion: string;
}

export async function loadReportAssets(): Promise<ReportAssets> {
  const [site, report, pkg] = await Promise.all([
    readFile(path.join(PACKAGE_ROOT, "templates", "assets", "site.css"), "utf8"),
    readFile(path.join(PACKAGE_ROOT, "templates", "_includes", "reports", "report.css"), "utf8"),
    readFile(path.join(PACKAGE_ROOT, "package.json"), "utf8"),
  ]);
  return { env: createNunjucksEnv(), css: `${site.trim()}\n${report.trim()}`, toolVersion: packageVersion(pkg) };
}

function packageVersion(text: string): string {
  const parsed: unknown = JSON.parse(text);
  const version = typeof parsed === "object" && parsed !== null && "version" in parsed ? parsed.version : undefined;
  return typeof version === "string" ? version : "unknown";
}
