import { UsageError } from "../cli/errors.js";

/** The value that replaces a redacted secret, in the HTML and the JSON mirror alike. */
export const REDACTED = "[redacted]";

/**
 * Words that make a variable's key name a credential (matched anywhere in the key, case-insensitive):
 * `DB_PASSWORD`, `apiToken`, `AWS_SECRET_ACCESS_KEY`, `sshKey`, `GIT_CREDENTIALS`…
 * Over-matching (`MONKEY`) only hides a harmless value; `--redact-key-pattern` replaces the list.
 */
export const DEFAULT_KEY_WORDS: readonly string[] = ["password", "passwd", "secret", "token", "key", "credential"];

export const DEFAULT_KEY_PATTERN = DEFAULT_KEY_WORDS.join("|");

/**
 * Compiles a `--redact-key-pattern` (a JavaScript regular expression, matched case-insensitively anywhere in
 * the key). An invalid or empty pattern is a usage error (exit 2).
 * @example compileKeyPattern("password|token").test("GITLAB_TOKEN") // true
 */
export function compileKeyPattern(source: string): RegExp {
  if (source.trim() === "") {
    throw new UsageError(`--redact-key-pattern needs a regular expression; the default is ${JSON.stringify(DEFAULT_KEY_PATTERN)}.`);
  }
  try {
    // No "g" flag: a global RegExp keeps lastIndex between test() calls and would skip matches.
    return new RegExp(source, "i");
  } catch (caught) {
    const reason = caught instanceof Error ? caught.message : String(caught);
    throw new UsageError(`--redact-key-pattern ${JSON.stringify(source)} is not a valid regular expression (${reason}).`);
  }
}
