import { parseCommandArgs, type CliCommand } from "./command.js";
import { buildCommand } from "./commands/build.js";
import { validateCommand } from "./commands/validate.js";
import { reportCommand } from "./commands/report.js";
import { verifyCommand } from "./commands/verify.js";
import { UsageError, UserError } from "./errors.js";
import type { Logger } from "./logger.js";

/** Every subcommand, in the order the overview lists them. */
export const COMMANDS: readonly CliCommand[] = [buildCommand, validateCommand, reportCommand, verifyCommand];

/** Runs one command line and returns the exit code. Throws only for bugs; a UserError is reported without a stack. */
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
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    logger.out(overview());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (command === undefined) {
    throw new UsageError(`unknown command ${JSON.stringify(name)}; expected one of: ${COMMANDS.map((c) => c.name).join(", ")}. Run zadig-snapshot --help.`);
  }
  const { values, positionals } = parseCommandArgs(command, rest);
  if (values["help"] === true) {
    logger.out(command.help);
    return 0;
  }
  return command.run(values, positionals, logger);
}

export function overview(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return `zadig-snapshot: publish what a Zadig delivery pipeline released as a static, verifiable site.

Usage:
  zadig-snapshot <command> [options]
  zadig-snapshot <command> --help

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(width)}   ${command.summary}`).join("\n")}

Exit codes: 0 success, 1 invalid input (every problem listed on stderr), 2 usage error.

Examples:
  zadig-snapshot build
  zadig-snapshot build --input exports/ --output public/
  zadig-snapshot validate --input exports/
  zadig-snapshot report --release 2.4.1 --input exports/ --format md --output -
  zadig-snapshot verify public/
`;
}
