import { randomBytes } from "node:crypto";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { UserError } from "../cli/errors.js";
import { ROUTES_INDEX } from "./mirror.js";
import { cleanStaleSiblings } from "./stale-staging.js";

/**
 * Builds into a fresh temporary sibling of `outputDir`, then swaps it in. If `produce` fails at any step the
 * temporary folder is removed and `outputDir` is left exactly as it was. Siblings left by a killed earlier build
 * are cleaned up first (`cleanStaleSiblings`).
 */
export async function publishAtomically<T>(outputDir: string, inputDir: string, produce: (stagingDir: string) => Promise<T>): Promise<T> {
  const target = path.resolve(outputDir);
  await cleanStaleSiblings(target);
  await assertReplaceable(target, path.resolve(inputDir));
  const parent = path.dirname(target);
  await mkdir(parent, { recursive: true });
  const token = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const staging = path.join(parent, `.${path.basename(target)}.building-${token}`);
  const retired = path.join(parent, `.${path.basename(target)}.old-${token}`);
  await mkdir(staging);
  let result: T;
  try {
    result = await produce(staging);
  } catch (cause) {
    await rm(staging, { recursive: true, force: true });
    throw cause;
  }
  const existed = await exists(target);
  if (existed) await rename(target, retired);
  try {
    await rename(staging, target);
  } catch (cause) {
    if (existed) await rename(retired, target);
    await rm(staging, { recursive: true, force: true });
    throw cause;
  }
  if (existed) await rm(retired, { recursive: true, force: true });
  return result;
}

/** Refuses to replace a folder that is not an earlier snapshot, or one that holds the input. */
async function assertReplaceable(target: string, input: string): Promise<void> {
  if (target === input || input.startsWith(target + path.sep)) {
    throw new UserError(`output folder ${target} holds the input folder ${input}; building would replace your exports. Choose another --output.`);
  }
  if (target === path.parse(target).root) {
    throw new UserError(`output folder ${target} is the file-system root; choose a dedicated --output folder.`);
  }
  if (!(await exists(target))) return;
  const info = await stat(target);
  if (!info.isDirectory()) throw new UserError(`output ${target} exists and is not a folder; choose another --output.`);
  const entries = await readdir(target);
  if (entries.length === 0 || (await exists(path.join(target, ROUTES_INDEX)))) return;
  throw new UserError(
    `output folder ${target} is not empty and is not a zadig-snapshot site (it has no ${ROUTES_INDEX}); refusing to replace it. Choose a new or empty --output folder, or delete it first.`,
  );
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
