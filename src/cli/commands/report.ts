import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Release } from "../../model/types.js";
import type { ReportFormat } from "../../report/release-report.js";
import { stringOption, type CliCommand } from "../command.js";
import { UsageError, UserError } from "../errors.js";
import { reportImport } from "../report-import.js";

const FORMATS: readonly ReportFormat[] = ["html", "md"];

export const reportCommand: CliCommand = {
  name: "report",
  summary: "Write one release's single-file HTML report or Markdown summary (no site build).",
  help: `Usage: zadig-snapshot report --release <id|version> [--input DIR] [--output FILE] [--format html|md]

Validates --input like build, then writes one release's report for a change ticket: the single-file HTML
report (everything on the release page, CSS inlined, no script, no link to any other file; prints cleanly)
or the Markdown summary (GFM tables to paste into a ticket). Both include what changed since the previous
release of the same project and workflow, and the snapshot's identity (tool version, input digest, data as of).

--release takes a release id (24 hex digits) or a version. A version that several releases share (another
project or workflow) is refused with exit 1 and the candidates listed: pass the id instead.

Options:
  -r, --release ID|VERSION   the release to report on                                   [required]
  -i, --input DIR            folder of Zadig exports                                    [default: data]
  -f, --format html|md       single-file HTML report, or Markdown summary               [default: html]
  -o, --output FILE          where to write it; "-" writes to stdout       [default: <version>-<id>.<format> here]
  -h, --help                 show this help

Exit codes: 0 written, 1 invalid input or no such release (or an ambiguous version), 2 usage error.

Examples:
  zadig-snapshot report --release 2.4.1 --input exports/
  zadig-snapshot report --release 648a1d90648a1dd0c6003a4d --format md --output -
  zadig-snapshot report --release 2.4.1 --format md --output change-1234.md
`,
  options: {
    release: { type: "string", short: "r" },
    input: { type: "string", short: "i" },
    output: { type: "string", short: "o" },
    format: { type: "string", short: "f" },
  },
  async run(values, _positionals, logger) {
    const selector = stringOption(values, "release", "");
    if (selector === "") throw new UsageError("report needs --release ID|VERSION. Run zadig-snapshot report --help.");
    const format = stringOption(values, "format", "html");
    if (!isFormat(format)) throw new UsageError(`--format must be one of: ${FORMATS.join(", ")}; found ${JSON.stringify(format)}. Run zadig-snapshot report --help.`);
    const input = stringOption(values, "input", "data");
    // Loaded here, not at start-up: `build` does its work in a worker thread that loads these modules itself.
    const [{ importData }, { findRelease }, { buildRoutes }, { loadReportAssets }, { releaseNeighbours }, { renderReleaseReport }, { reportStamp }, { budgetWarning }] = await Promise.all([
      import("../../importer/index.js"),
      import("../../report/find-release.js"),
      import("../../site/routes.js"),
      import("../../report/assets.js"),
      import("../../diff/neighbours.js"),
      import("../../report/release-report.js"),
      import("../../report/stamp.js"),
      import("../../report/budget.js"),
    ]);
    const imported = await importData(input);
    if (!reportImport(imported, input, logger)) return 1;

    const found = findRelease(imported.snapshot, selector);
    if (found.kind === "unknown") throw new UserError(unknownMessage(selector, input, imported.snapshot.releases));
    if (found.kind === "ambiguous") throw new UserError(ambiguousMessage(selector, found.candidates));

    const release = found.release;
    const routes = buildRoutes(imported.snapshot);
    const assets = await loadReportAssets();
    const neighbours = releaseNeighbours(imported.snapshot.releases).get(release.id) ?? { previous: null, next: null };
    const text = renderReleaseReport(assets, { release, snapshot: imported.snapshot, routes, neighbours, stamp: reportStamp(imported, assets.toolVersion) }, format);
    const route = routes.releaseReports.get(release.id);
    const output = stringOption(values, "output", path.posix.basename((format === "md" ? route?.md : route?.html) ?? `${release.id}.${format}`));
    const warning = budgetWarning(output === "-" ? "the report" : output, format, Buffer.byteLength(text));
    if (warning !== null) logger.err(`zadig-snapshot: ${warning}`);
    if (output === "-") {
      logger.out(text.endsWith("\n") ? text.slice(0, -1) : text);
      return 0;
    }
    await writeReport(output, text);
    logger.out(`wrote ${output} (${Buffer.byteLength(text)} bytes): ${format === "md" ? "Markdown summary" : "single-file HTML report"} of ${release.version} (${release.project}, ${release.workflow || "no workflow"}#${release.taskId})`);
    return 0;
  },
};

function isFormat(value: string): value is ReportFormat {
  return (FORMATS as readonly string[]).includes(value);
}

function unknownMessage(selector: string, input: string, releases: readonly Release[]): string {
  const versions = [...new Set(releases.map((release) => release.version))];
  const shown = versions.slice(0, 10).map((version) => JSON.stringify(version)).join(", ");
  return `no release has the id or version ${JSON.stringify(selector)} in ${input} (${releases.length} releases). ${
    versions.length === 0 ? "The input holds no releases." : `Versions: ${shown}${versions.length > 10 ? `, … (${versions.length} in all)` : ""}.`
  } Pass --release with a release id (24 hex digits) or an exact version.`;
}

function ambiguousMessage(selector: string, candidates: readonly Release[]): string {
  const rows = candidates.map((release) => `  project ${JSON.stringify(release.project)}, workflow ${JSON.stringify(release.workflow)}#${release.taskId}, id ${release.id}`);
  return `version ${JSON.stringify(selector)} is ambiguous: ${candidates.length} releases have it. Pass --release with one of these ids:\n${rows.join("\n")}`;
}

async function writeReport(file: string, text: string): Promise<void> {
  try {
    await writeFile(file, text);
  } catch (cause) {
    const code = typeof cause === "object" && cause !== null && "code" in cause ? String(cause.code) : "";
    const reason = code === "ENOENT" ? "its folder does not exist" : code === "EISDIR" ? "it is a folder" : code === "EACCES" ? "permission denied" : String(cause);
    throw new UserError(`cannot write the report to ${file}: ${reason}. Pass --output FILE in an existing folder, or --output - for stdout.`, { cause });
  }
}
