import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { RUSAGE_ENV } from "../util/rusage-report.js";

/** One child process, measured on its own. */
export interface ProcessMeasure {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** From spawn to exit, measured here. */
  readonly wallMs: number;
  /** The child's own CPU time and peak resident set, from the kernel's rusage of that process. */
  readonly userMs: number;
  readonly sysMs: number;
  readonly maxRssBytes: number;
}

export const GNU_TIME = "/usr/bin/time";
const TIME_FORMAT = "%U %S %M";

/** How children are measured: GNU time (wait4's rusage of the child) when installed, else the child's own report. */
export function measureMethod(): "gnu-time" | "rusage-file" {
  return existsSync(GNU_TIME) ? "gnu-time" : "rusage-file";
}

/**
 * Runs `node script args…` and measures it. With GNU time the numbers come from the kernel's rusage of the node
 * process as its parent collects it; without it, the child writes `process.resourceUsage()` on exit (see
 * src/util/rusage-report.ts). Both give the child's peak RSS (getrusage ru_maxrss) and its user and system CPU.
 */
export async function runMeasured(script: string, args: readonly string[], options: { readonly cwd?: string } = {}): Promise<ProcessMeasure> {
  const scratch = mkdtempSync(path.join(tmpdir(), "zs-measure-"));
  const report = path.join(scratch, "rusage");
  const method = measureMethod();
  const [command, commandArgs] =
    method === "gnu-time" ? [GNU_TIME, ["-f", TIME_FORMAT, "-o", report, process.execPath, script, ...args]] : [process.execPath, [script, ...args]];
  const env = method === "gnu-time" ? process.env : { ...process.env, [RUSAGE_ENV]: report };
  try {
    const started = performance.now();
    const { code, stdout, stderr } = await run(command, commandArgs, { env, ...(options.cwd === undefined ? {} : { cwd: options.cwd }) });
    const wallMs = performance.now() - started;
    const text = existsSync(report) ? readFileSync(report, "utf8") : "";
    const usage = method === "gnu-time" ? parseGnuTime(text) : parseResourceUsage(text);
    if (usage === null) throw new Error(`could not read the resource use of ${script} (exit ${code}): ${JSON.stringify(text.slice(0, 200))}\n${stderr}`);
    return { code, stdout, stderr, wallMs, ...usage };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function run(command: string, args: readonly string[], options: { env: NodeJS.ProcessEnv; cwd?: string }): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }));
  });
}

type Usage = Pick<ProcessMeasure, "userMs" | "sysMs" | "maxRssBytes">;

/**
 * Reads GNU time's `-f "%U %S %M"` output (user s, system s, peak RSS KB), which may follow a
 * "Command exited with non-zero status" line.
 * @example parseGnuTime("12.50 3.25 1048576\n") // { userMs: 12500, sysMs: 3250, maxRssBytes: 1073741824 }
 */
export function parseGnuTime(text: string): Usage | null {
  const last = text.trim().split("\n").at(-1) ?? "";
  const match = /^(\d+(?:\.\d+)?) (\d+(?:\.\d+)?) (\d+)$/.exec(last.trim());
  if (match === null) return null;
  return { userMs: Number(match[1]) * 1000, sysMs: Number(match[2]) * 1000, maxRssBytes: Number(match[3]) * 1024 };
}

/**
 * Reads `process.resourceUsage()` as JSON: CPU times in µs, maxRSS in KB.
 * @example parseResourceUsage('{"userCPUTime":1500000,"systemCPUTime":250000,"maxRSS":2048}') // { userMs: 1500, sysMs: 250, maxRssBytes: 2097152 }
 */
export function parseResourceUsage(text: string): Usage | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const user: unknown = Reflect.get(value, "userCPUTime");
  const system: unknown = Reflect.get(value, "systemCPUTime");
  const rss: unknown = Reflect.get(value, "maxRSS");
  if (typeof user !== "number" || typeof system !== "number" || typeof rss !== "number") return null;
  return { userMs: user / 1000, sysMs: system / 1000, maxRssBytes: rss * 1024 };
}
