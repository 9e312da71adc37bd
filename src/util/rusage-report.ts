import { writeFileSync } from "node:fs";

/** The variable that asks a process to report its own resource use: the path of a file to write it to. */
export const RUSAGE_ENV = "ZADIG_SNAPSHOT_RUSAGE_FILE";

/**
 * When `RUSAGE_ENV` names a file, writes `process.resourceUsage()` (CPU µs, peak RSS KB…) to it as JSON when the
 * process exits: how `npm run bench` measures a child where GNU time is not installed. Does nothing otherwise.
 */
export function reportResourceUsageOnExit(env: NodeJS.ProcessEnv): void {
  const file = env[RUSAGE_ENV];
  if (file === undefined || file === "") return;
  process.on("exit", () => writeFileSync(file, JSON.stringify(process.resourceUsage())));
}
