import path from "node:path";
import type { ImportResult } from "../importer/index.js";
import { formatIssue } from "../importer/issues.js";
import type { Logger } from "./logger.js";

/**
 * Prints every issue, naming each file as the user can open it (joined to --input); returns whether the input is
 * usable. With `keepGoing` (build --keep-going) invalid input is usable: the build keeps the valid records.
 */
export function reportImport(imported: ImportResult, inputDir: string, logger: Logger, keepGoing = false): boolean {
  for (const issue of imported.issues) logger.err(formatIssue({ ...issue, file: path.join(inputDir, issue.file) }));
  if (imported.ok) return true;
  const errors = imported.issues.filter((issue) => issue.severity === "error").length;
  const problems = errors === 1 ? "1 problem" : `${errors} problems`;
  if (keepGoing) {
    const skipped = imported.skipped.length;
    logger.err(
      `zadig-snapshot: ${problems} in ${inputDir}; --keep-going: building from the valid records, ${skipped === 1 ? "1 record" : `${skipped} records`} skipped (listed in validation/index.html and validation.json).`,
    );
    return true;
  }
  logger.err(`zadig-snapshot: ${problems} in ${inputDir}; nothing was written.`);
  return false;
}

/** "11 files (14 releases, 20 images, 8 artifact traces)" */
export function describeInput(imported: ImportResult): string {
  const { releases, images } = imported.snapshot;
  const traces = images.filter((image) => image.trace !== null).length;
  return `${imported.inputs.length} files (${releases.length} releases, ${images.length} images, ${traces} artifact traces)`;
}
