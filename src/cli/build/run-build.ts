import { importData } from "../../importer/index.js";
import { buildSite } from "../../site/build.js";
import type { Logger } from "../logger.js";
import type { ProgressDisplay } from "../progress.js";
import { describeInput, reportImport } from "../report-import.js";

/** What `zadig-snapshot build` was asked to do, as plain data (it crosses into the build's worker thread). */
export interface BuildRequest {
  readonly input: string;
  readonly output: string;
  readonly keepGoing: boolean;
  readonly redactKeyPattern: string;
  readonly sourceDateEpoch: number | null;
  /** `process.hrtime.bigint()` when the command started, as a decimal string: the summary's seconds count from it. */
  readonly startedAt: string;
}

/** import → report the issues → build → print the summary. Returns the exit code; a UserError propagates. */
export async function runBuild(request: BuildRequest, logger: Logger, progress: ProgressDisplay): Promise<number> {
  const { input, output, keepGoing, redactKeyPattern, sourceDateEpoch } = request;
  const imported = await importData(input, { redactKeyPattern, progress }).finally(() => progress.end());
  if (!reportImport(imported, input, logger, keepGoing)) return 1;
  const warn = (line: string) => {
    progress.end();
    logger.err(`zadig-snapshot: ${line}`);
  };
  const summary = await buildSite(imported, { inputDir: input, outputDir: output, keepGoing, sourceDateEpoch, warn, progress }).finally(() => progress.end());
  const seconds = Number(process.hrtime.bigint() - BigInt(request.startedAt)) / 1e9;
  logger.out(`built ${summary.pages} pages and ${summary.jsonFiles} JSON files (${summary.files} files, ${summary.bytes} bytes) from ${describeInput(imported)} in ${seconds.toFixed(2)} s`);
  logger.out(`sha256 of SHA256SUMS: ${summary.manifestSha256} (record it with the snapshot or sign SHA256SUMS; check with: zadig-snapshot verify ${output})`);
  logger.out(`open ${summary.outputDir}/index.html`);
  return 0;
}
