import { byCodePoint } from "../model/compare.js";
import { stat } from "node:fs/promises";
import fg from "fast-glob";
import { UserError } from "../cli/errors.js";

/**
 * Every `*.json` file under `inputDir`, as sorted POSIX paths relative to it.
 * Dot-files and folders are skipped (editor backups, `.git`); symlinks are not followed out of the folder.
 * @example await discover("data") // ["artifacts/picket.json", "releases/nginx2-v1.7.json"]
 */
export async function discover(inputDir: string): Promise<string[]> {
  const info = await stat(inputDir).catch(() => null);
  if (info === null) {
    throw new UserError(`input folder ${inputDir} does not exist. Pass --input DIR with the folder holding your Zadig exports.`);
  }
  if (!info.isDirectory()) {
    throw new UserError(`input ${inputDir} is not a folder. Pass --input DIR with the folder holding your Zadig exports.`);
  }
  const files = await fg("**/*.json", { cwd: inputDir, onlyFiles: true, dot: false, followSymbolicLinks: false, caseSensitiveMatch: false });
  return files.sort(byCodePoint);
}

