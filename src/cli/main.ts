import path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { importData, type ImportResult } from "../importer/index.js";
import { formatIssue } from "../importer/issues.js";
import { buildSite } from "../site/build.js";
import { UsageError, UserError } from "./errors.js";
import { BUILD_HELP, MAIN_HELP, VALIDATE_HELP } from "./help.js";
import type { Logger } from "./logger.js";

const COMMANDS = ["build", "validate"] as const;
type Command = (typeof COMMANDS)[number];

const HELP: Record<Command, string> = { build: BUILD_HELP, validate: VALIDATE_HELP };

/** Runs one command line; returns the exit code. Throws only for bugs (UserError is caught and reported). */
export async function main(argv: readonly string[], logger: Logger): Promise<number> {
  try {
    return await run(argv, logger);
  } catch (caught) {
    if (caught instanceof UserError) {
      logger.err(`zadig-snapshot: ${caught.message}`);
      return caught.exitCode;
    }
    throw caught;
  }
}

async function run(argv: readonly string[], logger: Logger): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    logger.out(MAIN_HELP);
    return command === undefined ? 2 : 0;
  }
  if (!isCommand(command)) {
    throw new UsageError(`unknown command ${JSON.stringify(command)}; expected one of: ${COMMANDS.join(", ")}. Run zadig-snapshot --help.`);
  }
  const options = parseOptions(command, rest);
  if (options.help) {
    logger.out(HELP[command]);
    return 0;
  }
  const imported = await importData(options.input);
  reportIssues(imported, options.input, logger);
  if (!imported.ok) {
    logger.err(`zadig-snapshot: ${countErrors(imported)} in ${options.input}; nothing was written.`);
    return 1;
  }
  if (command === "validate") {
    logger.out(`valid: ${describeInput(imported)}`);
    return 0;
  }
  const started = process.hrtime.bigint();
  const summary = await buildSite(imported.snapshot, { inputDir: options.input, outputDir: options.output });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  logger.out(
    `built ${summary.pages} pages and ${summary.jsonFiles} JSON files from ${describeInput(imported)} in ${seconds.toFixed(2)} s`,
  );
  logger.out(`open ${summary.outputDir}/index.html`);
  return 0;
}

function isCommand(value: string): value is Command {
  return (COMMANDS as readonly string[]).includes(value);
}

function parseOptions(command: Command, args: readonly string[]): { input: string; output: string; help: boolean } {
  const spec: ParseArgsConfig["options"] = {
    input: { type: "string", short: "i", default: "data" },
    help: { type: "boolean", short: "h", default: false },
    ...(command === "build" ? { output: { type: "string", short: "o", default: "_site" } } : {}),
  };
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: spec, strict: true, allowPositionals: false });
  } catch (caught) {
    const reason = caught instanceof Error ? caught.message.split("\n")[0] : String(caught);
    throw new UsageError(`${reason}. Run zadig-snapshot ${command} --help.`);
  }
  const values = parsed.values;
  const input = values["input"];
  const output = values["output"];
  for (const [name, value] of [["--input", input], ["--output", output]] as const) {
    if (value === "") throw new UsageError(`${name} needs a folder path. Run zadig-snapshot ${command} --help.`);
  }
  return {
    input: typeof input === "string" ? input : "data",
    output: typeof output === "string" ? output : "_site",
    help: values["help"] === true,
  };
}

/** One line per issue, naming each file as the user can open it (joined to --input). */
function reportIssues(imported: ImportResult, inputDir: string, logger: Logger): void {
  for (const issue of imported.issues) logger.err(formatIssue({ ...issue, file: path.join(inputDir, issue.file) }));
}

function countErrors(imported: ImportResult): string {
  const errors = imported.issues.filter((issue) => issue.severity === "error").length;
  return errors === 1 ? "1 problem" : `${errors} problems`;
}

function describeInput(imported: ImportResult): string {
  const { releases, images } = imported.snapshot;
  const traces = images.filter((image) => image.trace !== null).length;
  return `${imported.inputs.length} files (${releases.length} releases, ${images.length} images, ${traces} artifact traces)`;
}
