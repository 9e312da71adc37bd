import { parseArgs, type ParseArgsConfig } from "node:util";

/** Ends every usage error of the bench scripts. */
export const HINT = "Run with --help for usage.";

export type ParsedFlags = { readonly ok: true; readonly values: Record<string, string | boolean | undefined> } | { readonly ok: false; readonly message: string };

/**
 * `node:util` parseArgs for the bench scripts (`npm run gen`, `npm run bench`): strict, no positionals. A bad
 * command line becomes one line ending in HINT instead of a thrown error.
 */
export function parseFlags(argv: readonly string[], options: NonNullable<ParseArgsConfig["options"]>): ParsedFlags {
  try {
    const { values } = parseArgs({ args: [...argv], strict: true, allowPositionals: false, options });
    return { ok: true, values: values as Record<string, string | boolean | undefined> };
  } catch (caught) {
    return { ok: false, message: `${describeParseError(caught)} ${HINT}` };
  }
}

// node:util's messages can span several lines and name internals; say the same thing in one line.
function describeParseError(err: unknown): string {
  if (!(err instanceof Error)) return "Invalid arguments.";
  const code = "code" in err ? err.code : undefined;
  const quoted = /'([^']+)'/.exec(err.message)?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && quoted !== undefined) return `Unknown option "${quoted}".`;
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL" && quoted !== undefined) return `Unexpected argument "${quoted}".`;
  const flag = /'(--?[A-Za-z-]+)/.exec(err.message)?.[1];
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && flag !== undefined) {
    return err.message.includes("ambiguous")
      ? `${flag} is followed by a value starting with "-"; write ${flag}=VALUE if that is meant as its value.`
      : `${flag} needs a value.`;
  }
  return err.message.split("\n")[0] ?? "Invalid arguments.";
}
