import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./errors.js";
import type { Logger } from "./logger.js";

export type OptionValues = Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;

/** One subcommand: its help text, its flags, and what it does. Returns the exit code. */
export interface CliCommand {
  readonly name: string;
  /** One line for the overview. */
  readonly summary: string;
  readonly help: string;
  readonly options: NonNullable<ParseArgsConfig["options"]>;
  /** How many positional arguments it takes (e.g. `verify DIR`); default none. */
  readonly positionals?: { readonly min: number; readonly max: number; readonly name: string };
  run(values: OptionValues, positionals: readonly string[], logger: Logger): Promise<number>;
}

const HELP_OPTION = { help: { type: "boolean", short: "h", default: false } } as const;

/** Parses a command's argv strictly: unknown flags and stray arguments are usage errors pointing at --help. */
export function parseCommandArgs(command: CliCommand, args: readonly string[]): { values: OptionValues; positionals: string[] } {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: { ...command.options, ...HELP_OPTION }, strict: true, allowPositionals: true });
  } catch (caught) {
    const reason = caught instanceof Error ? (caught.message.split("\n")[0] ?? caught.message) : String(caught);
    throw new UsageError(`${reason}. Run zadig-snapshot ${command.name} --help.`);
  }
  const values: OptionValues = parsed.values;
  const { positionals } = parsed;
  if (values["help"] === true) return { values, positionals };
  const allowed = command.positionals ?? { min: 0, max: 0, name: "" };
  if (positionals.length > allowed.max) {
    throw new UsageError(`unexpected argument ${JSON.stringify(positionals[allowed.max])}. Run zadig-snapshot ${command.name} --help.`);
  }
  if (positionals.length < allowed.min) {
    throw new UsageError(`${command.name} needs ${allowed.name}. Run zadig-snapshot ${command.name} --help.`);
  }
  for (const [name, value] of Object.entries(values)) {
    if (value === "") throw new UsageError(`--${name} needs a value. Run zadig-snapshot ${command.name} --help.`);
  }
  return { values, positionals };
}

/** A string option's value, or the fallback. */
export function stringOption(values: OptionValues, name: string, fallback: string): string {
  const value = values[name];
  return typeof value === "string" ? value : fallback;
}
